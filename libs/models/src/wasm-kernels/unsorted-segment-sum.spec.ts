import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { expectAllClose, onBackend, seededTensor, seededValues, take, wasmDataIds } from './backend-parity.test-helpers';
import { unsortedSegmentSumConfig } from './unsorted-segment-sum';

// IS_TEST silences the banner and makes the engine check every kernel for leaked buffers.
tf.env().set('IS_TEST', true);

beforeAll(async () => {
  await tf.setBackend('wasm');
  expect(tf.getKernel(tf.UnsortedSegmentSum, 'wasm')).toBeUndefined();
  tf.registerKernel(unsortedSegmentSumConfig);
});

/** tf.unsortedSegmentSum on `backend`, from plain values. */
function segmentSum(backend: string, x: { values: Float32Array | Int32Array; shape: number[] }, ids: number[], numSegments: number) {
  return onBackend(backend, () =>
    tf.tidy(() => {
      const result = tf.unsortedSegmentSum(tf.tensor(x.values, x.shape), tf.tensor1d(ids, 'int32'), numSegments);
      return { shape: result.shape, dtype: result.dtype, values: take(result) };
    }),
  );
}

const randomIds = (count: number, numSegments: number, seed: number) => Array.from(seededValues(count, seed, 0, numSegments), Math.floor);

describe('UnsortedSegmentSum on wasm', () => {
  it.each([
    ['rows of a matrix', [40, 8], 6],
    ['slices of a rank-3 tensor', [25, 3, 4], 7],
    ['scalars of a vector', [50], 5],
    ['more segments than ids use', [10, 4], 30],
  ])('sums %s like the cpu backend', async (_label, shape, numSegments) => {
    const x = { values: seededValues(tf.util.sizeFromShape(shape), 1, -5, 5), shape };
    const ids = randomIds(shape[0]!, numSegments, 2);
    const ours = await segmentSum('wasm', x, ids, numSegments);
    const cpu = await segmentSum('cpu', x, ids, numSegments);
    expect(ours.shape).toEqual([numSegments, ...shape.slice(1)]);
    expect(ours.shape).toEqual(cpu.shape);
    expectAllClose(ours.values, cpu.values);
  });

  it('drops ids below 0 or at or above numSegments, as TensorFlow does', async () => {
    const x = { values: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), shape: [5, 2] };
    const ids = [-1, 0, 3, 1, 99];
    const ours = await segmentSum('wasm', x, ids, 3);
    expect(ours.values).toEqual([3, 4, 7, 8, 0, 0]);
    expect(ours.values).toEqual((await segmentSum('cpu', x, ids, 3)).values);
  });

  it('keeps int32 values int32', async () => {
    const x = { values: Int32Array.from([1, -2, 3, 40, 5, 6]), shape: [3, 2] };
    const ours = await segmentSum('wasm', x, [1, 1, 0], 2);
    expect(ours).toEqual({ shape: [2, 2], dtype: 'int32', values: [5, 6, 4, 38] });
    expect(ours.values).toEqual((await segmentSum('cpu', x, [1, 1, 0], 2)).values);
  });

  it('takes segment ids that index several leading dimensions, as TensorFlow does', () => {
    // tf.unsortedSegmentSum's types say rank 1; the kernel is called directly for rank 2.
    const inputs = { x: tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]), segmentIds: tf.tensor2d([0, 1, 1, 0], [2, 2], 'int32') };
    const result = tf.engine().runKernel(tf.UnsortedSegmentSum, inputs, { numSegments: 2 }) as tf.Tensor;
    tf.dispose(Object.values(inputs));
    expect(result.shape).toEqual([2, 2]);
    expect(take(result)).toEqual([1 + 7, 2 + 8, 3 + 5, 4 + 6]);
  });

  it('gives an embedding lookup the same gradient as the cpu backend, and frees everything', async () => {
    const gradient = () =>
      tf.tidy(() => {
        const table = seededTensor([12, 5], 3);
        const ids = tf.tensor2d([1, 4, 4, 0, 11, 1, 7, 4], [2, 4], 'int32');
        const weights = seededTensor([2, 4, 5], 4);
        return take(tf.grad((t: tf.Tensor) => tf.gather(t, ids).mul(weights).sum())(table));
      });
    const tensorsBefore = tf.memory().numTensors;
    const dataBefore = wasmDataIds();
    const ours = gradient();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(wasmDataIds()).toBe(dataBefore);
    expectAllClose(ours, await onBackend('cpu', gradient));
  });
});
