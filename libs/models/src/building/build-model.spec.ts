import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planTraining, trainingSpecSchema, type DataOutput, type TrainingData, type TrainingPlan, type TrainingSpecInput } from '@aiaas/model-spec';
import { silentLogger } from '@aiaas/observability';
import { FsArtifactStore } from '@aiaas/storage';
import { selectBackend } from '../compute-backend';
import { loadModel, saveModel } from '../model-artifacts';
import { predictRows } from '../prediction/predict-rows';
import { buildModel } from './build-model';
import { SeededDropout } from './seeded-dropout';

const ROWS = 5;
const features: DataOutput = { kind: 'dense', name: 'numeric features', width: 3 };
const body: DataOutput = { kind: 'sequence', name: 'body', width: 6, cardinality: 20 };
const userId: DataOutput = { kind: 'index', name: 'user id', width: 1, cardinality: 7 };
const itemId: DataOutput = { kind: 'index', name: 'item-id', width: 1, cardinality: 9 };

function plan(model: TrainingSpecInput['model'], outputs: readonly DataOutput[], task: TrainingData['task'] = 'classification', extra: Partial<TrainingSpecInput> = {}): TrainingPlan {
  const classLabels = task === 'classification' ? ['a', 'b', 'c'] : [];
  return planTraining(trainingSpecSchema.parse({ model, seed: 7, ...extra }), { task, classLabels, outputs, hasValidation: false });
}

type ModelSpecInput = NonNullable<TrainingSpecInput['model']>;
const mlpModel: Extract<ModelSpecInput, { family: 'mlp' }> = { family: 'mlp', hiddenLayers: [{ units: 8, batchNorm: true, dropout: 0.2, l2: 0.01 }, { units: 4, activation: 'tanh' }] };
const recommenderModel: Extract<ModelSpecInput, { family: 'recommender' }> = { family: 'recommender', userColumn: 'user id', itemColumn: 'item-id', embeddingDim: 4 };

/** Deterministic example rows for each of a plan's inputs. */
function exampleInputs(trainingPlan: TrainingPlan): (Float32Array | Int32Array)[] {
  return trainingPlan.inputs.map((input, inputIndex) => {
    const length = ROWS * input.width;
    if (input.dtype === 'float32') return Float32Array.from({ length }, (_, i) => Math.sin(i + inputIndex));
    return Int32Array.from({ length }, (_, i) => (i * 7 + inputIndex) % input.cardinality!);
  });
}

function weightValues(model: tf.LayersModel): number[][] {
  return model.getWeights().map((weight) => Array.from(weight.dataSync()));
}

const families: [string, () => TrainingPlan][] = [
  ['mlp', () => plan(mlpModel, [features])],
  ['text with pooling', () => plan({ family: 'text', embeddingDim: 4, encoder: { kind: 'pooling', pooling: 'max' } }, [body])],
  ['text with conv1d and dense features', () => plan({ family: 'text', embeddingDim: 4, encoder: { kind: 'conv1d', filters: 3, kernelSize: 8 }, hiddenLayers: [{ units: 4, dropout: 0.5 }] }, [body, features])],
  ['text with a bidirectional GRU', () => plan({ family: 'text', embeddingDim: 4, encoder: { kind: 'rnn', cell: 'gru', units: 3, bidirectional: true } }, [body])],
  ['text with an LSTM', () => plan({ family: 'text', embeddingDim: 4, encoder: { kind: 'rnn', cell: 'lstm', units: 3 } }, [body], 'regression')],
  ['matrix factorisation', () => plan(recommenderModel, [userId, itemId], 'regression')],
  ['two-tower with implicit feedback', () => plan({ ...recommenderModel, architecture: 'two-tower', towerUnits: [6, 5], l2: 0.1, feedback: { kind: 'implicit' } }, [userId, itemId], 'regression')],
];

