import * as tf from '@tensorflow/tfjs';
import { registerBroadcastingComparisons } from './broadcasting-comparisons';
import { classCrossEntropyGradConfig } from './class-cross-entropy-grad';
import { conv2DBackpropFilterConfig } from './conv2d-backprop-filter';
import { conv2DBackpropInputConfig } from './conv2d-backprop-input';
import { registerFirstAxisSum } from './first-axis-sum';
import { registerSliceGather } from './gather-v2';
import { maxPoolGradConfig } from './max-pool-grad';
import { registerOptimizerUpdateKernels } from './optimizer-update-kernels';
import { registerTransposingMatMul } from './transposing-matmul';
import { unsortedSegmentSumConfig } from './unsorted-segment-sum';
import { WASM_BACKEND } from './wasm-kernel-backend';

/**
 * Kernels that training needs and the wasm backend of tfjs 4.22 lacks, found by training
 * every model family the platform builds on wasm (see register-wasm-training-kernels.spec.ts).
 * A kernel the wasm package registers itself is left alone.
 */
export const WASM_MISSING_TRAINING_KERNELS: readonly tf.KernelConfig[] = [unsortedSegmentSumConfig, conv2DBackpropFilterConfig];

/**
 * Kernels the wasm backend of tfjs 4.22 has but gets wrong (`MaxPoolGrad`) or runs slowly
 * (`Conv2DBackpropInput`, ~10× a conv1d forward pass); they are replaced.
 */
export const WASM_REPLACED_TRAINING_KERNELS: readonly tf.KernelConfig[] = [maxPoolGradConfig, conv2DBackpropInputConfig];

/** What one `registerWasmTrainingKernels` call changed. */
export interface WasmTrainingKernelsRegistration {
  /** Kernels that were missing on wasm and are registered now. */
  readonly added: string[];
  /** Stock kernels replaced by correct or faster ones. */
  readonly replaced: string[];
  /**
   * Stock kernels wrapped to take some calls themselves: `BatchMatMul` and `_FusedMatMul`
   * (a SIMD gemm, else transpose first), the comparisons (broadcast in JS), `GatherV2` (copy
   * slices in JS), `Sum` (over the first axis, in SIMD).
   */
  readonly wrapped: string[];
  /**
   * The platform's own kernels, registered now: one-pass optimiser updates
   * (`OPTIMIZER_UPDATE_KERNELS`) and the class cross-entropy's gradient
   * (`CLASS_CROSS_ENTROPY_GRAD`).
   */
  readonly fused: string[];
}

/**
 * Completes the wasm backend for training: registers the kernels it lacks, replaces the ones
 * it gets wrong or runs slowly, wraps the ones that are slow for some calls only, and adds the
 * platform's own fused kernels (see `WasmTrainingKernelsRegistration`). Idempotent, and a
 * no-op when the wasm backend package is not loaded. Call it after the wasm backend is
 * activated.
 */
export function registerWasmTrainingKernels(): WasmTrainingKernelsRegistration {
  if (tf.getKernelsForBackend(WASM_BACKEND).length === 0) return { added: [], replaced: [], wrapped: [], fused: [] };
  const added: string[] = [];
  for (const config of WASM_MISSING_TRAINING_KERNELS) {
    if (tf.getKernel(config.kernelName, WASM_BACKEND) !== undefined) continue;
    tf.registerKernel(config);
    added.push(config.kernelName);
  }
  const replaced: string[] = [];
  for (const config of WASM_REPLACED_TRAINING_KERNELS) {
    const current = tf.getKernel(config.kernelName, WASM_BACKEND) as tf.KernelConfig | undefined;
    if (current?.kernelFunc === config.kernelFunc) continue;
    if (current !== undefined) tf.unregisterKernel(config.kernelName, WASM_BACKEND);
    tf.registerKernel(config);
    replaced.push(config.kernelName);
  }
  const wrapped = [
    ...registerTransposingMatMul(),
    ...registerBroadcastingComparisons(),
    ...(registerSliceGather() ? [tf.GatherV2] : []),
    ...(registerFirstAxisSum() ? [tf.Sum] : []),
  ];
  const fused = registerOptimizerUpdateKernels();
  if (tf.getKernel(classCrossEntropyGradConfig.kernelName, WASM_BACKEND) === undefined) {
    tf.registerKernel(classCrossEntropyGradConfig);
    fused.push(classCrossEntropyGradConfig.kernelName);
  }
  return { added, replaced, wrapped, fused };
}
