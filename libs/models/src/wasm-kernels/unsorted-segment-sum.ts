import * as tf from '@tensorflow/tfjs';
import { asWasmBackend, heapViews, WASM_BACKEND } from './wasm-kernel-backend';

/**
 * Sums the rows of `x` that share a segment id into `out`. A row is the `rowSize` values
 * under one entry of `segmentIds`. Ids outside [0, numSegments) are dropped, as TensorFlow's
 * GPU kernels and the tfjs cpu kernel do.
 */
function sumSegments(x: ArrayLike<number>, segmentIds: ArrayLike<number>, rowSize: number, out: Float32Array | Int32Array | Uint8Array): void {
  const numSegments = out.length / rowSize;
  for (let row = 0; row < segmentIds.length; row++) {
    const segment = segmentIds[row]!;
    if (!(segment >= 0 && segment < numSegments)) continue;
    const from = row * rowSize;
    const to = segment * rowSize;
    for (let offset = 0; offset < rowSize; offset++) out[to + offset] = out[to + offset]! + x[from + offset]!;
  }
}

/**
 * `UnsortedSegmentSum` for the wasm backend, which lacks it (an embedding layer's gradient
 * is one). `segmentIds` indexes the leading dimensions of `x` (rank 1 in everything tfjs
 * emits); the output is `[numSegments, ...x.shape.slice(segmentIds.rank)]` in `x`'s dtype.
 */
export const unsortedSegmentSumConfig: tf.KernelConfig = {
  kernelName: tf.UnsortedSegmentSum,
  backendName: WASM_BACKEND,
  kernelFunc: ({ inputs, backend, attrs }) => {
    const wasm = asWasmBackend(backend);
    const x = inputs['x']!;
    const segmentIds = inputs['segmentIds']!;
    const numSegments = attrs?.['numSegments'] as number;
    if (x.dtype !== 'float32' && x.dtype !== 'int32') throw new Error(`UnsortedSegmentSum on wasm supports float32 and int32, got ${x.dtype}`);
    const rowShape = x.shape.slice(segmentIds.shape.length);
    const rowSize = tf.util.sizeFromShape(rowShape);
    const out = wasm.makeOutput([numSegments, ...rowShape], x.dtype);
    const [xValues, ids, sums] = heapViews(wasm, x, segmentIds, out);
    sums!.fill(0);
    if (rowSize > 0) sumSegments(xValues!, ids!, rowSize, sums!);
    return out;
  },
};
