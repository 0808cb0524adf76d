import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { expectAllClose, onBackend, seededTensor, take, wasmDataIds } from './backend-parity.test-helpers';
import { registerTransposingMatMul, TRANSPOSING_MATMUL_KERNELS } from './transposing-matmul';
import type { WasmKernelBackend } from './wasm-kernel-backend';

tf.env().set('PROD', true);

/** The stock wasm kernels, kept before they are wrapped. */
const stock: Record<string, tf.KernelConfig> = {};

beforeAll(async () => {
  await tf.setBackend('wasm');
  for (const name of TRANSPOSING_MATMUL_KERNELS) stock[name] = tf.getKernel(name, 'wasm');
  registerTransposingMatMul();
});

/** A stock kernel's values for tensor inputs, its output freed. */
function runStock(kernelName: string, inputs: Record<string, tf.Tensor | undefined>, attrs: tf.NamedAttrMap): Float32Array {
  const backend = tf.backend() as unknown as WasmKernelBackend;
  const out = stock[kernelName]!.kernelFunc({ inputs, backend, attrs }) as tf.TensorInfo;
  const values = backend.readSync(out.dataId) as Float32Array;
  backend.disposeData(out.dataId);
  return values;
}

/** The operand shape that, with the flag, multiplies as `[...batch, rows, columns]`. */
const operand = (batch: readonly number[], rows: number, columns: number, transposed: boolean) => (transposed ? [...batch, columns, rows] : [...batch, rows, columns]);

/** The matrices of `x` with their two inner dimensions swapped (an exact copy, by the stock kernel). */
const swapped = (x: tf.Tensor) => tf.transpose(x, [...x.shape.keys()].map((axis, _, axes) => (axis < axes.length - 2 ? axis : axes.length * 2 - 3 - axis)));

/** [label, batch dims of a, batch dims of b, m, k, n] */
const SHAPES = [
  ['a dense layer forward', [], [], 128, 64, 256],
  ['a dense layer gradient, large enough to copy a transposed a', [], [], 256, 128, 96],
  ['a narrow product, whose transposed a is read in place', [], [], 256, 128, 4],
  ['edges of every block size', [], [], 13, 7, 11],
  ['inner size 1', [], [], 6, 1, 5],
  ['rank 3, batched', [3], [3], 6, 9, 10],
  ['rank 3, b broadcast over a', [4], [1], 5, 8, 9],
  ['rank 3 a against a matrix b', [2], [], 70, 64, 12],
] as const;

const FLAGS = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
] as const;

describe('the SIMD gemm behind the wasm matMul kernels', () => {
  describe.each(SHAPES)('%s', (_label, batchA, batchB, m, k, n) => {
    it.each(FLAGS)('with transposeA=%s and transposeB=%s gives the bits of the stock kernel on plain operands, and frees what it allocates', (transposeA, transposeB) => {
      const a = seededTensor(operand(batchA, m, k, transposeA), 1);
      const b = seededTensor(operand(batchB, k, n, transposeB), 2);
      const tensorsBefore = tf.memory().numTensors;
      const dataBefore = wasmDataIds();
      const ours = take(tf.matMul(a, b, transposeA, transposeB));
      expect(tf.memory().numTensors).toBe(tensorsBefore);
      expect(wasmDataIds()).toBe(dataBefore);

      // The stock kernel's path for one plain product is XNNPACK's, whose sums ours repeat;
      // each batch of ours is that product of its two matrices.
      const expected = tf.tidy(() => {
        const plainA = (transposeA ? swapped(a) : a).reshape([-1, m, k]);
        const plainB = (transposeB ? swapped(b) : b).reshape([-1, k, n]);
        const batches = Math.max(plainA.shape[0]!, plainB.shape[0]!);
        const matrix = (x: tf.Tensor, batch: number) => tf.squeeze(tf.slice(x, [x.shape[0] === 1 ? 0 : batch, 0, 0], [1, -1, -1]), [0]);
        return Float32Array.from(
          Array.from({ length: batches }, (_, batch) => runStock(tf.BatchMatMul, { a: matrix(plainA, batch), b: matrix(plainB, batch) }, { transposeA: false, transposeB: false })).flatMap((values) => [...values]),
        );
      });
      expect(new Float32Array(ours)).toEqual(expected);
      tf.dispose([a, b]);
    });
  });

  it('gives the bits of the stock fused kernel for a dense layer with a bias and no activation', () => {
    const [a, b, bias] = [seededTensor([128, 256], 3), seededTensor([256, 4], 4), seededTensor([4], 5)];
    const ours = take(tf.fused.matMul({ a, b, bias }));
    // The fused op hands its kernel rank-3 operands.
    const [a3, b3] = [a.reshape([1, 128, 256]), b.reshape([1, 256, 4])];
    expect(new Float32Array(ours)).toEqual(runStock(tf._FusedMatMul, { a: a3, b: b3, bias }, { transposeA: false, transposeB: false, activation: 'linear' }));
    tf.dispose([a, b, bias, a3, b3]);
  });

  it.each([
    ['relu activation', { activation: 'relu' as const }, false],
    ['a transposed a with a bias', {}, true],
  ])('leaves %s to the other kernels, which still compute it', async (_label, options, transposeA) => {
    const product = () =>
      tf.tidy(() => {
        const a = seededTensor(transposeA ? [20, 12] : [12, 20], 6);
        return take(tf.fused.matMul({ a, b: seededTensor([20, 9], 7), bias: seededTensor([9], 8), transposeA, ...options }));
      });
    expectAllClose(product(), await onBackend('cpu', product));
  });

  it('trains a dense layer to the gradients of the cpu backend', async () => {
    const gradients = () =>
      tf.tidy(() => {
        const x = seededTensor([32, 24], 9);
        const kernel = seededTensor([24, 16], 10);
        const bias = seededTensor([16], 11);
        const loss = (w: tf.Tensor, c: tf.Tensor) => tf.sum(tf.square(tf.relu(tf.add(tf.matMul(x, w), c))));
        return tf.grads(loss)([kernel, bias]).map(take);
      });
    const ours = gradients();
    const cpu = await onBackend('cpu', gradients);
    ours.forEach((values, index) => expectAllClose(values, cpu[index]!));
  });
});
