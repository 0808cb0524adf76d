import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { onBackend, seededValues, take, wasmDataIds } from './backend-parity.test-helpers';
import { BROADCASTING_COMPARISON_KERNELS, registerBroadcastingComparisons } from './broadcasting-comparisons';

// IS_TEST silences the banner and makes the engine check every kernel for leaked buffers.
tf.env().set('IS_TEST', true);

beforeAll(async () => {
  await tf.setBackend('wasm');
  expect(registerBroadcastingComparisons()).toEqual(BROADCASTING_COMPARISON_KERNELS);
});

/** Values from a small set, NaN included, so that ties and unordered pairs occur. */
function operand(shape: number[], seed: number, dtype: 'float32' | 'int32' | 'bool') {
  const choices = dtype === 'float32' ? [-1.5, 0, 0.5, 2, NaN] : dtype === 'int32' ? [-2, 0, 1, 3] : [0, 1];
  return { values: Array.from(seededValues(tf.util.sizeFromShape(shape), seed, 0, choices.length), (pick) => choices[Math.floor(pick)]!), shape, dtype };
}

type Operand = ReturnType<typeof operand>;

/** The kernel `kernelName` on `backend`, run through the engine as the ops do. */
function compare(backend: string, kernelName: string, a: Operand, b: Operand) {
  return onBackend(backend, () =>
    tf.tidy(() => {
      const inputs = { a: tf.tensor(a.values, a.shape, a.dtype), b: tf.tensor(b.values, b.shape, b.dtype) };
      const result = tf.engine().runKernel(kernelName, inputs) as tf.Tensor;
      return { shape: result.shape, dtype: result.dtype, values: take(result) };
    }),
  );
}

const SHAPES: Array<[label: string, a: number[], b: number[]]> = [
  ['the middle axis (a max gradient)', [4, 5, 6], [4, 1, 6]],
  ['the last axis', [4, 5, 6], [4, 5, 1]],
  ['a row', [4, 5, 6], [6]],
  ['a scalar', [4, 5, 6], []],
  ['both ways', [1, 5, 1], [4, 1, 6]],
  ['a higher rank on the right', [3], [2, 1, 3]],
  ['the first axis', [1, 7], [3, 7]],
];

describe('broadcasting comparisons on wasm', () => {
  describe.each(BROADCASTING_COMPARISON_KERNELS.map((kernelName) => [kernelName]))('%s', (kernelName) => {
    it.each(SHAPES)('broadcasts over %s like the cpu backend', async (_label, aShape, bShape) => {
      const a = operand(aShape, 1, 'float32');
      const b = operand(bShape, 2, 'float32');
      const dataBefore = wasmDataIds();
      const ours = await compare('wasm', kernelName, a, b);
      expect(wasmDataIds()).toBe(dataBefore);
      expect(ours).toEqual(await compare('cpu', kernelName, a, b));
      expect(ours.dtype).toBe('bool');
    });

    it.each(['int32', 'bool'] as const)('compares %s operands like the cpu backend', async (dtype) => {
      const a = operand([3, 4, 2], 3, dtype);
      const b = operand([3, 1, 2], 4, dtype);
      expect(await compare('wasm', kernelName, a, b)).toEqual(await compare('cpu', kernelName, a, b));
    });

    it('leaves operands of one shape to the stock kernel, and agrees with it', async () => {
      const a = operand([4, 5, 6], 5, 'float32');
      const b = operand([4, 5, 6], 6, 'float32');
      expect(await compare('wasm', kernelName, a, b)).toEqual(await compare('cpu', kernelName, a, b));
    });
  });

  it('gives tf.max over a middle axis the same gradient as the cpu backend', async () => {
    const gradient = () => tf.tidy(() => take(tf.grad((x: tf.Tensor) => tf.max(x, 1).sum())(tf.tensor3d(operand([3, 6, 4], 7, 'float32').values.map((value) => (Number.isNaN(value) ? 1 : value)), [3, 6, 4]))));
    expect(gradient()).toEqual(await onBackend('cpu', gradient));
  });

  it('wraps each kernel once, however often it is called', () => {
    expect(registerBroadcastingComparisons()).toEqual([]);
  });
});
