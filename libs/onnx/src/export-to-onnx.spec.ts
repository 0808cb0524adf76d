import * as tf from '@tensorflow/tfjs';
import { ACTIVATIONS, planTraining, trainingSpecSchema, type DataOutput, type TrainingData, type TrainingPlan, type TrainingSpecInput } from '@aiaas/model-spec';
import { buildModel, GreedyDecoder, selectBackend, type BuildModelOptions } from '@aiaas/models';
import { silentLogger } from '@aiaas/observability';
import { decodeOnnxModel } from './decode-onnx-model';
import { exportToOnnx, ONNX_IR_VERSION, ONNX_OPSET_VERSION, type OnnxExport } from './export-to-onnx';
import { maxScaledError, perturbWeights, predictOnnx, predictTfjs, type ExampleInput } from './parity.test-helpers';

const TOLERANCE = 1e-5;
const WIDTH = 6;
const TOKENS = 20;
/** Token rows: post-, pre- and mid-padding, an all-padding row, the highest id, unknown ids (0). */
const TOKEN_ROWS = [
  [5, 9, 2, 0, 0, 0],
  [0, 0, 0, 5, 9, 2],
  [3, 0, 4, 0, 7, 1],
  [0, 0, 0, 0, 0, 0],
  [19, 18, 17, 16, 15, 14],
  [1, 2, 3, 4, 5, 6],
  [0, 7, 0, 0, 0, 0],
  [11, 0, 0, 0, 0, 12],
];
const ROWS = TOKEN_ROWS.length;

const features: DataOutput = { kind: 'dense', name: 'numeric features', width: 4 };
const body: DataOutput = { kind: 'sequence', name: 'body', width: WIDTH, cardinality: TOKENS };
const userId: DataOutput = { kind: 'index', name: 'user id', width: 1, cardinality: 7 };
const itemId: DataOutput = { kind: 'index', name: 'item-id', width: 1, cardinality: 9 };

type ModelSpecInput = NonNullable<TrainingSpecInput['model']>;

function plan(model: ModelSpecInput, outputs: readonly DataOutput[], task: TrainingData['task'], classes = 3): TrainingPlan {
  const classLabels = task === 'classification' ? ['a', 'b', 'c', 'd'].slice(0, classes) : [];
  return planTraining(trainingSpecSchema.parse({ model, seed: 7 }), { task, classLabels, outputs, hasValidation: false });
}

function seq2seqPlan(): TrainingPlan {
  return planTraining(trainingSpecSchema.parse({ model: { family: 'seq2seq', embeddingDim: 4, units: 5 }, seed: 3 }), {
    task: 'sequence',
    classLabels: [],
    outputs: [{ kind: 'sequence', name: 'english', width: 5, cardinality: 9 }],
    hasValidation: false,
    targetSequence: { length: WIDTH, cardinality: 12 },
  });
}

/** Every activation once with batch norm and once without, with dropout and an L2 penalty here and there. */
function everyActivation(batchNormFirst: boolean): ModelSpecInput {
  return {
    family: 'mlp',
    hiddenLayers: ACTIVATIONS.map((activation, index) => ({ units: 5 + (index % 3), activation, batchNorm: (index % 2 === 0) === batchNormFirst, dropout: index % 3 === 0 ? 0.25 : 0, l2: index === 0 ? 0.01 : 0 })),
  };
}

const recommender: Extract<ModelSpecInput, { family: 'recommender' }> = { family: 'recommender', userColumn: 'user id', itemColumn: 'item-id', embeddingDim: 4 };
const twoTower: Extract<ModelSpecInput, { family: 'recommender' }> = { ...recommender, architecture: 'two-tower', towerUnits: [6, 5], l2: 0.1 };

/** Deterministic rows for each input of a plan: features in ±2, ids covering 0 and the largest id. */
function exampleInputs(trainingPlan: TrainingPlan): ExampleInput[] {
  return trainingPlan.inputs.map((input, inputIndex) => {
    const shape = [ROWS, input.width];
    if (input.dtype === 'float32') return { dtype: 'float32', shape, values: Float32Array.from({ length: ROWS * input.width }, (_, i) => 2 * Math.sin(i * 1.3 + inputIndex)) };
    const cardinality = input.cardinality!;
    const values = input.width === WIDTH && cardinality === TOKENS ? TOKEN_ROWS.flat() : Array.from({ length: ROWS * input.width }, (_, i) => (i * 5 + inputIndex) % cardinality);
    return { dtype: 'int32', shape, values: Int32Array.from(values) };
  });
}

