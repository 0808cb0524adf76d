import * as tf from '@tensorflow/tfjs';
import { simdBackendOf } from './simd-backend';
import { asWasmBackend } from './wasm-kernel-backend';

const outerSize = (shape: readonly number[]) => tf.util.sizeFromShape(shape.slice(0, -2));

/**
 * A transposed `a` is copied out plain first when it has this many values and the product
 * this many columns: `gemm` reads a transposed `a` in place at ~35 GFLOP/s against ~42 plain
 * (its rows' values share a cache line per step instead of running along one), so the copy
 * pays for itself on wide products (a 256 × 128 `a` costs ~18 µs to copy and saves ~65 µs at
 * 256 columns) but not on narrow ones (at 4 columns the product takes ~8 µs in place).
 */
const COPY_TRANSPOSED_A = { values: 4_096, columns: 32 };

/** The bias's values when it is one value per output column (any leading 1s), else undefined. */
function columnBias(bias: tf.TensorInfo | undefined, columns: number): tf.TensorInfo | null | undefined {
  if (bias === undefined) return null;
  const shape = bias.shape;
  const perColumn = bias.dtype === 'float32' && shape.length >= 1 && shape[shape.length - 1] === columns && tf.util.sizeFromShape(shape) === columns;
  return perColumn ? bias : undefined;
}

/**
 * `BatchMatMul` or `_FusedMatMul` (linear activation; a bias on one batch without flags) with
 * the SIMD `gemm`, for float32 operands whose batches are equal or one-sided: the product
 * XNNPACK computes (every sum in the same order, so the same bits) without packing `b`, which
 * costs XNNPACK up to a third of a training product. A transposed `b`, and a large transposed
 * `a`, are transposed once into temporaries (a small `a` is read in place). Returns undefined for
 * calls it leaves to the other kernels: another dtype or activation, other biases, broadcast
 * batches, empty operands, or a backend whose heap it cannot reach.
 */
export function simdMatMul({ inputs, backend, attrs }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo | undefined {
  const { a, b } = inputs;
  if (a === undefined || b === undefined || a.dtype !== 'float32' || b.dtype !== 'float32' || inputs['preluActivationWeights'] !== undefined) return undefined;
  const activation = (attrs?.['activation'] as string | undefined) ?? 'linear';
  if (activation !== 'linear') return undefined;
  const transposeA = attrs?.['transposeA'] === true;
  const transposeB = attrs?.['transposeB'] === true;
  if (a.shape.length < 2 || b.shape.length < 2) return undefined;
  const [aRows, aColumns] = a.shape.slice(-2) as [number, number];
  const [bRows, bColumns] = b.shape.slice(-2) as [number, number];
  const [m, k] = transposeA ? [aColumns, aRows] : [aRows, aColumns];
  const [kB, n] = transposeB ? [bColumns, bRows] : [bRows, bColumns];
  const bias = columnBias(inputs['bias'], n);
  if (bias === undefined || k !== kB || m === 0 || n === 0 || k === 0) return undefined;
  const batchesA = outerSize(a.shape);
  const batchesB = outerSize(b.shape);
  const sameBatches = batchesA === batchesB && tf.util.arraysEqual(a.shape.slice(0, -2), b.shape.slice(0, -2));
  if (!sameBatches && batchesA !== 1 && batchesB !== 1) return undefined;
  // XNNPACK starts each sum at the bias only on its own path (one batch, no flags); the others
  // add the bias after the product (see fused-matmul-in-steps.ts), and keep doing so.
  if (bias !== null && (transposeA || transposeB || Math.max(batchesA, batchesB) > 1)) return undefined;
  const wasm = asWasmBackend(backend);
  const simd = simdBackendOf(wasm);
  if (simd === undefined) return undefined;

  const outerShape = tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const batches = Math.max(batchesA, batchesB);
  const out = wasm.makeOutput([...outerShape, m, n], 'float32');
  const copyA = transposeA && m * k >= COPY_TRANSPOSED_A.values && n >= COPY_TRANSPOSED_A.columns;
  const plainA = copyA ? wasm.makeOutput([...a.shape.slice(0, -2), m, k], 'float32') : a;
  const plainB = transposeB ? wasm.makeOutput([...b.shape.slice(0, -2), k, n], 'float32') : b;
  try {
    // Addresses are read after the last allocation: tensors never move on the heap, but the
    // kernels must see the heap as it is after any growth, which they do on every call.
    if (copyA) {
      for (let batch = 0; batch < batchesA; batch++) simd.kernels.transpose(simd.address(a) + batch * m * k * 4, simd.address(plainA) + batch * m * k * 4, k, m);
    }
    if (transposeB) {
      for (let batch = 0; batch < batchesB; batch++) simd.kernels.transpose(simd.address(b) + batch * k * n * 4, simd.address(plainB) + batch * k * n * 4, n, k);
    }
    const aAddress = simd.address(plainA);
    const bAddress = simd.address(plainB);
    const outAddress = simd.address(out);
    const biasAddress = bias === null ? 0 : simd.address(bias);
    const [aRowStep, aColumnStep] = transposeA && !copyA ? [4, m * 4] : [k * 4, 4];
    for (let batch = 0; batch < batches; batch++) {
      const aBatch = batchesA === 1 ? 0 : batch;
      const bBatch = batchesB === 1 ? 0 : batch;
      simd.kernels.gemm(aAddress + aBatch * m * k * 4, bAddress + bBatch * k * n * 4, outAddress + batch * m * n * 4, biasAddress, m, k, n, aRowStep, aColumnStep);
    }
  } finally {
    if (copyA) wasm.disposeData(plainA.dataId);
    if (transposeB) wasm.disposeData(plainB.dataId);
  }
  return out;
}
