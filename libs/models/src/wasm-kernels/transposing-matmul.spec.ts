import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { expectAllClose, onBackend, seededTensor, seededValues, take, wasmDataIds } from './backend-parity.test-helpers';
import { registerTransposingMatMul, TRANSPOSING_MATMUL_KERNELS } from './transposing-matmul';
import type { WasmKernelBackend } from './wasm-kernel-backend';

// PROD, not IS_TEST, silences the banner here: IS_TEST's kernel leak check reports a
// phantom leak for the stock wasm fused matMul with a bias under a gradient tape (4.22).
// The tests count tensors and wasm buffers themselves.
tf.env().set('PROD', true);

/** The stock wasm kernels, kept before they are replaced so the tests can call them. */
const stock: Record<string, tf.KernelConfig> = {};

beforeAll(async () => {
  await tf.setBackend('wasm');
  for (const name of TRANSPOSING_MATMUL_KERNELS) stock[name] = tf.getKernel(name, 'wasm');
  expect(registerTransposingMatMul()).toEqual(['BatchMatMul', '_FusedMatMul']);
});

/** Runs a stock kernel directly on tensors and returns its values, freeing its output. */
function runStock(kernelName: string, inputs: Record<string, tf.Tensor | undefined>, attrs: tf.NamedAttrMap): number[] {
  const backend = tf.backend() as unknown as WasmKernelBackend;
  const out = stock[kernelName]!.kernelFunc({ inputs, backend, attrs }) as tf.TensorInfo;
  const values = Array.from(backend.readSync(out.dataId) as Float32Array);
  backend.disposeData(out.dataId);
  return values;
}

/** The operand shape that, with the flag, multiplies as `[...batch, rows, columns]`. */
const operand = (batch: number[], rows: number, columns: number, transposed: boolean) => (transposed ? [...batch, columns, rows] : [...batch, rows, columns]);

const FLAGS = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
] as const;

/** [label, batch dims of a, batch dims of b, m, k, n] */
const SHAPES = [
  ['2-D', [], [], 5, 7, 3],
  ['rank 3, batched', [4], [4], 6, 9, 5],
  ['rank 3, a broadcast over b', [1], [3], 4, 8, 6],
  ['rank 4, broadcast batch dims', [2, 1], [1, 3], 3, 5, 4],
  ['a vector row (m = 1, shares data instead of transposing)', [], [], 1, 16, 8],
  ['inner size 1', [2], [2], 5, 1, 4],
  // Operands of at least 128 × 256 are transposed in JS, not by the wasm Transpose kernel.
  ['large enough to transpose in JS', [], [], 256, 200, 180],
  ['batched, large enough to transpose in JS', [2], [2], 130, 256, 140],
] as const;

