import * as tf from '@tensorflow/tfjs';
import { asWasmBackend, heapFloats, WASM_BACKEND } from './wasm-kernel-backend';

type Pool2DInfo = ReturnType<typeof tf.backend_util.computePool2DInfo>;

/**
 * Routes each output gradient to the input that was its window's maximum (the first one in
 * scan order on ties; none when the window holds only NaN or -Infinity, as on cpu). Channels
 * are innermost (NHWC), so each window keeps a running maximum per channel.
 */
function maxPoolGradient(x: Float32Array, dy: Float32Array, info: Pool2DInfo, dx: Float32Array): void {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, strideHeight, strideWidth, dilationHeight, dilationWidth, effectiveFilterHeight, effectiveFilterWidth, padInfo } = info;
  dx.fill(0);
  const best = new Float32Array(channels);
  const bestAt = new Int32Array(channels);
  for (let n = 0; n < batchSize; n++) {
    for (let outRow = 0; outRow < outHeight; outRow++) {
      const firstRow = outRow * strideHeight - padInfo.top;
      for (let outColumn = 0; outColumn < outWidth; outColumn++) {
        const firstColumn = outColumn * strideWidth - padInfo.left;
        best.fill(Number.NEGATIVE_INFINITY);
        bestAt.fill(-1);
        for (let tapRow = 0; tapRow < effectiveFilterHeight; tapRow += dilationHeight) {
          const inRow = firstRow + tapRow;
          if (inRow < 0 || inRow >= inHeight) continue;
          for (let tapColumn = 0; tapColumn < effectiveFilterWidth; tapColumn += dilationWidth) {
            const inColumn = firstColumn + tapColumn;
            if (inColumn < 0 || inColumn >= inWidth) continue;
            const base = ((n * inHeight + inRow) * inWidth + inColumn) * channels;
            for (let c = 0; c < channels; c++) {
              const value = x[base + c]!;
              if (value > best[c]!) {
                best[c] = value;
                bestAt[c] = base + c;
              }
            }
          }
        }
        const dyBase = ((n * outHeight + outRow) * outWidth + outColumn) * channels;
        for (let c = 0; c < channels; c++) {
          const at = bestAt[c]!;
          if (at >= 0) dx[at] = dx[at]! + dy[dyBase + c]!;
        }
      }
    }
  }
}

/**
 * `MaxPoolGrad` for the wasm backend, replacing its own: the stock kernel of tfjs 4.22 drops
 * the gradient of every window whose maximum is 0 or below, so max pooling not preceded by a
 * ReLU trains wrongly there. NHWC (the only layout tfjs pools in), any strides and padding.
 */
export const maxPoolGradConfig: tf.KernelConfig = {
  kernelName: tf.MaxPoolGrad,
  backendName: WASM_BACKEND,
  kernelFunc: ({ inputs, backend, attrs }) => {
    const wasm = asWasmBackend(backend);
    const dy = inputs['dy']!;
    const input = inputs['input']!;
    const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as tf.MaxPoolGradAttrs;
    if (input.dtype !== 'float32' || dy.dtype !== 'float32') throw new Error(`MaxPoolGrad on wasm supports float32, got ${input.dtype} and ${dy.dtype}`);
    const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
    const dx = wasm.makeOutput([...input.shape], 'float32');
    const [inputValues, dyValues, dxValues] = heapFloats(wasm, input, dy, dx);
    maxPoolGradient(inputValues!, dyValues!, info, dxValues!);
    return dx;
  },
};
