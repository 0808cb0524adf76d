import * as tf from '@tensorflow/tfjs';
import { asWasmBackend, WASM_BACKEND } from './wasm-kernel-backend';

/** The wasm kernel applying each fusable activation, by `_FusedMatMul`'s activation name. */
const ACTIVATION_KERNELS: Readonly<Record<string, string>> = {
  relu: tf.Relu,
  relu6: tf.Relu6,
  elu: tf.Elu,
  sigmoid: tf.Sigmoid,
  leakyrelu: tf.LeakyRelu,
  prelu: tf.Prelu,
};

function wasmKernel(kernelName: string): tf.KernelFunc {
  const config = tf.getKernel(kernelName, WASM_BACKEND) as tf.KernelConfig | undefined;
  if (config === undefined) throw new Error(`the wasm backend has no ${kernelName} kernel`);
  return config.kernelFunc;
}

/**
 * Whether the stock wasm `_FusedMatMul` (tfjs 4.22) would add this call's bias at the wrong
 * offsets. Only its one-batch product without transpose flags (the XNNPACK path) gets the bias
 * right; on batches or with a transpose flag, every row but the first is off. Dense layers
 * multiply one batch without flags; `tf.fused.matMul` on batches or with flags does not.
 */
export function stockFusedMatMulMisplacesBias(inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap | undefined): boolean {
  const { a, b, bias } = inputs;
  if (bias === undefined || a === undefined || b === undefined) return false;
  if (attrs?.['transposeA'] === true || attrs?.['transposeB'] === true) return true;
  const batches = (shape: number[]) => tf.util.sizeFromShape(shape.slice(0, -2));
  return Math.max(batches(a.shape), batches(b.shape)) > 1;
}

/**
 * `_FusedMatMul` as three wasm kernels: the product (the stock fused kernel without bias or
 * activation, which is correct on batches), `Add` for the bias, then the activation's own
 * kernel. Every intermediate is freed.
 */
export function fusedMatMulInSteps(product: tf.KernelFunc, { inputs, backend, attrs }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo {
  const wasm = asWasmBackend(backend);
  const { a, b, bias, preluActivationWeights } = inputs;
  const activation = (attrs?.['activation'] as string | undefined) ?? 'linear';
  const activationKernel = activation === 'linear' ? undefined : ACTIVATION_KERNELS[activation];
  if (activation !== 'linear' && activationKernel === undefined) throw new Error(`${activation} activation is not supported by _FusedMatMul on wasm`);
  const unbiased = product({ inputs: { a, b }, backend, attrs: { ...attrs, activation: 'linear' } }) as tf.TensorInfo;
  let biased: tf.TensorInfo;
  try {
    biased = wasmKernel(tf.Add)({ inputs: { a: unbiased, b: bias }, backend }) as tf.TensorInfo;
  } finally {
    wasm.disposeData(unbiased.dataId);
  }
  if (activationKernel === undefined) return biased;
  try {
    const activationInputs = activation === 'prelu' ? { x: biased, alpha: preluActivationWeights } : { x: biased };
    return wasmKernel(activationKernel)({ inputs: activationInputs, backend, attrs: { alpha: (attrs?.['leakyreluAlpha'] as number | undefined) ?? 0.2 } }) as tf.TensorInfo;
  } finally {
    wasm.disposeData(biased.dataId);
  }
}
