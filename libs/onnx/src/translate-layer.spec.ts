import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '@aiaas/models';
import { silentLogger } from '@aiaas/observability';
import { exportToOnnx } from './export-to-onnx';
import { maxScaledError, perturbWeights, predictOnnx, predictTfjs, type ExampleInput } from './parity.test-helpers';

const ROWS = 5;
const STEPS = 7;
const TOLERANCE = 1e-5;
const seeded = (seed: number) => ({ kernelInitializer: tf.initializers.glorotUniform({ seed }), recurrentInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) });

function floats(shape: number[], phase = 0): ExampleInput {
  const size = shape.reduce((product, dim) => product * dim, 1);
  return { dtype: 'float32', shape, values: Float32Array.from({ length: size }, (_, i) => 1.5 * Math.sin(i * 0.9 + phase)) };
}

/** Token rows of STEPS ids below 10, with padding at the end, the start, the middle, and one row all padding. */
function tokens(): ExampleInput {
  const rows = [
    [4, 2, 9, 0, 0, 0, 0],
    [0, 0, 0, 0, 4, 2, 9],
    [0, 0, 0, 0, 0, 0, 0],
    [1, 0, 3, 0, 0, 8, 0],
    [9, 8, 7, 6, 5, 4, 3],
  ];
  return { dtype: 'int32', shape: [ROWS, STEPS], values: Int32Array.from(rows.flat()) };
}

async function expectParity(model: tf.LayersModel, inputs: ExampleInput[]): Promise<void> {
  perturbWeights(model);
  const result = exportToOnnx(model);
  if (!result.supported) throw new Error(result.reason);
  const expected = predictTfjs(model, inputs);
  expect(maxScaledError(expected, await predictOnnx(result, inputs))).toBeLessThanOrEqual(TOLERANCE);
  model.dispose();
}

function unsupportedReason(model: tf.LayersModel): string {
  const result = exportToOnnx(model);
  model.dispose();
  if (result.supported) throw new Error('expected the export to be refused');
  return result.reason;
}

