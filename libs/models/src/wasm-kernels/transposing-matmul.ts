import * as tf from '@tensorflow/tfjs';
import { fusedMatMulInSteps, stockFusedMatMulMisplacesBias } from './fused-matmul-in-steps';
import { asWasmBackend, WASM_BACKEND, type WasmKernelBackend } from './wasm-kernel-backend';
import { wrapWasmKernel } from './wrap-wasm-kernel';

/** The wasm kernels whose transpose flags `registerTransposingMatMul` takes over. */
export const TRANSPOSING_MATMUL_KERNELS: readonly string[] = [tf.BatchMatMul, tf._FusedMatMul];

/**
 * Swaps the two innermost dimensions of `x` into a new buffer that the caller disposes. When
 * one of them is 1 the memory order does not change, so the result shares `x`'s data.
 */
function swapInnerDims(x: tf.TensorInfo, backend: WasmKernelBackend, transpose: tf.KernelFunc): tf.TensorInfo {
  const rank = x.shape.length;
  const shape = [...x.shape];
  [shape[rank - 2], shape[rank - 1]] = [x.shape[rank - 1]!, x.shape[rank - 2]!];
  if (x.shape[rank - 1] === 1 || x.shape[rank - 2] === 1) {
    backend.incRef(x.dataId);
    return { dataId: x.dataId, shape, dtype: x.dtype };
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
 * call with its original attributes.
 */
function transposeFirst(kernelName: string, stock: tf.KernelFunc, transpose: tf.KernelFunc): tf.KernelFunc {
  const original = correctedStock(kernelName, stock);
  return ({ inputs, backend, attrs }) => {
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
