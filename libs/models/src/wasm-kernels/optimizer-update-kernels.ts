import * as tf from '@tensorflow/tfjs';
import { simdBackendOf, type SimdBackend } from './simd-backend';
import { asWasmBackend, WASM_BACKEND, type WasmKernelBackend } from './wasm-kernel-backend';

/**
 * Kernels that compute one variable's optimiser step in one pass: the new value and the new
 * slots (moments, accumulators) from the old ones and the gradient, exactly as tfjs-core 4.22's
 * `tf.train` optimisers compute them with ~10 kernels (same float32 operations, same bits).
 * Inputs are named as below; outputs are fresh tensors, in the order listed, for the caller to
 * `assign`. Registered on wasm by `registerWasmTrainingKernels`; where a backend lacks them,
 * the optimisers' own `applyGradients` applies.
 */
export const OPTIMIZER_UPDATE_KERNELS = {
  /**
   * Inputs `x`, `gradient`, `m`, `v`, and the scalars `accBeta1`, `accBeta2` (β^t before this
   * step); attrs `beta1`, `beta2`, `epsilon`, `learningRate`. Outputs x, m, v.
   */
  adam: 'AiaasAdamUpdate',
  /**
   * Plain (uncentred) RMSProp. Inputs `x`, `gradient`, `meanSquare`, `moment`; attrs `decay`,
   * `momentum`, `epsilon`, `learningRate`. Outputs x, meanSquare, moment.
   */
  rmsprop: 'AiaasRMSPropUpdate',
  /**
   * SGD with momentum. Inputs `x`, `gradient`, `accumulation`; attrs `momentum`,
   * `learningRate`, `nesterov`. Outputs x, accumulation.
   */
  momentum: 'AiaasMomentumUpdate',
  /** Inputs `x`, `gradient`; attr `learningRate`. Output x. */
  sgd: 'AiaasSGDUpdate',
  /**
   * Inputs `x`, `gradient`, `accumulator`; attrs `epsilon`, `learningRate`. Outputs x,
   * accumulator.
   */
  adagrad: 'AiaasAdagradUpdate',
} as const;

type Attrs = tf.NamedAttrMap | undefined;
const attr = (attrs: Attrs, name: string): number => {
  const value = attrs?.[name];
  if (typeof value !== 'number') throw new Error(`optimizer update: attr ${name} must be a number, got ${String(value)}`);
  return value;
};

/** The float32 inputs by name, all of one size (the scalars excepted), checked. */
function float32Inputs(kernelName: string, inputs: tf.NamedTensorInfoMap, names: readonly string[]): tf.TensorInfo[] {
  const found = names.map((name) => {
    const input = inputs[name];
    if (input === undefined || input.dtype !== 'float32') throw new Error(`${kernelName}: input ${name} must be a float32 tensor`);
    return input;
  });
  const size = tf.util.sizeFromShape(found[0]!.shape);
  for (const [index, input] of found.entries()) {
    if (tf.util.sizeFromShape(input.shape) !== size) throw new Error(`${kernelName}: ${names[index]} has shape [${input.shape}], x has [${found[0]!.shape}]`);
  }
  return found;
}

/** One step: allocates `outputs` outputs shaped like x, then runs `step` with every address. */
function update(
  kernelName: string,
  backend: unknown,
  tensors: tf.TensorInfo[],
  outputs: number,
  step: (simd: SimdBackend, addresses: number[], outAddresses: number[], count: number) => void,
): tf.TensorInfo[] {
  const wasm = asWasmBackend(backend);
  const simd = simdBackendOf(wasm);
  if (simd === undefined) throw new Error(`${kernelName}: the wasm backend's heap is out of reach`);
  const x = tensors[0]!;
  const outs = Array.from({ length: outputs }, () => wasm.makeOutput([...x.shape], 'float32'));
  step(
    simd,
    tensors.map((tensor) => simd.address(tensor)),
    outs.map((out) => simd.address(out)),
    tf.util.sizeFromShape(x.shape),
  );
  return outs;
}

const scalarValue = (backend: WasmKernelBackend, tensor: tf.TensorInfo) => (backend.readSync(tensor.dataId) as Float32Array)[0]!;

