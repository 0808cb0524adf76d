import * as tf from '@tensorflow/tfjs';
import { asWasmBackend, heapViews } from './wasm-kernel-backend';
import { wrapWasmKernel } from './wrap-wasm-kernel';

// How two values compare, as one bit each; a comparison kernel is the set of outcomes for
// which it is true. NaN compares unordered: only NotEqual holds.
const LESS = 1;
const EQUAL = 2;
const GREATER = 4;
const UNORDERED = 8;

/** The outcomes each comparison kernel is true for. */
const OUTCOMES: Readonly<Record<string, number>> = {
  [tf.Equal]: EQUAL,
  [tf.NotEqual]: LESS | GREATER | UNORDERED,
  [tf.Greater]: GREATER,
  [tf.GreaterEqual]: GREATER | EQUAL,
  [tf.Less]: LESS,
  [tf.LessEqual]: LESS | EQUAL,
};

/** The comparison kernels `registerBroadcastingComparisons` takes over. */
export const BROADCASTING_COMPARISON_KERNELS: readonly string[] = Object.keys(OUTCOMES);

/** Strides of `shape` read as `outShape`: 0 along the dimensions it is broadcast over. */
function broadcastStrides(shape: number[], outShape: number[]): number[] {
  const strides = new Array<number>(outShape.length).fill(0);
  let stride = 1;
  for (let axis = shape.length - 1, outAxis = outShape.length - 1; axis >= 0; axis--, outAxis--) {
    if (shape[axis] !== 1) strides[outAxis] = stride;
    stride *= shape[axis]!;
  }
  return strides;
}

/**
 * out[i] = 1 where a and b at i compare as `outcomes` says, 0 elsewhere, a and b broadcast to
 * `outShape`. Walks the output row by row (the innermost dimension), carrying the offsets of a
 * and b from row to row like an odometer.
 */
function compareBroadcast(a: ArrayLike<number>, aShape: number[], b: ArrayLike<number>, bShape: number[], outShape: number[], outcomes: number, out: Uint8Array): void {
  if (out.length === 0) return;
  const rank = outShape.length;
  const aStrides = broadcastStrides(aShape, outShape);
  const bStrides = broadcastStrides(bShape, outShape);
  const rowLength = rank === 0 ? 1 : outShape[rank - 1]!;
  const aStep = rank === 0 ? 0 : aStrides[rank - 1]!;
  const bStep = rank === 0 ? 0 : bStrides[rank - 1]!;
  const counter = new Array<number>(Math.max(0, rank - 1)).fill(0);
  let aRow = 0;
  let bRow = 0;
  for (let rowStart = 0; rowStart < out.length; rowStart += rowLength) {
    for (let i = 0; i < rowLength; i++) {
      const x = a[aRow + i * aStep]!;
      const y = b[bRow + i * bStep]!;
      const outcome = x < y ? LESS : x > y ? GREATER : x === y ? EQUAL : UNORDERED;
      out[rowStart + i] = (outcome & outcomes) !== 0 ? 1 : 0;
    }
    for (let axis = rank - 2; axis >= 0; axis--) {
      aRow += aStrides[axis]!;
      bRow += bStrides[axis]!;
      if (++counter[axis]! < outShape[axis]!) break;
      aRow -= aStrides[axis]! * outShape[axis]!;
      bRow -= bStrides[axis]! * outShape[axis]!;
      counter[axis] = 0;
    }
  }
}

/**
 * A comparison kernel that broadcasts in JS. The stock wasm comparisons take ~60 ms to
 * compare [128, 100, 64] with [128, 1, 64] (the gradient of a max over the middle axis, as in
 * globalMaxPooling1d) where this takes about 2; operands of the same shape still go to the
 * stock kernel, which is fast then.
 */
function broadcastInJs(kernelName: string, stock: tf.KernelFunc): tf.KernelFunc {
  const outcomes = OUTCOMES[kernelName]!;
  return (params) => {
    const a = params.inputs['a']!;
    const b = params.inputs['b']!;
    if (tf.util.arraysEqual(a.shape, b.shape) || a.dtype === 'string' || b.dtype === 'string') return stock(params);
    const wasm = asWasmBackend(params.backend);
    const outShape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
    const out = wasm.makeOutput(outShape, 'bool');
    const [aValues, bValues, outValues] = heapViews(wasm, a, b, out);
    compareBroadcast(aValues!, a.shape, bValues!, b.shape, outShape, outcomes, outValues as Uint8Array);
    return out;
  };
}

/**
 * Replaces the wasm `Equal`, `NotEqual`, `Greater`, `GreaterEqual`, `Less` and `LessEqual`
 * kernels with wrappers that broadcast in JS. Idempotent; returns the kernels replaced now.
 */
export function registerBroadcastingComparisons(): string[] {
  return BROADCASTING_COMPARISON_KERNELS.filter((kernelName) => wrapWasmKernel(kernelName, (stock) => broadcastInJs(kernelName, stock)));
}
