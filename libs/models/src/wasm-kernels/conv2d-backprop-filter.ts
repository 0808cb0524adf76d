import * as tf from '@tensorflow/tfjs';
import { activationStrides, itemsPerChunk, patchLength, writeGradientRows, type Conv2DInfo } from './conv2d-gradient-matrices';
import { asWasmBackend, heapFloats, WASM_BACKEND, type WasmKernelBackend } from './wasm-kernel-backend';

/** Output positions per block of `writePatchColumns`: its rows are written in runs this long. */
const POSITION_BLOCK = 64;

/**
 * Writes the input patches of batch items [first, first + items) as the columns of a
 * [filterHeight·filterWidth·inChannels, positions] matrix: column m holds, tap by tap and
 * channel by channel, the inputs under output position m (0 where the tap is in the padding).
 * Positions go in blocks, so each matrix row is written in contiguous runs while the inputs
 * read for a block stay in cache.
 */
function writePatchColumns(x: Float32Array, patches: Float32Array, info: Conv2DInfo, first: number, items: number): void {
  const { inHeight, inWidth, inChannels, outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth, padInfo } = info;
  const xs = activationStrides(inHeight, inWidth, inChannels, info.dataFormat === 'channelsLast');
  const perItem = outHeight * outWidth;
  const positions = items * perItem;
  const firstRow = new Int32Array(POSITION_BLOCK);
  const firstColumn = new Int32Array(POSITION_BLOCK);
  const itemBase = new Int32Array(POSITION_BLOCK);
  const tapBase = new Int32Array(POSITION_BLOCK);
  for (let start = 0; start < positions; start += POSITION_BLOCK) {
    const length = Math.min(POSITION_BLOCK, positions - start);
    for (let offset = 0; offset < length; offset++) {
      const m = start + offset;
      const item = Math.floor(m / perItem);
      const outRow = Math.floor((m - item * perItem) / outWidth);
      firstRow[offset] = outRow * strideHeight - padInfo.top;
      firstColumn[offset] = (m - item * perItem - outRow * outWidth) * strideWidth - padInfo.left;
      itemBase[offset] = (first + item) * xs.batch;
    }
    for (let tapRow = 0; tapRow < filterHeight; tapRow++) {
      for (let tapColumn = 0; tapColumn < filterWidth; tapColumn++) {
        // Where each position's input for this tap starts, or -1 in the padding.
        for (let offset = 0; offset < length; offset++) {
          const inRow = firstRow[offset]! + tapRow;
          const inColumn = firstColumn[offset]! + tapColumn;
          tapBase[offset] = inRow < 0 || inRow >= inHeight || inColumn < 0 || inColumn >= inWidth ? -1 : itemBase[offset]! + inRow * xs.row + inColumn * xs.column;
        }
        const tap = (tapRow * filterWidth + tapColumn) * inChannels;
        for (let c = 0; c < inChannels; c++) {
          const rowStart = (tap + c) * positions + start;
          const channelOffset = c * xs.channel;
          for (let offset = 0; offset < length; offset++) {
            const base = tapBase[offset]!;
            patches[rowStart + offset] = base < 0 ? 0 : x[base + channelOffset]!;
          }
        }
      }
    }
  }
}

/**
 * dW = patchesᵀ · dy, summed over chunks of the batch: the patch matrix is built in JS and
 * the product runs in the wasm backend's own matMul, which is far faster than a JS loop.
 */
function filterGradient(wasm: WasmKernelBackend, x: tf.TensorInfo, dy: tf.TensorInfo, info: Conv2DInfo): tf.TensorInfo {
  const matMul = (tf.getKernel(tf.BatchMatMul, WASM_BACKEND) as tf.KernelConfig).kernelFunc;
  const taps = patchLength(info);
  const chunk = itemsPerChunk(info);
  let total: tf.TensorInfo | undefined;
  try {
    for (let first = 0; first < info.batchSize; first += chunk) {
      const items = Math.min(chunk, info.batchSize - first);
      const positions = items * info.outHeight * info.outWidth;
      const patches = wasm.makeOutput([taps, positions], 'float32');
      const rows = wasm.makeOutput([positions, info.outChannels], 'float32');
      let partial: tf.TensorInfo;
      try {
        const [xValues, dyValues, patchValues, rowValues] = heapFloats(wasm, x, dy, patches, rows);
        writePatchColumns(xValues!, patchValues!, info, first, items);
        writeGradientRows(dyValues!, rowValues!, info, first, items);
        partial = matMul({ inputs: { a: patches, b: rows }, backend: wasm, attrs: { transposeA: false, transposeB: false } }) as tf.TensorInfo;
      } finally {
        wasm.disposeData(patches.dataId);
        wasm.disposeData(rows.dataId);
      }
      if (total === undefined) {
        total = partial;
        continue;
      }
      const [sum, addend] = heapFloats(wasm, total, partial);
      for (let index = 0; index < sum!.length; index++) sum![index] = sum![index]! + addend![index]!;
      wasm.disposeData(partial.dataId);
    }
  } catch (error) {
    if (total !== undefined) wasm.disposeData(total.dataId);
    throw error;
  }
  return { dataId: total!.dataId, shape: [...info.filterShape], dtype: 'float32' };
}

/**
 * `Conv2DBackpropFilter` for the wasm backend, which lacks it: the filter gradient of every
 * conv1d and conv2d layer. Supports both data formats, strides, and 'same', 'valid' or
 * explicit padding; dilations do not occur (tfjs refuses gradients of dilated convolutions).
 */
export const conv2DBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: WASM_BACKEND,
  kernelFunc: ({ inputs, backend, attrs }) => {
    const wasm = asWasmBackend(backend);
    const x = inputs['x']!;
    const dy = inputs['dy']!;
    const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
    if (x.dtype !== 'float32' || dy.dtype !== 'float32') throw new Error(`Conv2DBackpropFilter on wasm supports float32, got ${x.dtype} and ${dy.dtype}`);
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filterShape,
      strides,
      1,
      pad,
      dimRoundingMode,
      false,
      tf.backend_util.convertConv2DDataFormat(dataFormat),
    );
    if (tf.util.sizeFromShape(info.outShape) === 0) {
      const zeros = wasm.makeOutput([...info.filterShape], 'float32');
      heapFloats(wasm, zeros)[0]!.fill(0);
      return zeros;
    }
    return filterGradient(wasm, x, dy, info);
  },
};