describe('buildModel', () => {
  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
  });

  it('takes the plan inputs in order, under valid layer names, with their widths and dtypes', () => {
    const trainingPlan = plan({ family: 'text', embeddingDim: 4 }, [body, features]);
    const model = buildModel(trainingPlan);
    expect(model.inputs.map((input) => [input.name.replace(/\/.*$/, ''), input.shape, input.dtype])).toEqual([
      ['input_body', [null, 6], 'int32'],
      ['input_numeric_features', [null, 3], 'float32'],
    ]);
    model.dispose();
  });

  it('outputs one unit per class for a softmax head and one unit otherwise', () => {
    const shapes = [plan(mlpModel, [features]), plan(mlpModel, [features], 'regression'), plan(recommenderModel, [userId, itemId], 'regression')].map((trainingPlan) => {
      const model = buildModel(trainingPlan);
      const shape = model.outputs[0]!.shape;
      model.dispose();
      return shape;
    });
    expect(shapes).toEqual([
      [null, 3],
      [null, 1],
      [null, 1],
    ]);
  });

  it('wires hidden layers as dense, batch norm, activation and seeded dropout, with the kernel penalty', () => {
    const model = buildModel(plan(mlpModel, [features]));
    expect(model.layers.map((layer) => layer.getClassName())).toEqual(['InputLayer', 'Dense', 'BatchNormalization', 'Activation', 'SeededDropout', 'Dense', 'Dense']);
    expect(model.layers[1]!.getConfig()['kernelRegularizer']).toMatchObject({ className: 'L1L2', config: { l1: 0, l2: 0.01 } });
    expect(model.layers[5]!.getConfig()['activation']).toBe('tanh');
    expect(model.calculateLosses()).toHaveLength(1);
    tf.dispose(model.calculateLosses());
    model.dispose();
  });

  it('scores a recommender as the dot product of the embeddings plus user, item and global biases', () => {
    const trainingPlan = plan(recommenderModel, [userId, itemId], 'regression');
    const model = buildModel(trainingPlan);
    const table = (name: string) => model.getLayer(name).getWeights()[0]!.arraySync() as number[][];
    model.getLayer('user_bias').setWeights([tf.tensor2d(Array.from({ length: 7 }, (_, i) => [i / 10]))]);
    model.getLayer('item_bias').setWeights([tf.tensor2d(Array.from({ length: 9 }, (_, i) => [i / 100]))]);
    model.getLayer('global_bias').setWeights([tf.tensor2d([[3]])]);
    const [users, items] = [table('user_embedding'), table('item_embedding')];
    const predicted = model.predict([tf.tensor2d([[2], [5]], [2, 1], 'int32'), tf.tensor2d([[8], [1]], [2, 1], 'int32')]) as tf.Tensor;
    const dot = (user: number, item: number) => users[user]!.reduce((sum, value, k) => sum + value * items[item]![k]!, 0);
    const expected = [dot(2, 8) + 0.2 + 0.08 + 3, dot(5, 1) + 0.5 + 0.01 + 3];
    Array.from(predicted.dataSync()).forEach((value, row) => expect(value).toBeCloseTo(expected[row]!, 5));
    expect(model.trainableWeights.map((weight) => weight.name.replace(/_\d+$/, ''))).toContain('global_bias/kernel');
    predicted.dispose();
    model.dispose();
  });

  it('maps a linear output to target units through a fixed, non-trainable last layer', () => {
    const trainingPlan = plan(mlpModel, [features], 'regression');
    const unscaled = buildModel(trainingPlan);
    const scaled = buildModel(trainingPlan, { targetScale: { mean: 10, std: 4 } });
    expect(scaled.trainableWeights.length).toBe(unscaled.trainableWeights.length);
    expect(scaled.layers.at(-1)!.getConfig()).toMatchObject({ scale: 4, offset: 10 });
    const input = tf.tensor2d(exampleInputs(trainingPlan)[0]!, [ROWS, 3]);
    const [raw, inTargetUnits] = [unscaled, scaled].map((model) => Array.from((model.predict(input) as tf.Tensor).dataSync()));
    inTargetUnits!.forEach((value, row) => expect(value).toBeCloseTo(raw![row]! * 4 + 10, 5));
    expect(() => buildModel(plan(mlpModel, [features]), { targetScale: { mean: 0, std: 1 } })).toThrow(/linear head/);
    tf.dispose(input);
    [unscaled, scaled].forEach((model) => model.dispose());
  });

  it('builds bit-identical initial weights from the same plan, and different ones from another seed', () => {
    const trainingPlan = plan({ family: 'text', embeddingDim: 4, encoder: { kind: 'rnn', bidirectional: true, units: 3 }, hiddenLayers: [{ units: 4 }] }, [body, features]);
    const [first, second] = [buildModel(trainingPlan), buildModel(trainingPlan)];
    const reseeded = buildModel({ ...trainingPlan, spec: { ...trainingPlan.spec, seed: 8 } });
    expect(weightValues(second)).toEqual(weightValues(first));
    weightValues(reseeded).forEach((values, index) => {
      if (values.some((value) => value !== 0)) expect(values).not.toEqual(weightValues(first)[index]);
    });
    // The two directions of the bidirectional encoder start from different weights.
    expect(weightValues(first)[1]).not.toEqual(weightValues(first)[4]);
    [first, second, reseeded].forEach((model) => model.dispose());
  });

  it('skips padding in recurrent encoders, so pre- and post-padded token rows encode the same', () => {
    const model = buildModel(plan({ family: 'text', embeddingDim: 4, encoder: { kind: 'rnn', units: 3, bidirectional: true } }, [body]));
    const rows = tf.tensor2d([[5, 9, 2, 0, 0, 0], [0, 0, 0, 5, 9, 2]], [2, 6], 'int32');
    const [postPadded, prePadded] = (model.predict(rows) as tf.Tensor).arraySync() as number[][];
    prePadded!.forEach((value, column) => expect(value).toBeCloseTo(postPadded![column]!, 6));
    tf.dispose(rows);
    model.dispose();
  });

  describe.each(families)('%s', (_, makePlan) => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'aiaas-build-model-'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('saves and loads back a model that predicts the same', async () => {
      const trainingPlan = makePlan();
      const model = buildModel(trainingPlan, trainingPlan.head.kind === 'linear' ? { targetScale: { mean: 2, std: 3 } } : {});
      const inputs = exampleInputs(trainingPlan);
      const before = await predictRows(model, inputs, ROWS);
      expect(before.every(Number.isFinite)).toBe(true);
      const loaded = await loadModel(new FsArtifactStore(root), await saveModel(model, new FsArtifactStore(root)));
      expect(loaded.layers.map((layer) => layer.getClassName())).toEqual(model.layers.map((layer) => layer.getClassName()));
      expect(await predictRows(loaded, inputs, ROWS, 2)).toEqual(before);
      model.dispose();
      loaded.dispose();
    });
  });

  it('keeps dropout layers as SeededDropout through a save and load', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aiaas-build-model-'));
    const store = new FsArtifactStore(root);
    const model = buildModel(plan(mlpModel, [features]));
    const loaded = await loadModel(store, await saveModel(model, store));
    const dropout = loaded.layers.find((layer) => layer instanceof SeededDropout) as SeededDropout | undefined;
    expect([dropout?.rate, dropout?.seed]).toEqual([0.2, (model.getLayer('hidden_1_dropout') as SeededDropout).seed]);
    model.dispose();
    loaded.dispose();
    rmSync(root, { recursive: true, force: true });
  });
});

// On wasm this relies on the training kernels selectBackend registers (UnsortedSegmentSum for
// embedding gradients, Conv2DBackpropFilter for convolution gradients).
describe.each(['cpu', 'wasm'] as const)('buildModel gradients on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend(backend, silentLogger);
  });
  afterAll(async () => {
    await selectBackend('wasm', silentLogger);
  });

  it.each(families)('%s: every trainable weight gets a gradient in training mode', (_, makePlan) => {
    const trainingPlan = makePlan();
    const model = buildModel(trainingPlan);
    const inputs = exampleInputs(trainingPlan).map((values, index) => {
      const input = trainingPlan.inputs[index]!;
      return tf.tensor(values, [ROWS, input.width], input.dtype);
    });
    const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(() => tf.sum(model.apply(inputs, { training: true }) as tf.Tensor).asScalar(), variables);
    expect(Object.keys(grads).sort()).toEqual(variables.map((variable) => variable.name).sort());
    variables.forEach((variable) => expect(grads[variable.name]!.shape).toEqual(variable.shape));
    tf.dispose([value, grads, inputs]);
    model.dispose();
  });
});
