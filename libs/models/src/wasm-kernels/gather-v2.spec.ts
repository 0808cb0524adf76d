import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { onBackend, seededValues, take, wasmDataIds } from './backend-parity.test-helpers';
import { registerSliceGather } from './gather-v2';

// IS_TEST silences the banner and makes the engine check every kernel for leaked buffers.
tf.env().set('IS_TEST', true);

beforeAll(async () => {
  await tf.setBackend('wasm');
  expect(registerSliceGather()).toBe(true);
});

type Case = [label: string, xShape: number[], dtype: 'float32' | 'int32' | 'bool', indexShape: number[], axis: number, batchDims: number];

const CASES: Case[] = [
  ['rows of an embedding table (slices of 32, copied as blocks)', [50, 32], 'float32', [4, 9], 0, 0],
  ['rows of 3 (copied value by value)', [20, 3], 'float32', [15], 0, 0],
  ['along the middle axis', [3, 10, 4], 'float32', [6], 1, 0],
  ['along the last axis, given as -1', [3, 4, 10], 'float32', [2, 3], -1, 0],
  ['with a batch dimension', [3, 10, 20], 'float32', [3, 5], 1, 1],
  ['int32 values', [12, 17], 'int32', [8], 0, 0],
  ['bool values', [12, 2], 'bool', [8], 0, 0],
  ['no indices', [12, 5], 'float32', [0], 0, 0],
];

/** tf.gather on `backend` with seeded values and in-range seeded indices. */
function gather(backend: string, [, xShape, dtype, indexShape, axis, batchDims]: Case) {
  const axisSize = xShape[axis < 0 ? xShape.length + axis : axis]!;
  const values = Array.from(seededValues(tf.util.sizeFromShape(xShape), 1, -3, 3), (value) => (dtype === 'float32' ? value : dtype === 'int32' ? Math.round(value) : value > 0 ? 1 : 0));
  const indices = Array.from(seededValues(tf.util.sizeFromShape(indexShape), 2, 0, axisSize), Math.floor);
  return onBackend(backend, () =>
    tf.tidy(() => {
      const result = tf.gather(tf.tensor(values, xShape, dtype), tf.tensor(indices, indexShape, 'int32'), axis, batchDims);
      return { shape: result.shape, dtype: result.dtype, values: take(result) };
    }),
  );
}

describe('GatherV2 on wasm', () => {
  it.each(CASES)('gathers %s like the cpu backend', async (...testCase) => {
    const dataBefore = wasmDataIds();
    const ours = await gather('wasm', testCase);
    expect(wasmDataIds()).toBe(dataBefore);
    expect(ours).toEqual(await gather('cpu', testCase));
  });

  it.each([-1, 10])('refuses the out-of-range index %s, as the cpu backend does, and frees its output', (index) => {
    const x = tf.zeros([10, 4]);
    const indices = tf.tensor1d([0, index], 'int32');
    const dataBefore = wasmDataIds();
    expect(() => tf.gather(x, indices)).toThrow(`GatherV2: the index value ${index} is not in [0, 9]`);
    expect(wasmDataIds()).toBe(dataBefore);
    tf.dispose([x, indices]);
  });

  it('wraps the kernel once, however often it is called', () => {
    expect(registerSliceGather()).toBe(false);
  });
});
