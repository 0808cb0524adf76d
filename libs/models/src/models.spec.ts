import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@aiaas/observability';
import { FsArtifactStore } from '@aiaas/storage';
import { selectBackend } from './compute-backend';
import { argMaxRows, buildMlpClassifier, predictProbabilities } from './mlp-classifier';
import { loadModel, saveModel } from './model-artifacts';

describe('selectBackend', () => {
  it('falls back from absent native packages to wasm under auto', async () => {
    const missingNative = (name: string) => {
      if (name.includes('tfjs-node')) throw new Error(`Cannot find module '${name}'`);
      return require(name) as unknown;
    };
    await expect(selectBackend('auto', silentLogger, missingNative)).resolves.toEqual({ name: 'wasm', provider: '@tensorflow/tfjs-backend-wasm' });
    expect(tf.getBackend()).toBe('wasm');
  });

  it('refuses an explicit tensorflow preference that cannot be met, saying what to install', async () => {
    const nothing = () => {
      throw new Error('not installed');
    };
    await expect(selectBackend('tensorflow', silentLogger, nothing)).rejects.toThrow(/npm install @tensorflow\/tfjs-node/);
  });

  it('uses cpu when asked', async () => {
    await expect(selectBackend('cpu', silentLogger)).resolves.toEqual({ name: 'cpu', provider: '@tensorflow/tfjs' });
  });
});

describe('MLP classifier', () => {
  let root: string;
  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
  });
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'aiaas-models-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const spec = { inputSize: 2, classes: 2, hiddenUnits: [8], dropout: 0, learningRate: 0.05, seed: 7 };

  it('learns a separable problem on the wasm backend', async () => {
    const model = buildMlpClassifier(spec);
    // Class 1 when x + y > 0.
    const points = Array.from({ length: 200 }, (_, i) => [Math.sin(i * 12.9898) * 2, Math.cos(i * 78.233) * 2] as const);
    const x = tf.tensor2d(points.map(([a, b]) => [a, b]));
    const y = tf.oneHot(tf.tensor1d(points.map(([a, b]) => (a + b > 0 ? 1 : 0)), 'int32'), 2);
    await model.fit(x, y, { epochs: 40, batchSize: 32, verbose: 0 });
    const probabilities = await predictProbabilities(model, new Float32Array(points.flat()), points.length, 2);
    const predicted = argMaxRows(probabilities, 2);
    const correct = points.filter(([a, b], i) => predicted[i] === (a + b > 0 ? 1 : 0)).length;
    expect(correct / points.length).toBeGreaterThan(0.9);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('builds the same initial weights from the same seed', () => {
    const a = buildMlpClassifier(spec);
    const b = buildMlpClassifier(spec);
    const c = buildMlpClassifier({ ...spec, seed: 8 });
    const weights = (model: tf.Sequential) => Array.from(model.getWeights()[0]!.dataSync());
    expect(weights(a)).toEqual(weights(b));
    expect(weights(a)).not.toEqual(weights(c));
    [a, b, c].forEach((model) => model.dispose());
  });

  it('saves through the artifact store and loads back a model that predicts the same', async () => {
    const store = new FsArtifactStore(root);
    const model = buildMlpClassifier(spec);
    const input = new Float32Array([0.5, -1, 2, 0.25]);
    const before = await predictProbabilities(model, input, 2, 2);
    const refs = await saveModel(model, store);
    const loaded = await loadModel(store, refs);
    await expect(predictProbabilities(loaded, input, 2, 2, 1)).resolves.toEqual(before);
    model.dispose();
    loaded.dispose();
  });

  it('frees every tensor it allocates while predicting', async () => {
    const model = buildMlpClassifier(spec);
    const before = tf.memory().numTensors;
    await predictProbabilities(model, new Float32Array(2 * 3000), 3000, 2, 256);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});

describe('argMaxRows', () => {
  it('picks the first largest column of each row', () => {
    expect(Array.from(argMaxRows(new Float32Array([0.1, 0.7, 0.2, 0.5, 0.5, 0]), 3))).toEqual([1, 0]);
  });
});