const families: [string, () => TrainingPlan, BuildModelOptions?][] = [
  ['mlp softmax classifier, every activation after batch norm or dense', () => plan(everyActivation(true), [features], 'classification')],
  ['mlp softmax classifier, every activation the other way round', () => plan(everyActivation(false), [features], 'classification')],
  ['mlp sigmoid classifier', () => plan({ family: 'mlp', hiddenLayers: [{ units: 8, batchNorm: true, dropout: 0.5 }] }, [features], 'classification', 2)],
  ['mlp regressor with the target scale', () => plan({ family: 'mlp', hiddenLayers: [{ units: 8, activation: 'gelu' }, { units: 4, activation: 'swish', batchNorm: true }] }, [features], 'regression'), { targetScale: { mean: 120, std: 35 } }],
  ['text, average pooling, with dense features', () => plan({ family: 'text', embeddingDim: 4, encoder: { kind: 'pooling', pooling: 'average' }, hiddenLayers: [{ units: 5 }] }, [body, features], 'classification')],
  ['text, max pooling', () => plan({ family: 'text', embeddingDim: 4, encoder: { kind: 'pooling', pooling: 'max' } }, [body], 'classification', 2)],
  ['text, conv1d (even kernel longer than the text), max pooling, with dense features', () => plan({ family: 'text', embeddingDim: 4, encoder: { kind: 'conv1d', filters: 3, kernelSize: 8 }, hiddenLayers: [{ units: 4, dropout: 0.5 }] }, [body, features], 'classification')],
  ['text, conv1d (odd kernel), average pooling', () => plan({ family: 'text', embeddingDim: 5, encoder: { kind: 'conv1d', filters: 4, kernelSize: 3, pooling: 'average' } }, [body], 'regression'), { targetScale: { mean: 3, std: 2 } }],
  ['text, LSTM', () => plan({ family: 'text', embeddingDim: 4, encoder: { kind: 'rnn', cell: 'lstm', units: 3 } }, [body], 'classification')],
  ['text, GRU', () => plan({ family: 'text', embeddingDim: 4, encoder: { kind: 'rnn', cell: 'gru', units: 5 } }, [body], 'regression')],
  ['text, bidirectional LSTM', () => plan({ family: 'text', embeddingDim: 4, encoder: { kind: 'rnn', cell: 'lstm', units: 4, bidirectional: true } }, [body], 'classification', 2)],
  ['text, bidirectional GRU, hidden layers and dense features', () => plan({ family: 'text', embeddingDim: 3, encoder: { kind: 'rnn', cell: 'gru', units: 3, bidirectional: true }, hiddenLayers: [{ units: 4, activation: 'elu', batchNorm: true }] }, [body, features], 'classification')],
  ['recommender, matrix factorisation, explicit', () => plan(recommender, [userId, itemId], 'regression')],
  ['recommender, matrix factorisation, implicit', () => plan({ ...recommender, feedback: { kind: 'implicit' } }, [userId, itemId], 'regression')],
  ['recommender, two-tower, explicit', () => plan(twoTower, [userId, itemId], 'regression')],
  ['recommender, two-tower, implicit', () => plan({ ...twoTower, feedback: { kind: 'implicit' } }, [userId, itemId], 'regression')],
  ['seq2seq training graph (two inputs, [batch, steps, tokens] output)', seq2seqPlan],
];

/** How many rows of a [rows, …] output differ from every earlier row by more than 1e-4 somewhere. */
function distinctRows(values: Float32Array, rows: number): number {
  const width = values.length / rows;
  const row = (index: number) => values.subarray(index * width, (index + 1) * width);
  let distinct = 0;
  for (let index = 0; index < rows; index++) {
    if (Array.from({ length: index }, (_, earlier) => earlier).every((earlier) => row(index).some((value, k) => Math.abs(value - row(earlier)[k]!) > 1e-4))) distinct++;
  }
  return distinct;
}

