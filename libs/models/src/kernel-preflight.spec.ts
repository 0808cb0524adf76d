import * as tf from '@tensorflow/tfjs';
import { silentLogger } from '@aiaas/observability';
import { selectBackend } from './compute-backend';
import { kernelPreflight } from './kernel-preflight';

// PROD, not IS_TEST, silences the banner: IS_TEST's kernel leak check reports a phantom leak
// for the stock wasm fused matMul with a bias under a gradient tape (tfjs 4.22).
tf.env().set('PROD', true);

beforeAll(async () => {
  await selectBackend('wasm', silentLogger);
});

const seeded = (seed: number) => tf.initializers.glorotUniform({ seed });

function mlp(): tf.Sequential {
  return tf.sequential({
    layers: [tf.layers.dense({ inputShape: [4], units: 8, activation: 'relu', kernelInitializer: seeded(1) }), tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: seeded(2) })],
  });
}

describe('kernelPreflight', () => {
  it('finds an MLP supported on wasm and cpu, and tensorflow not installed here, disposing everything', async () => {
    const model = mlp();
    const input = tf.ones([2, 4]);
    const tensorsBefore = tf.memory().numTensors;
    const preflight = await kernelPreflight(model, input);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(preflight.kernels).toEqual(expect.arrayContaining(['_FusedMatMul', 'Softmax']));
    expect(preflight.kernels).toEqual([...new Set(preflight.kernels)].sort());
    expect(preflight.kernels).not.toContain('fusedMatMul__op');
    expect(preflight.backends).toEqual([
      { backend: 'tensorflow', status: 'not-installed', missing: [] },
      { backend: 'wasm', status: 'supported', missing: [] },
      { backend: 'cpu', status: 'supported', missing: [] },
    ]);
    expect(JSON.parse(JSON.stringify(preflight))).toEqual(preflight);
    input.dispose();
    model.dispose();
  });

  it('reports the kernels a backend lacks', async () => {
    const model = tf.sequential({ layers: [tf.layers.conv1d({ inputShape: [8, 2], filters: 3, kernelSize: 3, kernelInitializer: seeded(3) }), tf.layers.globalMaxPooling1d()] });
    const input = tf.ones([1, 8, 2]);
    const conv2D = tf.getKernel(tf.Conv2D, 'cpu');
    tf.unregisterKernel(tf.Conv2D, 'cpu');
    try {
      const preflight = await kernelPreflight(model, input);
      expect(preflight.kernels).toContain('Conv2D');
      expect(preflight.backends.find((entry) => entry.backend === 'cpu')).toEqual({ backend: 'cpu', status: 'missing-kernels', missing: ['Conv2D'] });
      expect(preflight.backends.find((entry) => entry.backend === 'wasm')?.status).toBe('supported');
    } finally {
      tf.registerKernel(conv2D);
      input.dispose();
      model.dispose();
    }
  });

  it('with sample targets also lists the training kernels, and leaves the weights as they were', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.embedding({ inputDim: 10, outputDim: 4, inputLength: 3, embeddingsInitializer: tf.initializers.randomUniform({ seed: 4 }) }),
        tf.layers.flatten(),
        tf.layers.batchNormalization(),
        tf.layers.dense({ units: 2, kernelInitializer: seeded(5), kernelRegularizer: tf.regularizers.l2() }),
      ],
    });
    model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
    const input = tf.tensor2d([1, 2, 3, 4, 5, 9], [2, 3], 'int32');
    const targets = tf.tensor2d([0.5, -1, 2, 0], [2, 2]);
    const weightsBefore = model.getWeights().map((weight) => Array.from(weight.dataSync()));
    const tensorsBefore = tf.memory().numTensors;

    const forward = await kernelPreflight(model, input);
    const training = await kernelPreflight(model, input, { sampleTargets: targets });

    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(model.getWeights().map((weight) => Array.from(weight.dataSync()))).toEqual(weightsBefore);
    expect(forward.kernels).not.toContain('UnsortedSegmentSum');
    expect(training.kernels).toEqual(expect.arrayContaining(['UnsortedSegmentSum', 'BatchMatMul', ...forward.kernels]));
    // selectBackend registered the wasm training kernels, so wasm has them all.
    expect(training.backends.find((entry) => entry.backend === 'wasm')).toEqual({ backend: 'wasm', status: 'supported', missing: [] });
    tf.dispose([input, targets]);
    model.dispose();
  });

  it('refuses sample targets for a model that is not compiled', async () => {
    const model = mlp();
    const input = tf.ones([2, 4]);
    const targets = tf.ones([2, 3]);
    await expect(kernelPreflight(model, input, { sampleTargets: targets })).rejects.toThrow(/compiled model/);
    tf.dispose([input, targets]);
    model.dispose();
  });
});