describe('registerTransposingMatMul', () => {
  it('replaces each kernel once, however often it is called', () => {
    expect(registerTransposingMatMul()).toEqual([]);
    for (const name of TRANSPOSING_MATMUL_KERNELS) expect(tf.getKernel(name, 'wasm').kernelFunc).not.toBe(stock[name]!.kernelFunc);
  });

  describe.each(SHAPES)('matMul, %s', (_label, batchA, batchB, m, k, n) => {
    it.each(FLAGS)('with transposeA=%s and transposeB=%s equals the stock kernel and the cpu backend', async (transposeA, transposeB) => {
      const shapeA = operand([...batchA], m, k, transposeA);
      const shapeB = operand([...batchB], k, n, transposeB);
      const product = () => tf.tidy(() => take(tf.matMul(seededTensor(shapeA, 1), seededTensor(shapeB, 2), transposeA, transposeB)));
      const tensorsBefore = tf.memory().numTensors;
      const dataBefore = wasmDataIds();
      const ours = product();
      expect(tf.memory().numTensors).toBe(tensorsBefore);
      expect(wasmDataIds()).toBe(dataBefore);

      const a = seededTensor(shapeA, 1);
      const b = seededTensor(shapeB, 2);
      const original = runStock(tf.BatchMatMul, { a, b }, { transposeA, transposeB });
      tf.dispose([a, b]);
      expectAllClose(ours, original);
      expectAllClose(ours, await onBackend('cpu', product));
    });
  });

  describe.each(['linear', 'relu', 'relu6', 'elu', 'sigmoid', 'leakyrelu', 'prelu'] as const)('fused matMul with bias and %s', (activation) => {
    /** Runs `tf.fused.matMul` on seeded operands; `batch` > 1 multiplies rank-3 batches. */
    const fusedProduct = (batch: number, transposeA: boolean, transposeB: boolean) => {
      const [m, k, n] = [5, 6, 4];
      const inputs = () => ({
        a: seededTensor(operand([batch], m, k, transposeA), 1, -2, 2),
        b: seededTensor(operand([batch], k, n, transposeB), 2, -2, 2),
        bias: seededTensor([n], 3),
        preluActivationWeights: activation === 'prelu' ? tf.tensor1d(seededValues(n, 4, 0, 0.5)) : undefined,
      });
      const attrs = { transposeA, transposeB, activation, leakyreluAlpha: 0.1 };
      return {
        ours: () => tf.tidy(() => take(tf.fused.matMul({ ...inputs(), ...attrs }))),
        stock: () => {
          const tensors = inputs();
          const values = runStock(tf._FusedMatMul, tensors, attrs);
          tf.dispose(Object.values(tensors).filter((tensor) => tensor !== undefined));
          return values;
        },
      };
    };

    const cases = [1, 3].flatMap((batch) => FLAGS.map(([transposeA, transposeB]) => [batch, transposeA, transposeB] as const));
    it.each(cases)('with %s batch(es), transposeA=%s and transposeB=%s equals the cpu backend', async (batch, transposeA, transposeB) => {
      const { ours, stock } = fusedProduct(batch, transposeA, transposeB);
      const tensorsBefore = tf.memory().numTensors;
      const dataBefore = wasmDataIds();
      const values = ours();
      expect(tf.memory().numTensors).toBe(tensorsBefore);
      expect(wasmDataIds()).toBe(dataBefore);
      const cpu = await onBackend('cpu', ours);
      expectAllClose(values, cpu);
      // The stock kernel only adds the bias right on one batch without transpose flags.
      if (batch === 1 && !transposeA && !transposeB) expectAllClose(values, stock());
      else expect(stock().some((value, index) => Math.abs(value - cpu[index]!) > 1e-3)).toBe(true);
    });
  });

  it('gives a dense net the same loss and gradients as the cpu backend', async () => {
    // 12 → 16 (relu) → 3 (softmax), cross-entropy: the products of its backward pass are the
    // transposed ones this module rewrites.
    const gradients = () =>
      tf.tidy(() => {
        const x = seededTensor([10, 12], 11);
        const labels = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1, 2, 0], 'int32'), 3);
        const weights = [seededTensor([12, 16], 12), seededTensor([16], 13), seededTensor([16, 3], 14), seededTensor([3], 15)];
        const loss = (w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) => {
          const hidden = tf.fused.matMul({ a: x as tf.Tensor2D, b: w1 as tf.Tensor2D, bias: b1, activation: 'relu' });
          return tf.losses.softmaxCrossEntropy(labels, tf.fused.matMul({ a: hidden, b: w2 as tf.Tensor2D, bias: b2 }));
        };
        const { value, grads } = tf.valueAndGrads(loss)(weights);
        return [take(value), ...grads.map(take)];
      });
    const tensorsBefore = tf.memory().numTensors;
    const dataBefore = wasmDataIds();
    const ours = gradients();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(wasmDataIds()).toBe(dataBefore);
    const cpu = await onBackend('cpu', gradients);
    ours.forEach((values, index) => expectAllClose(values, cpu[index]!));
  });
});
