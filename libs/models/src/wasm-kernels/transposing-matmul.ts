import * as tf from '@tensorflow/tfjs';
import { fusedMatMulInSteps, stockFusedMatMulMisplacesBias } from './fused-matmul-in-steps';
import { simdMatMul } from './simd-matmul';
import { asWasmBackend, heapViews, WASM_BACKEND, type WasmKernelBackend } from './wasm-kernel-backend';
import { wrapWasmKernel } from './wrap-wasm-kernel';

/** The wasm kernels whose transpose flags `registerTransposingMatMul` takes over. */
export const TRANSPOSING_MATMUL_KERNELS: readonly string[] = [tf.BatchMatMul, tf._FusedMatMul];

/** Side of the square blocks `transposeInJs` copies, so that reads and writes stay in cache. */
const BLOCK = 32;

/**
 * Whether `transposeInJs` beats the wasm Transpose kernel for a [rows, columns] matrix.
 * Measured: the kernel is fast while a matrix fits in cache and when it has few rows
 * (64 × 4096), but takes ~6 ns a value past that (256 × 256: 0.22 ms) where a blocked copy in
 * JS takes ~1.3 (0.08 ms).
 */
function transposesFasterInJs(rows: number, columns: number): boolean {
  return rows >= 128 && columns <= 4 * rows && rows * columns >= 32_768;
}

/** Transposes each [rows, columns] matrix of `x` into `out`, block by block. */
function transposeInJs(x: Float32Array | Int32Array | Uint8Array, out: Float32Array | Int32Array | Uint8Array, matrices: number, rows: number, columns: number): void {
  const size = rows * columns;
  for (let base = 0; base < matrices * size; base += size) {
    for (let rowStart = 0; rowStart < rows; rowStart += BLOCK) {
      const rowEnd = Math.min(rows, rowStart + BLOCK);
      for (let columnStart = 0; columnStart < columns; columnStart += BLOCK) {
        const columnEnd = Math.min(columns, columnStart + BLOCK);
        for (let column = columnStart; column < columnEnd; column++) {
          const to = base + column * rows;
          for (let row = rowStart; row < rowEnd; row++) out[to + row] = x[base + row * columns + column]!;
        }
      }
    }
  }
}

/**
 * Swaps the two innermost dimensions of `x` into a new buffer that the caller disposes. When
 * one of them is 1 the memory order does not change, so the result shares `x`'s data.
 */
function swapInnerDims(x: tf.TensorInfo, backend: WasmKernelBackend, transpose: tf.KernelFunc): tf.TensorInfo {
  const rank = x.shape.length;
  const rows = x.shape[rank - 2]!;
  const columns = x.shape[rank - 1]!;
  const shape = [...x.shape];
  [shape[rank - 2], shape[rank - 1]] = [columns, rows];
  if (rows === 1 || columns === 1) {
    backend.incRef(x.dataId);
    return { dataId: x.dataId, shape, dtype: x.dtype };
  }
  if (x.dtype !== 'string' && transposesFasterInJs(rows, columns)) {
    const out = backend.makeOutput(shape, x.dtype);
    const [values, transposed] = heapViews(backend, x, out);
    transposeInJs(values!, transposed!, tf.util.sizeFromShape(x.shape.slice(0, -2)), rows, columns);
    return out;
  }
  const perm = x.shape.map((_, axis) => axis);
  [perm[rank - 2], perm[rank - 1]] = [rank - 1, rank - 2];
  return transpose({ inputs: { x }, backend, attrs: { perm } }) as tf.TensorInfo;
}

/** The stock kernel, except for the fused products with a bias that it gets wrong. */
function correctedStock(kernelName: string, stock: tf.KernelFunc): tf.KernelFunc {
  if (kernelName !== tf._FusedMatMul) return stock;
  return (params) => (stockFusedMatMulMisplacesBias(params.inputs, params.attrs) ? fusedMatMulInSteps(stock, params) : stock(params));
}

/**
 * Wraps a matmul kernel so that it never sees a transpose flag: the flagged operand is
 * transposed first and the original kernel runs on plain operands. The wasm backend's
 * transposed products are 10–15× slower than a transpose plus a plain product, and every
 * dense layer's gradient is such a product. Gradients are unaffected: the engine records the
 * call with its original attributes. Calls the SIMD gemm takes (see `simdMatMul`) skip all of
 * this, with the same results.
 */
function transposeFirst(kernelName: string, stock: tf.KernelFunc, transpose: tf.KernelFunc): tf.KernelFunc {
  const original = correctedStock(kernelName, stock);
  return ({ inputs, backend, attrs }) => {
    const simd = simdMatMul({ inputs, backend, attrs });
    if (simd !== undefined) return simd;
    const transposeA = attrs?.['transposeA'] === true;
    const transposeB = attrs?.['transposeB'] === true;
    if (!transposeA && !transposeB) return original({ inputs, backend, attrs });
    const wasm = asWasmBackend(backend);
    const temporaries: tf.TensorInfo[] = [];
    const plain = (operand: tf.TensorInfo | undefined, flagged: boolean): tf.TensorInfo | undefined => {
      if (!flagged || operand === undefined) return operand;
      const swapped = swapInnerDims(operand, wasm, transpose);
      temporaries.push(swapped);
      return swapped;
    };
    try {
      return original({
        inputs: { ...inputs, a: plain(inputs['a'], transposeA), b: plain(inputs['b'], transposeB) },
        backend,
        attrs: { ...attrs, transposeA: false, transposeB: false },
      });
    } finally {
      for (const temporary of temporaries) wasm.disposeData(temporary.dataId);
    }
  };
}

/**
 * Replaces the wasm `BatchMatMul` and `_FusedMatMul` kernels with transpose-first wrappers of
 * themselves; the `_FusedMatMul` wrapper also adds the bias right where the stock kernel does
 * not (see `stockFusedMatMulMisplacesBias`). Idempotent, and a no-op when the wasm backend
 * package is not loaded. Returns the names of the kernels it replaced this time.
 */
export function registerTransposingMatMul(): string[] {
  const transpose = tf.getKernel(tf.Transpose, WASM_BACKEND) as tf.KernelConfig | undefined;
  if (transpose === undefined) return [];
  return TRANSPOSING_MATMUL_KERNELS.filter((kernelName) => wrapWasmKernel(kernelName, (stock) => transposeFirst(kernelName, stock, transpose.kernelFunc)));
}