const adam: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const kernelName = OPTIMIZER_UPDATE_KERNELS.adam;
  const tensors = float32Inputs(kernelName, inputs, ['x', 'gradient', 'm', 'v']);
  const [accBeta1, accBeta2] = float32Inputs(kernelName, inputs, ['accBeta1', 'accBeta2']);
  const wasm = asWasmBackend(backend);
  const [beta1, beta2] = [attr(attrs, 'beta1'), attr(attrs, 'beta2')];
  // tfjs-core turns each JS number into a float32 scalar: the wasm call rounds them the same.
  const scalars = [beta1, 1 - beta1, beta2, 1 - beta2, 1 - scalarValue(wasm, accBeta1!), 1 - scalarValue(wasm, accBeta2!), attr(attrs, 'epsilon'), -attr(attrs, 'learningRate')] as const;
  return update(kernelName, backend, tensors, 3, ({ kernels }, [x, g, m, v], [xOut, mOut, vOut], count) => kernels.adam(x!, g!, m!, v!, xOut!, mOut!, vOut!, count, ...scalars));
};

const rmsprop: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const tensors = float32Inputs(OPTIMIZER_UPDATE_KERNELS.rmsprop, inputs, ['x', 'gradient', 'meanSquare', 'moment']);
  const decay = attr(attrs, 'decay');
  const scalars = [decay, 1 - decay, attr(attrs, 'momentum'), attr(attrs, 'learningRate'), attr(attrs, 'epsilon')] as const;
  return update(OPTIMIZER_UPDATE_KERNELS.rmsprop, backend, tensors, 3, ({ kernels }, [x, g, s, mo], [xOut, sOut, moOut], count) =>
    kernels.rmsprop(x!, g!, s!, mo!, xOut!, sOut!, moOut!, count, ...scalars),
  );
};

const momentum: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const tensors = float32Inputs(OPTIMIZER_UPDATE_KERNELS.momentum, inputs, ['x', 'gradient', 'accumulation']);
  const scalars = [attr(attrs, 'momentum'), -attr(attrs, 'learningRate')] as const;
  const nesterov = attrs?.['nesterov'] === true;
  return update(OPTIMIZER_UPDATE_KERNELS.momentum, backend, tensors, 2, ({ kernels }, [x, g, a], [xOut, aOut], count) =>
    (nesterov ? kernels.nesterov : kernels.momentum)(x!, g!, a!, xOut!, aOut!, count, ...scalars),
  );
};

const sgd: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const tensors = float32Inputs(OPTIMIZER_UPDATE_KERNELS.sgd, inputs, ['x', 'gradient']);
  const negativeRate = -attr(attrs, 'learningRate');
  return update(OPTIMIZER_UPDATE_KERNELS.sgd, backend, tensors, 1, ({ kernels }, [x, g], [xOut], count) => kernels.sgd(x!, g!, xOut!, count, negativeRate));
};

const adagrad: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const tensors = float32Inputs(OPTIMIZER_UPDATE_KERNELS.adagrad, inputs, ['x', 'gradient', 'accumulator']);
  const scalars = [attr(attrs, 'epsilon'), -attr(attrs, 'learningRate')] as const;
  return update(OPTIMIZER_UPDATE_KERNELS.adagrad, backend, tensors, 2, ({ kernels }, [x, g, a], [xOut, aOut], count) => kernels.adagrad(x!, g!, a!, xOut!, aOut!, count, ...scalars));
};

/** The optimiser update kernels for the wasm backend. */
export const OPTIMIZER_UPDATE_KERNEL_CONFIGS: readonly tf.KernelConfig[] = [
  { kernelName: OPTIMIZER_UPDATE_KERNELS.adam, backendName: WASM_BACKEND, kernelFunc: adam },
  { kernelName: OPTIMIZER_UPDATE_KERNELS.rmsprop, backendName: WASM_BACKEND, kernelFunc: rmsprop },
  { kernelName: OPTIMIZER_UPDATE_KERNELS.momentum, backendName: WASM_BACKEND, kernelFunc: momentum },
  { kernelName: OPTIMIZER_UPDATE_KERNELS.sgd, backendName: WASM_BACKEND, kernelFunc: sgd },
  { kernelName: OPTIMIZER_UPDATE_KERNELS.adagrad, backendName: WASM_BACKEND, kernelFunc: adagrad },
];

/**
 * Registers the optimiser update kernels on wasm when the SIMD kernels can reach its heap (the
 * backend has to exist: call after activating it). Idempotent; returns the names registered
 * now.
 */
export function registerOptimizerUpdateKernels(): string[] {
  const backend = tf.findBackend(WASM_BACKEND);
  if (backend === null || simdBackendOf(asWasmBackend(backend)) === undefined) return [];
  return OPTIMIZER_UPDATE_KERNEL_CONFIGS.filter((config) => {
    if (tf.getKernel(config.kernelName, WASM_BACKEND) !== undefined) return false;
    tf.registerKernel(config);
    return true;
  }).map((config) => config.kernelName);
}
