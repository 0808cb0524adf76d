import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { seededTensor, take, wasmDataIds } from './backend-parity.test-helpers';
import { registerFirstAxisSum } from './first-axis-sum';
import type { WasmKernelBackend } from './wasm-kernel-backend';

tf.env().set('PROD', true);

let stockSum: tf.KernelConfig;

beforeAll(async () => {
  await tf.setBackend('wasm');
  stockSum = tf.getKernel(tf.Sum, 'wasm');
  expect(registerFirstAxisSum()).toBe(true);
});

/** The stock kernel's values and shape. */
function runStock(x: tf.Tensor, attrs: tf.NamedAttrMap): { values: number[]; shape: number[] } {
  const backend = tf.backend() as unknown as WasmKernelBackend;
  const out = stockSum.kernelFunc({ inputs: { x }, backend, attrs }) as tf.TensorInfo;
  const values = Array.from(backend.readSync(out.dataId) as Float32Array | Int32Array);
  backend.disposeData(out.dataId);
  return { values, shape: out.shape };
}

describe('registerFirstAxisSum', () => {
  it('wraps the kernel once', () => {
    expect(registerFirstAxisSum()).toBe(false);
    expect(tf.getKernel(tf.Sum, 'wasm').kernelFunc).not.toBe(stockSum.kernelFunc);
  });

  it.each([
    ['a bias gradient: [128, 256] over axis 0', [128, 256], 0, false],
    ['axis 0 kept', [128, 256], [0], true],
    ['a negative axis', [9, 5], -2, false],
    ['axis 0 of a rank-3 tensor, as a list', [4, 6, 7], [0], false],
    ['axis 0 of a rank-3 tensor, kept', [4, 6, 7], 0, true],
    ['two leading axes', [4, 6, 7], [1, 0], false],
    ['one row', [1, 13], 0, false],
    // Left to the stock kernel:
    ['the last axis', [8, 5], 1, false],
    ['every axis', [8, 5], [0, 1], false],
    ['a middle axis', [3, 4, 5], 1, true],
  ])('sums %s to the stock kernel\'s bits and shape, freeing what it allocates', (_label, shape, axis, keepDims) => {
    const x = seededTensor(shape, 1);
    const tensorsBefore = tf.memory().numTensors;
    const dataBefore = wasmDataIds();
    const sum = tf.sum(x, axis, keepDims);
    const ours = { values: take(sum.clone()), shape: sum.shape };
    sum.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(wasmDataIds()).toBe(dataBefore);
    expect(ours).toEqual(runStock(x, { axis, keepDims }));
    x.dispose();
  });

  it('leaves int32 sums to the stock kernel', () => {
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2], 'int32');
    const sum = tf.sum(x, 0);
    expect(sum.dtype).toBe('int32');
    expect(take(sum)).toEqual([9, 12]);
    x.dispose();
  });
});
