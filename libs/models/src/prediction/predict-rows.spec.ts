import * as tf from '@tensorflow/tfjs';
import { silentLogger } from '@aiaas/observability';
import { selectBackend } from '../compute-backend';
import { predictRows } from './predict-rows';

/** Token ids [4] and features [3] → 2 units: a model with an int32 and a float32 input. */
function twoInputModel(): tf.LayersModel {
  const tokens = tf.input({ shape: [4], dtype: 'int32', name: 'tokens' });
  const features = tf.input({ shape: [3], name: 'features' });
  const embedded = tf.layers.flatten().apply(tf.layers.embedding({ inputDim: 10, outputDim: 2, embeddingsInitializer: tf.initializers.randomUniform({ minval: -1, maxval: 1, seed: 1 }) }).apply(tokens)) as tf.SymbolicTensor;
  const joined = tf.layers.concatenate().apply([embedded, features]) as tf.SymbolicTensor;
  const output = tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }).apply(joined) as tf.SymbolicTensor;
  return tf.model({ inputs: [tokens, features], outputs: output });
}

const ROWS = 11;
const tokens = Int32Array.from({ length: ROWS * 4 }, (_, i) => (i * 3) % 10);
const features = Float32Array.from({ length: ROWS * 3 }, (_, i) => Math.cos(i));

describe('predictRows', () => {
  let model: tf.LayersModel;
  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
    model = twoInputModel();
  });
  afterAll(() => model.dispose());

  it('returns the model output row-major, the same whatever the batch size', async () => {
    const whole = tf.tidy(() => (model.predict([tf.tensor2d(tokens, [ROWS, 4], 'int32'), tf.tensor2d(features, [ROWS, 3])]) as tf.Tensor).dataSync());
    const batched = await predictRows(model, [tokens, features], ROWS, 4);
    expect(batched).toHaveLength(ROWS * 2);
    Array.from(batched).forEach((value, index) => expect(value).toBeCloseTo(whole[index]!, 6));
    expect(await predictRows(model, [tokens, features], ROWS, 1)).toEqual(batched);
    expect(await predictRows(model, [tokens, features], ROWS)).toEqual(batched);
  });

  it('frees every tensor it allocates', async () => {
    const before = tf.memory().numTensors;
    await predictRows(model, [tokens, features], ROWS, 3);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('returns nothing for no rows', async () => {
    await expect(predictRows(model, [new Int32Array(0), new Float32Array(0)], 0)).resolves.toEqual(new Float32Array(0));
  });

  it('rejects inputs that do not match the model', async () => {
    await expect(predictRows(model, [tokens], ROWS)).rejects.toThrow(/takes 2 inputs, got 1/);
    await expect(predictRows(model, [tokens, features.subarray(3)], ROWS)).rejects.toThrow(/holds 30 values, but 11 rows of 3 need 33/);
    await expect(predictRows(model, [tokens, features], ROWS, 0)).rejects.toThrow(/batchSize/);
  });
});
