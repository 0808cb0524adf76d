import * as tf from '@tensorflow/tfjs';
import { asWasmBackend, WASM_BACKEND } from './wasm-kernel-backend';

/**
 * The gradient, in one kernel, of the class cross-entropy that the platform's training loss
 * computes as
 *
 * ```ts
 * const sums = tf.sum(predictions, -1, true);
 * const picked = tf.sum(tf.mul(tf.oneHot(labels, classes), tf.div(predictions, sums)), -1);
 * const losses = tf.neg(tf.log(tf.clipByValue(picked, epsilon, 1 - epsilon)));
 * const loss = tf.mean(weights ? tf.mul(losses, weights) : losses);
 * ```
 *
 * with respect to `predictions`, to the bit what tfjs-core's autodiff computes for it through
 * ~35 kernels: each of its float32 operations, in its order (see the steps below).
 *
 * Inputs: `dy` (the loss's upstream gradient, a scalar), `predictions` [batch, classes]
 * float32, `labels` [batch] int32, optionally `weights` [batch] float32. Attr: `epsilon`.
 * Output: [batch, classes] float32.
 */
export const CLASS_CROSS_ENTROPY_GRAD = 'AiaasClassCrossEntropyGrad';

const f32 = Math.fround;

const classCrossEntropyGrad: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, predictions, labels, weights } = inputs;
  if (dy === undefined || predictions === undefined || labels === undefined) throw new Error(`${CLASS_CROSS_ENTROPY_GRAD} needs dy, predictions and labels`);
  if (predictions.shape.length !== 2 || predictions.dtype !== 'float32' || labels.dtype !== 'int32' || (weights !== undefined && weights.dtype !== 'float32')) {
    throw new Error(`${CLASS_CROSS_ENTROPY_GRAD} takes float32 predictions [batch, classes], int32 labels and float32 weights`);
  }
  const [rows, classes] = predictions.shape as [number, number];
  if (tf.util.sizeFromShape(labels.shape) !== rows || (weights !== undefined && tf.util.sizeFromShape(weights.shape) !== rows)) {
    throw new Error(`${CLASS_CROSS_ENTROPY_GRAD}: ${rows} rows of predictions need as many labels and weights`);
  }
  const wasm = asWasmBackend(backend);
  const p = wasm.readSync(predictions.dataId) as Float32Array;
  const y = wasm.readSync(labels.dataId) as Int32Array;
  const w = weights === undefined ? undefined : (wasm.readSync(weights.dataId) as Float32Array);
  const epsilon = attrs?.['epsilon'];
  if (typeof epsilon !== 'number') throw new Error(`${CLASS_CROSS_ENTROPY_GRAD}: attr epsilon must be a number`);
  const low = f32(epsilon);
  const high = f32(1 - epsilon);
  // mean: dy · ones / batch
  const perRow = f32(f32((wasm.readSync(dy.dataId) as Float32Array)[0]! * 1) / rows);
  const out = new Float32Array(rows * classes);
  for (let row = 0; row < rows; row++) {
    const base = row * classes;
    let sum = 0;
    for (let c = 0; c < classes; c++) sum = f32(sum + p[base + c]!);
    let picked = 0;
    for (let c = 0; c < classes; c++) picked = f32(picked + f32((c === y[row] ? 1 : 0) * f32(p[base + c]! / sum)));
    const clipped = Math.min(Math.max(picked, low), high);
    // weights: d · w; neg; log: dy / x; clipByValue: dy where low ≤ x ≤ high, else 0
    const weighted = w === undefined ? perRow : f32(perRow * w[row]!);
    const atPicked = picked >= low && picked <= high ? f32(-weighted / clipped) : 0;
    // sum over classes: broadcast; mul by the one-hot: dy · oneHot
    // div, for predictions: dy / sums; for sums: -(Σ dy · predictions) / sums²
    let dotted = 0;
    for (let c = 0; c < classes; c++) dotted = f32(dotted + f32(f32(atPicked * (c === y[row] ? 1 : 0)) * p[base + c]!));
    const atSum = -f32(dotted / f32(sum * sum));
    for (let c = 0; c < classes; c++) out[base + c] = f32(f32(f32(atPicked * (c === y[row] ? 1 : 0)) / sum) + atSum);
  }
  return wasm.makeOutput([rows, classes], 'float32', undefined, out);
};

/** The kernel's registration on wasm. */
export const classCrossEntropyGradConfig: tf.KernelConfig = { kernelName: CLASS_CROSS_ENTROPY_GRAD, backendName: WASM_BACKEND, kernelFunc: classCrossEntropyGrad };
