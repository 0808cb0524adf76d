import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { expectAllClose, onBackend, seededTensor, take, wasmDataIds } from './backend-parity.test-helpers';
import { conv2DBackpropFilterConfig } from './conv2d-backprop-filter';

// IS_TEST silences the banner and makes the engine check every kernel for leaked buffers.
tf.env().set('IS_TEST', true);

beforeAll(async () => {
  await tf.setBackend('wasm');
  expect(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')).toBeUndefined();
  tf.registerKernel(conv2DBackpropFilterConfig);
});

type Shape4 = [number, number, number, number];
type Case = [label: string, xShape: Shape4, filterShape: Shape4, strides: number | [number, number], pad: tf.Conv2DBackpropFilterAttrs['pad'], dataFormat: 'NHWC' | 'NCHW', dimRoundingMode?: 'floor' | 'round' | 'ceil'];

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
  ['no output positions', [2, 1, 2, 3], [1, 3, 3, 2], 1, 'valid', 'NHWC'],
];

/** The filter gradient from `Conv2DBackpropFilter` on `backend`, for seeded x and dy. */
function filterGradient(backend: string, [, xShape, filterShape, strides, pad, dataFormat, dimRoundingMode]: Case) {
  return onBackend(backend, () =>
    tf.tidy(() => {
      const channelsFirst = dataFormat === 'NCHW';
      const info = tf.backend_util.computeConv2DInfo(xShape, filterShape, strides, 1, pad, dimRoundingMode, false, channelsFirst ? 'channelsFirst' : 'channelsLast');
      const inputs = { x: seededTensor(xShape, 1), dy: seededTensor(info.outShape, 2) };
      const attrs = { strides, pad, dataFormat, dimRoundingMode, filterShape } as unknown as tf.NamedAttrMap;
      const dW = tf.engine().runKernel(tf.Conv2DBackpropFilter, inputs, attrs) as tf.Tensor;
      return { shape: dW.shape, values: take(dW) };
    }),
  );
}

describe('Conv2DBackpropFilter on wasm', () => {
  it.each(CASES)('computes the filter gradient like the cpu backend: %s', async (...testCase) => {
    const dataBefore = wasmDataIds();
    const ours = await filterGradient('wasm', testCase);
    expect(wasmDataIds()).toBe(dataBefore);
    const cpu = await filterGradient('cpu', testCase);
    expect(ours.shape).toEqual(testCase[2]);
    expectAllClose(ours.values, cpu.values);
  });

  it.each(['NHWC', 'NCHW'] as const)('sums a batch larger than one chunk of patches chunk by chunk (%s)', (dataFormat) => {
    // 80 taps (40 × 2 channels) × 1000 positions per item: 60 items make more than one 4M-float chunk of
    // patches, 30 do not. The gradient is a sum over the batch, so the whole batch's must be
    // the sum of its halves'. (The cpu kernel would take minutes here.)
    const channelsFirst = dataFormat === 'NCHW';
    const xShape: Shape4 = channelsFirst ? [60, 2, 1, 1000] : [60, 1, 1000, 2];
    const filterShape: Shape4 = [1, 40, 2, 4];
    const attrs = { strides: 1, pad: 'same', dataFormat, filterShape } as unknown as tf.NamedAttrMap;
    const [whole, halves] = tf.tidy(() => {
      const x = seededTensor(xShape, 1);
      const dy = seededTensor(channelsFirst ? [60, 4, 1, 1000] : [60, 1, 1000, 4], 2);
      const filterGradientOf = (items: tf.Tensor, gradient: tf.Tensor) => tf.engine().runKernel(tf.Conv2DBackpropFilter, { x: items, dy: gradient }, attrs) as tf.Tensor;
      const half = (tensor: tf.Tensor, first: number) => tensor.slice([first, 0, 0, 0], [30, -1, -1, -1]);
      return [take(filterGradientOf(x, dy)), take(filterGradientOf(half(x, 0), half(dy, 0)).add(filterGradientOf(half(x, 30), half(dy, 30))))];
    });
    expectAllClose(whole, halves, 1e-4, 1e-3);
  });

  it('gives tf.conv1d the same input and filter gradients as the cpu backend', async () => {
    const gradients = () =>
      tf.tidy(() => {
        const x = seededTensor([4, 20, 3], 5) as tf.Tensor3D;
        const filter = seededTensor([5, 3, 6], 6) as tf.Tensor3D;
        const weights = seededTensor([4, 10, 6], 7);
        const { value, grads } = tf.valueAndGrads((input: tf.Tensor, kernel: tf.Tensor) =>
          tf.conv1d(input as tf.Tensor3D, kernel as tf.Tensor3D, 2, 'same').mul(weights).sum(),
        )([x, filter]);
        return [take(value), ...grads.map(take)];
      });
    const ours = gradients();
    const cpu = await onBackend('cpu', gradients);
    ours.forEach((values, index) => expectAllClose(values, cpu[index]!));
  });
});