describe('layer translations beyond the platform families', () => {
  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
  });

  it('LSTM reading backwards returns its sequence (in TF.js order, last step first) and both states', async () => {
    const input = tf.input({ shape: [STEPS, 3] });
    const outputs = tf.layers.lstm({ name: 'lstm', units: 4, goBackwards: true, returnSequences: true, returnState: true, ...seeded(1) }).apply(input) as tf.SymbolicTensor[];
    await expectParity(tf.model({ inputs: input, outputs }), [floats([ROWS, STEPS, 3])]);
  });

  it('GRU with sigmoid gates and a relu candidate returns its sequence', async () => {
    const input = tf.input({ shape: [STEPS, 3] });
    const output = tf.layers.gru({ name: 'gru', units: 4, activation: 'relu', recurrentActivation: 'sigmoid', returnSequences: true, ...seeded(3) }).apply(input) as tf.SymbolicTensor;
    await expectParity(tf.model({ inputs: input, outputs: output }), [floats([ROWS, STEPS, 3])]);
  });

  it.each(['lstm', 'gru'] as const)('masked %s started from given states keeps them for a row of padding only', async (cell) => {
    const ids = tf.input({ shape: [STEPS], dtype: 'int32' });
    const context = tf.input({ shape: [2] });
    const embedded = tf.layers.embedding({ name: 'embedding', inputDim: 10, outputDim: 3, maskZero: true }).apply(ids) as tf.SymbolicTensor;
    const states = [0, 1].slice(0, cell === 'lstm' ? 2 : 1).map((index) => tf.layers.dense({ name: `state_${index}`, units: 4, activation: 'tanh' }).apply(context) as tf.SymbolicTensor);
    // Only the output: TF.js's executor re-applies a multi-output layer per fetched output, and
    // the second application of a masked RNN with initial states throws inside TF.js.
    const layer = cell === 'lstm' ? tf.layers.lstm({ name: 'rnn', units: 4, ...seeded(5) }) : tf.layers.gru({ name: 'rnn', units: 4, ...seeded(5) });
    const output = layer.apply(embedded, { initialState: states }) as tf.SymbolicTensor;
    await expectParity(tf.model({ inputs: [ids, context], outputs: output }), [tokens(), floats([ROWS, 2], 1)]);
  });

  it('carries a mask through dropout to an RNN, and, like TF.js, lets pooling average over padding', async () => {
    const ids = tf.input({ shape: [STEPS], dtype: 'int32' });
    const embedded = tf.layers.embedding({ name: 'embedding', inputDim: 10, outputDim: 3, maskZero: true }).apply(ids) as tf.SymbolicTensor;
    const dropped = tf.layers.dropout({ name: 'dropout', rate: 0.3 }).apply(embedded) as tf.SymbolicTensor;
    const encoded = tf.layers.lstm({ name: 'lstm', units: 3, goBackwards: true, ...seeded(7) }).apply(dropped) as tf.SymbolicTensor;
    const pooled = tf.layers.globalAveragePooling1d({ name: 'pooled' }).apply(embedded) as tf.SymbolicTensor;
    await expectParity(tf.model({ inputs: ids, outputs: [encoded, pooled] }), [tokens()]);
  });

  it('Conv1D with a stride and same padding, and with a dilation and valid padding', async () => {
    const input = tf.input({ shape: [STEPS, 3] });
    const strided = tf.layers.conv1d({ name: 'strided', filters: 2, kernelSize: 4, strides: 2, padding: 'same', activation: 'tanh' }).apply(input) as tf.SymbolicTensor;
    const dilated = tf.layers.conv1d({ name: 'dilated', filters: 3, kernelSize: 2, dilationRate: 2, padding: 'valid', useBias: false }).apply(input) as tf.SymbolicTensor;
    await expectParity(tf.model({ inputs: input, outputs: [strided, dilated] }), [floats([ROWS, STEPS, 3])]);
  });

  it('activations the platform does not use yet, softmax over the last axis of a sequence, flatten and merges', async () => {
    const input = tf.input({ shape: [STEPS, 3] });
    const activated = ['relu6', 'softsign', 'mish', 'gelu_new', 'hardSigmoid', 'softmax'].map((activation) => tf.layers.activation({ name: activation, activation: activation as 'relu' }).apply(input) as tf.SymbolicTensor);
    const merged = [
      tf.layers.multiply({ name: 'multiply' }).apply(activated.slice(0, 3)) as tf.SymbolicTensor,
      tf.layers.maximum({ name: 'maximum' }).apply(activated.slice(1, 4)) as tf.SymbolicTensor,
      tf.layers.minimum({ name: 'minimum' }).apply(activated.slice(2, 6)) as tf.SymbolicTensor,
    ];
    const flat = tf.layers.flatten({ name: 'flat' }).apply(activated[5]!) as tf.SymbolicTensor;
    await expectParity(tf.model({ inputs: input, outputs: [...merged, flat] }), [floats([ROWS, STEPS, 3], 2)]);
  });

  it('passes values through the dropout and noise layers, which act only in training', async () => {
    const input = tf.input({ shape: [STEPS, 3] });
    const layers = [
      tf.layers.spatialDropout1d({ name: 'spatial', rate: 0.5 }),
      tf.layers.alphaDropout({ name: 'alpha', rate: 0.5 }),
      tf.layers.gaussianDropout({ name: 'gaussian_dropout', rate: 0.5 }),
      tf.layers.gaussianNoise({ name: 'gaussian_noise', stddev: 1 }),
      tf.layers.dense({ name: 'dense', units: 2 }),
    ];
    const output = layers.reduce((value: tf.SymbolicTensor, layer) => layer.apply(value) as tf.SymbolicTensor, input);
    await expectParity(tf.model({ inputs: input, outputs: output }), [floats([ROWS, STEPS, 3], 3)]);
  });

  it('embeds float ids as TF.js does, after a cast to int32', async () => {
    const input = tf.input({ shape: [4] });
    const output = tf.layers.embedding({ name: 'embedding', inputDim: 6, outputDim: 2 }).apply(input) as tf.SymbolicTensor;
    await expectParity(tf.model({ inputs: input, outputs: output }), [{ dtype: 'float32', shape: [ROWS, 4], values: Float32Array.from({ length: ROWS * 4 }, (_, i) => i % 6) }]);
  });

  describe('refuses, naming the layer and its class, what it cannot translate exactly', () => {
    it('a layer class it has no translation for', () => {
      const input = tf.input({ shape: [4, 4, 1] });
      const output = tf.layers.conv2d({ name: 'image_conv', filters: 1, kernelSize: 2 }).apply(input) as tf.SymbolicTensor;
      expect(unsupportedReason(tf.model({ inputs: input, outputs: output }))).toBe('layer "image_conv" (Conv2D): no ONNX translation for this layer class');
    });

    it("the Bidirectional wrapper (the platform's encoders use two RNN layers instead)", () => {
      const input = tf.input({ shape: [STEPS, 3] });
      const output = tf.layers.bidirectional({ name: 'both_ways', layer: tf.layers.lstm({ units: 2 }) as tf.RNN }).apply(input) as tf.SymbolicTensor;
      expect(unsupportedReason(tf.model({ inputs: input, outputs: output }))).toMatch(/^layer "both_ways" \(Bidirectional\)/);
    });

    it('a masked RNN that returns its whole sequence', () => {
      const ids = tf.input({ shape: [STEPS], dtype: 'int32' });
      const embedded = tf.layers.embedding({ inputDim: 10, outputDim: 3, maskZero: true }).apply(ids) as tf.SymbolicTensor;
      const output = tf.layers.gru({ name: 'sequence_gru', units: 2, returnSequences: true }).apply(embedded) as tf.SymbolicTensor;
      expect(unsupportedReason(tf.model({ inputs: ids, outputs: output }))).toBe('layer "sequence_gru" (GRU): a masked RNN that returns sequences is not supported (only its final output is)');
    });

    it('an RNN reading a mask that a merge layer combined', () => {
      const ids = tf.input({ shape: [STEPS], dtype: 'int32' });
      const [left, right] = ['left', 'right'].map((name) => tf.layers.embedding({ name, inputDim: 10, outputDim: 2, maskZero: true }).apply(ids) as tf.SymbolicTensor);
      const joined = tf.layers.concatenate({ name: 'joined' }).apply([left!, right!]) as tf.SymbolicTensor;
      const output = tf.layers.lstm({ name: 'joined_lstm', units: 2 }).apply(joined) as tf.SymbolicTensor;
      expect(unsupportedReason(tf.model({ inputs: ids, outputs: output }))).toBe('layer "joined_lstm" (LSTM): its input mask comes from Concatenate layer "joined", which the exporter cannot reproduce');
    });

    it('an RNN activation ONNX RNNs do not offer', () => {
      const input = tf.input({ shape: [STEPS, 3] });
      const output = tf.layers.lstm({ name: 'selu_lstm', units: 2, activation: 'selu' }).apply(input) as tf.SymbolicTensor;
      expect(unsupportedReason(tf.model({ inputs: input, outputs: output }))).toBe('layer "selu_lstm" (LSTM): activation selu has no ONNX RNN equivalent');
    });

    it('a nested model', () => {
      const innerInput = tf.input({ shape: [3] });
      const inner = tf.model({ name: 'inner', inputs: innerInput, outputs: tf.layers.dense({ units: 2 }).apply(innerInput) as tf.SymbolicTensor });
      const input = tf.input({ shape: [3] });
      const output = inner.apply(input) as tf.SymbolicTensor;
      expect(unsupportedReason(tf.model({ inputs: input, outputs: output }))).toMatch(/^layer "inner" \(\w+\): nested models are not supported/);
    });
  });
});
