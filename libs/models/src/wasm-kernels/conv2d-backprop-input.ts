import * as tf from '@tensorflow/tfjs';
import { activationStrides, itemsPerChunk, patchLength, writeGradientRows, type Conv2DInfo } from './conv2d-gradient-matrices';
import { asWasmBackend, heapFloats, WASM_BACKEND, type WasmKernelBackend } from './wasm-kernel-backend';

/** Writes the [taps, outChannels] filter as an [outChannels, taps] matrix. */
function writeTransposedFilter(filter: Float32Array, transposed: Float32Array, taps: number, outChannels: number): void {
  for (let tap = 0; tap < taps; tap++) {
    for (let o = 0; o < outChannels; o++) transposed[o * taps + tap] = filter[tap * outChannels + o]!;
  }
}

/**
 * Adds each row of a [positions, taps] matrix of patch gradients to the inputs under its
 * output position (batch items [first, first + items)); taps in the padding are dropped.
 */
function addPatchRows(patches: Float32Array, dx: Float32Array, info: Conv2DInfo, first: number, items: number): void {
  const { inHeight, inWidth, inChannels, outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth, padInfo } = info;
  const xs = activationStrides(inHeight, inWidth, inChannels, info.dataFormat === 'channelsLast');
  const taps = patchLength(info);
  let row = 0;
  for (let n = first; n < first + items; n++) {
    for (let outRow = 0; outRow < outHeight; outRow++) {
      for (let outColumn = 0; outColumn < outWidth; outColumn++, row++) {
        for (let tapRow = 0; tapRow < filterHeight; tapRow++) {
          const inRow = outRow * strideHeight + tapRow - padInfo.top;
          if (inRow < 0 || inRow >= inHeight) continue;
          for (let tapColumn = 0; tapColumn < filterWidth; tapColumn++) {
            const inColumn = outColumn * strideWidth + tapColumn - padInfo.left;
            if (inColumn < 0 || inColumn >= inWidth) continue;
            const base = n * xs.batch + inRow * xs.row + inColumn * xs.column;
            const from = row * taps + (tapRow * filterWidth + tapColumn) * inChannels;
            for (let c = 0; c < inChannels; c++) dx[base + c * xs.channel] = dx[base + c * xs.channel]! + patches[from + c]!;
          }
        }
      }
    }
  }
}

/**
 * dx = col2im(dy · Wᵀ), chunk by chunk of the batch: the product runs in the wasm backend's
 * own matMul, and the patch gradients it yields are added back onto the input positions.
 */
function inputGradient(wasm: WasmKernelBackend, dy: tf.TensorInfo, filter: tf.TensorInfo, info: Conv2DInfo): tf.TensorInfo {
  const matMul = (tf.getKernel(tf.BatchMatMul, WASM_BACKEND) as tf.KernelConfig).kernelFunc;
  const taps = patchLength(info);
  const chunk = itemsPerChunk(info);
  const dx = wasm.makeOutput([...info.inShape], 'float32');
  const filterRows = wasm.makeOutput([info.outChannels, taps], 'float32');
  try {
    const [filterValues, filterRowValues, dxValues] = heapFloats(wasm, filter, filterRows, dx);
    writeTransposedFilter(filterValues!, filterRowValues!, taps, info.outChannels);
    dxValues!.fill(0);
    for (let first = 0; first < info.batchSize; first += chunk) {
      const items = Math.min(chunk, info.batchSize - first);
      const rows = wasm.makeOutput([items * info.outHeight * info.outWidth, info.outChannels], 'float32');
      let patches: tf.TensorInfo;
      try {
        const [dyValues, rowValues] = heapFloats(wasm, dy, rows);
        writeGradientRows(dyValues!, rowValues!, info, first, items);
        patches = matMul({ inputs: { a: rows, b: filterRows }, backend: wasm, attrs: { transposeA: false, transposeB: false } }) as tf.TensorInfo;
      } finally {
        wasm.disposeData(rows.dataId);
      }
      try {
        const [patchValues, dxChunk] = heapFloats(wasm, patches, dx);
        addPatchRows(patchValues!, dxChunk!, info, first, items);
      } finally {
        wasm.disposeData(patches.dataId);
      }
    }
  } catch (error) {
    wasm.disposeData(dx.dataId);
    throw error;
  } finally {
    wasm.disposeData(filterRows.dataId);
  }
  return dx;
}

/**
 * `Conv2DBackpropInput` for the wasm backend, replacing its own for speed: the stock kernel
 * takes about 10× a conv1d layer's forward pass, and every conv layer after the first (or
 * after an embedding) needs it in training; `conv2dTranspose` runs it forward. Both data
 * formats, strides, and 'same', 'valid' or explicit padding.
 */
export const conv2DBackpropInputConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropInput,
  backendName: WASM_BACKEND,
  kernelFunc: ({ inputs, backend, attrs }) => {
    const wasm = asWasmBackend(backend);
    const dy = inputs['dy']!;
    const filter = inputs['filter']!;
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as tf.Conv2DBackpropInputAttrs;
    if (dy.dtype !== 'float32' || filter.dtype !== 'float32') throw new Error(`Conv2DBackpropInput on wasm supports float32, got ${dy.dtype} and ${filter.dtype}`);
    const info = tf.backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      1,
      pad,
      dimRoundingMode,
      false,
      tf.backend_util.convertConv2DDataFormat(dataFormat),
    );
    return inputGradient(wasm, dy, filter, info);
  },
};