function exported(result: OnnxExport): Extract<OnnxExport, { supported: true }> {
  if (!result.supported) throw new Error(`expected an export, got: ${result.reason}`);
  return result;
}

/** Measured errors by family, printed when ONNX_PARITY_REPORT is set. */
const measured: [string, number][] = [];

describe('exportToOnnx', () => {
  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
  });
  afterAll(() => {
    if (process.env['ONNX_PARITY_REPORT']) console.log(measured.map(([family, error]) => `${error.toExponential(2)}  ${family}`).join('\n'));
  });

  describe.each(families)('%s', (family, makePlan, buildOptions) => {
    let model: tf.LayersModel;
    let trainingPlan: TrainingPlan;
    beforeAll(() => {
      trainingPlan = makePlan();
      model = buildModel(trainingPlan, buildOptions);
      perturbWeights(model);
    });
    afterAll(() => model.dispose());

    it('predicts in ONNX Runtime what model.predict predicts', async () => {
      const inputs = exampleInputs(trainingPlan);
      const result = exported(exportToOnnx(model));
      const expected = predictTfjs(model, inputs);
      const actual = await predictOnnx(result, inputs);
      expect(expected.every((values) => values.every(Number.isFinite))).toBe(true);
      const error = maxScaledError(expected, actual);
      measured.push([family, error]);
      // The rows are different enough for a wrong translation to show.
      expect(distinctRows(expected[0]!, ROWS)).toBeGreaterThanOrEqual(ROWS / 2);
      expect(error).toBeLessThanOrEqual(TOLERANCE);
    });

    it('declares the inputs and outputs the bytes decode to, with int32 ids kept int32', () => {
      const result = exported(exportToOnnx(model, { producerName: 'parity-test', graphName: 'graph' }));
      const decoded = decodeOnnxModel(result.bytes);
      expect(decoded).toMatchObject({ irVersion: ONNX_IR_VERSION, opsetVersion: ONNX_OPSET_VERSION, producerName: 'parity-test', graphName: 'graph' });
      expect(decoded.inputs).toEqual(result.inputs);
      expect(decoded.outputs).toEqual(result.outputs);
      expect(result.inputs.map(({ dtype, shape }) => [dtype, shape])).toEqual(trainingPlan.inputs.map((input) => [input.dtype, [null, input.width]]));
      expect(result.inputs.map(({ name }) => name)).toEqual(model.inputs.map((input) => input.sourceLayer.name));
      expect(result.outputs.map(({ shape }) => shape)).toEqual(model.outputs.map((output) => output.shape));
    });

    it('gives the same bytes for the same model, and for the same plan built again', () => {
      const rebuilt = buildModel(trainingPlan, buildOptions);
      perturbWeights(rebuilt);
      const [first, second, third] = [exportToOnnx(model), exportToOnnx(model), exportToOnnx(rebuilt)].map((result) => Buffer.from(exported(result).bytes));
      expect(second!.equals(first!)).toBe(true);
      expect(third!.equals(first!)).toBe(true);
      rebuilt.dispose();
    });
  });

  it('exports the seq2seq training graph alone after a greedy decoder has reused its layers', async () => {
    const trainingPlan = seq2seqPlan();
    const model = buildModel(trainingPlan);
    perturbWeights(model);
    const before = exported(exportToOnnx(model));
    expect(new GreedyDecoder(model, { start: 2, end: 3 })).toBeDefined();
    const after = exported(exportToOnnx(model));
    expect(Buffer.from(after.bytes).equals(Buffer.from(before.bytes))).toBe(true);
    const inputs = exampleInputs(trainingPlan);
    expect(maxScaledError(predictTfjs(model, inputs), await predictOnnx(after, inputs))).toBeLessThanOrEqual(TOLERANCE);
    model.dispose();
  });

  it('names the input layers and output layers, and carries int32 id inputs as int32', () => {
    const model = buildModel(plan(recommender, [userId, itemId], 'regression'), {});
    const result = exported(exportToOnnx(model));
    expect(result.inputs).toEqual([
      { name: 'input_user_id', dtype: 'int32', shape: [null, 1] },
      { name: 'input_item_id', dtype: 'int32', shape: [null, 1] },
    ]);
    expect(result.outputs).toEqual([{ name: 'score', dtype: 'float32', shape: [null, 1] }]);
    model.dispose();
  });
});
