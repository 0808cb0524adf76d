import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { expectAllClose, onBackend, seededTensor, take, wasmDataIds } from './backend-parity.test-helpers';
import { conv2DBackpropFilterConfig } from './conv2d-backprop-filter';
import { conv2DBackpropInputConfig } from './conv2d-backprop-input';

// IS_TEST silences the banner and makes the engine check every kernel for leaked buffers.
tf.env().set('IS_TEST', true);

let stock: tf.KernelConfig;

beforeAll(async () => {
  await tf.setBackend('wasm');
  stock = tf.getKernel(tf.Conv2DBackpropInput, 'wasm');
  tf.unregisterKernel(tf.Conv2DBackpropInput, 'wasm');
  tf.registerKernel(conv2DBackpropInputConfig);
  // For the gradient of conv2dTranspose's filter.
  tf.registerKernel(conv2DBackpropFilterConfig);
});

type Shape4 = [number, number, number, number];
type Case = [label: string, xShape: Shape4, filterShape: Shape4, strides: number | [number, number], pad: tf.Conv2DBackpropInputAttrs['pad'], dataFormat: 'NHWC' | 'NCHW', dimRoundingMode?: 'floor' | 'round' | 'ceil'];

const CASES: Case[] = [
  ['conv1d-shaped, same', [3, 1, 12, 4], [1, 3, 4, 5], 1, 'same', 'NHWC'],
  ['conv1d-shaped, valid, stride 2', [3, 1, 13, 4], [1, 4, 4, 2], [1, 2], 'valid', 'NHWC'],
  ['2-D, same, stride 2', [2, 7, 6, 3], [3, 3, 3, 4], 2, 'same', 'NHWC'],
  ['2-D, valid, strides 2×1', [2, 7, 6, 3], [3, 2, 3, 4], [2, 1], 'valid', 'NHWC'],
  ['2-D, same, stride 3 (uneven padding)', [2, 8, 7, 2], [2, 2, 2, 3], 3, 'same', 'NHWC'],
  ['filter as large as the input', [2, 4, 4, 2], [4, 4, 2, 3], 1, 'valid', 'NHWC'],
  ['explicit padding', [2, 5, 6, 3], [3, 3, 3, 2], 1, [[0, 0], [1, 2], [0, 1], [0, 0]], 'NHWC'],
  ['numeric padding, rounding up', [2, 6, 6, 2], [3, 3, 2, 2], 2, 1, 'NHWC', 'ceil'],
  ['channels first, same, stride 2', [2, 3, 7, 6], [3, 3, 3, 4], 2, 'same', 'NCHW'],
];

function attributes([, xShape, , strides, pad, dataFormat, dimRoundingMode]: Case): tf.NamedAttrMap {
  return { strides, pad, dataFormat, dimRoundingMode, inputShape: xShape } as unknown as tf.NamedAttrMap;
}

/** Seeded dy and filter for a case. */
function operands([, xShape, filterShape, strides, pad, dataFormat, dimRoundingMode]: Case) {
  const info = tf.backend_util.computeConv2DInfo(xShape, filterShape, strides, 1, pad, dimRoundingMode, false, dataFormat === 'NCHW' ? 'channelsFirst' : 'channelsLast');
  return { dy: seededTensor(info.outShape, 1), filter: seededTensor(filterShape, 2) };
}

/** The input gradient from `Conv2DBackpropInput` on `backend`. */
function inputGradient(backend: string, testCase: Case) {
  return onBackend(backend, () => tf.tidy(() => take(tf.engine().runKernel(tf.Conv2DBackpropInput, operands(testCase), attributes(testCase)) as tf.Tensor)));
}

describe('Conv2DBackpropInput on wasm', () => {
  it.each(CASES)('computes the input gradient like the cpu backend and the stock kernel: %s', async (...testCase) => {
    const dataBefore = wasmDataIds();
    const ours = await inputGradient('wasm', testCase);
    expect(wasmDataIds()).toBe(dataBefore);
    expectAllClose(ours, await inputGradient('cpu', testCase));
    if (testCase[5] === 'NHWC') {
      const inputs = operands(testCase);
      const backend = tf.backend() as unknown as { readSync(dataId: object): Float32Array; disposeData(dataId: object): void };
      const out = stock.kernelFunc({ inputs, backend, attrs: attributes(testCase) }) as tf.TensorInfo;
      expectAllClose(ours, Array.from(backend.readSync(out.dataId)));
      backend.disposeData(out.dataId);
      tf.dispose(Object.values(inputs));
    }
  });

  it.each(['NHWC', 'NCHW'] as const)('does a batch larger than one chunk of patches chunk by chunk (%s)', (dataFormat) => {
    // 80 taps (40 × 2 channels) × 1000 positions per item: 60 items make more than one 4M-float chunk of
    // patches, 30 do not. Batch items are independent, so the whole batch's gradient must be
    // its halves' one after the other. (The cpu kernel would take minutes here.)
    const channelsFirst = dataFormat === 'NCHW';
    const filterShape: Shape4 = [1, 40, 2, 4];
    const inputShape = (items: number): Shape4 => (channelsFirst ? [items, 2, 1, 1000] : [items, 1, 1000, 2]);
    const [whole, halves] = tf.tidy(() => {
      const dy = seededTensor(channelsFirst ? [60, 4, 1, 1000] : [60, 1, 1000, 4], 1);
      const filter = seededTensor(filterShape, 2);
      const gradientOf = (gradient: tf.Tensor) =>
        tf.engine().runKernel(tf.Conv2DBackpropInput, { dy: gradient, filter }, { strides: 1, pad: 'same', dataFormat, inputShape: inputShape(gradient.shape[0]!) } as unknown as tf.NamedAttrMap) as tf.Tensor;
      const half = (first: number) => gradientOf(dy.slice([first, 0, 0, 0], [30, -1, -1, -1]));
      return [take(gradientOf(dy)), take(tf.concat([half(0), half(30)]))];
    });
    expectAllClose(whole, halves);
  });

  it('gives tf.conv2dTranspose the same output and gradients as the cpu backend', async () => {
    const run = () =>
      tf.tidy(() => {
        const x = seededTensor([2, 5, 5, 4], 3) as tf.Tensor4D;
        const filter = seededTensor([3, 3, 2, 4], 4) as tf.Tensor4D;
        const transposed = (input: tf.Tensor, kernel: tf.Tensor) => tf.conv2dTranspose(input as tf.Tensor4D, kernel as tf.Tensor4D, [2, 10, 10, 2], 2, 'same');
        const { value, grads } = tf.valueAndGrads((input: tf.Tensor, kernel: tf.Tensor) => transposed(input, kernel).square().sum())([x, filter]);
        return [take(transposed(x, filter)), take(value), ...grads.map(take)];
      });
    const ours = run();
    const cpu = await onBackend('cpu', run);
    ours.forEach((values, index) => expectAllClose(values, cpu[index]!));
  });
});
