import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { expectAllClose, onBackend, seededTensor, take, wasmDataIds } from './backend-parity.test-helpers';
import { maxPoolGradConfig } from './max-pool-grad';

// IS_TEST silences the banner and makes the engine check every kernel for leaked buffers.
tf.env().set('IS_TEST', true);

beforeAll(async () => {
  await tf.setBackend('wasm');
  tf.unregisterKernel(tf.MaxPoolGrad, 'wasm');
  tf.registerKernel(maxPoolGradConfig);
});

type Shape4 = [number, number, number, number];
type Case = [label: string, xShape: Shape4, filterSize: [number, number], strides: [number, number], pad: 'valid' | 'same' | number, dimRoundingMode?: 'floor' | 'round' | 'ceil'];

const CASES: Case[] = [
  ['1-D windows of 2, valid', [3, 10, 1, 4], [2, 1], [2, 1], 'valid'],
  ['1-D windows of 3, stride 2, same', [2, 9, 1, 3], [3, 1], [2, 1], 'same'],
  ['1-D along the width, overlapping', [2, 1, 11, 2], [1, 4], [1, 1], 'valid'],
  ['2-D 2×2, stride 2', [2, 6, 6, 3], [2, 2], [2, 2], 'valid'],
  ['2-D 3×3, stride 2, same (uneven padding)', [2, 8, 7, 2], [3, 3], [2, 2], 'same'],
  ['2-D 3×2, strides 1×2, valid', [1, 7, 8, 5], [3, 2], [1, 2], 'valid'],
  // Numeric padding only where the windows tile exactly: tfjs's MaxPool gradient drops
  // dimRoundingMode, so a rounded shape reaches MaxPoolGrad inconsistent on every backend.
  ['numeric padding', [2, 7, 7, 2], [3, 3], [2, 2], 1],
];

/** d(Σ maxPool(x) · w)/dx on `backend`, for x in [-2, 1) so that many windows are all negative. */
function gradient(backend: string, [, xShape, filterSize, strides, pad, dimRoundingMode]: Case) {
  return onBackend(backend, () =>
    tf.tidy(() => {
      const x = seededTensor(xShape, 1, -2, 1) as tf.Tensor4D;
      const outShape = tf.maxPool(x, filterSize, strides, pad, dimRoundingMode).shape;
      const weights = seededTensor(outShape, 2);
      return take(tf.grad((input: tf.Tensor) => tf.maxPool(input as tf.Tensor4D, filterSize, strides, pad, dimRoundingMode).mul(weights).sum())(x));
    }),
  );
}

describe('MaxPoolGrad on wasm', () => {
  it.each(CASES)('routes gradients like the cpu backend: %s', async (...testCase) => {
    const dataBefore = wasmDataIds();
    const ours = await gradient('wasm', testCase);
    expect(wasmDataIds()).toBe(dataBefore);
    expectAllClose(ours, await gradient('cpu', testCase));
  });

  it('gives the whole gradient to the first maximum of a window, also when it is 0 or negative', () => {
    const dx = tf.tidy(() => take(tf.grad((x: tf.Tensor) => tf.maxPool(x as tf.Tensor4D, [2, 1], [2, 1], 'valid').sum())(tf.tensor4d([5, 5, -3, -4, 0, -2, -1, -1], [1, 8, 1, 1]))));
    expect(dx).toEqual([1, 0, 1, 0, 1, 0, 1, 0]);
  });

  it('gives no gradient to a window of -Infinity, as the cpu backend does', async () => {
    const run = () => tf.tidy(() => take(tf.grad((x: tf.Tensor) => tf.maxPool(x as tf.Tensor4D, [2, 1], [2, 1], 'valid').sum())(tf.tensor4d([1, 2, -Infinity, -Infinity], [1, 4, 1, 1]))));
    expect(run()).toEqual([0, 1, 0, 0]);
    expect(await onBackend('cpu', run)).toEqual([0, 1, 0, 0]);
  });
});
