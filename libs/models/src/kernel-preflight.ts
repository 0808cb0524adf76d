import * as tf from '@tensorflow/tfjs';

/** The backends a preflight reports on: the platform's choices, fastest first. */
export const PREFLIGHT_BACKENDS = ['tensorflow', 'wasm', 'cpu'] as const;

/** One of `PREFLIGHT_BACKENDS`. */
export type PreflightBackend = (typeof PREFLIGHT_BACKENDS)[number];

/**
 * `supported`: every kernel the model ran is registered there. `missing-kernels`: some are
 * not (listed in `missing`). `not-installed`: the backend is not loaded in this process, so
 * its kernels cannot be inspected (tfjs-node without libtensorflow, say).
 */
export type BackendKernelStatus = 'supported' | 'missing-kernels' | 'not-installed';

/** Whether one backend has the kernels a model needs. */
export interface BackendKernelSupport {
  readonly backend: PreflightBackend;
  readonly status: BackendKernelStatus;
  /** Kernels the model needs that the backend lacks, sorted; empty unless `missing-kernels`. */
  readonly missing: string[];
}

/** The kernels a model runs, and which backends have them. Plain data: JSON-able as is. */
export interface KernelPreflight {
  /** Sorted, unique names of the kernels the model ran on the active backend. */
  readonly kernels: string[];
  readonly backends: BackendKernelSupport[];
}

/** Options of `kernelPreflight`. */
export interface KernelPreflightOptions {
  /**
   * Targets for the sample inputs. When given, the preflight also computes one gradient of the
   * model's compiled loss (with regularizers), so the kernels that training adds are listed:
   * on wasm, the missing ones are all gradient kernels. Weights are restored afterwards
   * (batch normalization's moving statistics move in a training pass). The model must be
   * compiled. The optimizer's update kernels are not run; they are elementwise ops every
   * backend has.
   */
  readonly sampleTargets?: tf.Tensor | tf.Tensor[];
}

const asList = (tensors: tf.Tensor | tf.Tensor[]): tf.Tensor[] => (Array.isArray(tensors) ? tensors : [tensors]);

/** The loss `model.fit` minimises for one batch, as a scalar. */
function compiledLoss(outer: tf.LayersModel, inputs: tf.Tensor | tf.Tensor[], targets: tf.Tensor | tf.Tensor[]): tf.Scalar {
  // A Sequential keeps what compile() set up in the functional model it wraps, a field its
  // type declares private.
  const model = outer instanceof tf.Sequential ? (outer as unknown as { model: tf.LayersModel }).model : outer;
  const lossFunctions = model.lossFunctions as tf.LayersModel['lossFunctions'] | undefined;
  if (lossFunctions === undefined || lossFunctions.length === 0) throw new Error('kernelPreflight with sampleTargets needs a compiled model');
  const outputs = asList(model.apply(inputs, { training: true }) as tf.Tensor | tf.Tensor[]);
  const targetList = asList(targets);
  const losses = lossFunctions.map((lossFunction, index) => tf.mean(lossFunction(targetList[index]!, outputs[index]!)));
  return tf.addN([...losses, ...model.calculateLosses()]) as tf.Scalar;
}

/** Runs one gradient of the compiled loss and puts every weight back as it was. */
function runGradient(model: tf.LayersModel, inputs: tf.Tensor | tf.Tensor[], targets: tf.Tensor | tf.Tensor[]): void {
  const snapshot = model.getWeights().map((weight) => weight.clone());
  try {
    tf.tidy(() => {
      tf.variableGrads(() => compiledLoss(model, inputs, targets));
    });
  } finally {
    model.setWeights(snapshot);
    tf.dispose(snapshot);
  }
}

/** Support of one backend for `kernels`, from the kernel registry. */
function backendSupport(backend: PreflightBackend, kernels: readonly string[]): BackendKernelSupport {
  const registered = new Set(tf.getKernelsForBackend(backend).map((kernel) => kernel.kernelName));
  if (registered.size === 0 || tf.findBackendFactory(backend) == null) return { backend, status: 'not-installed', missing: [] };
  const missing = kernels.filter((kernel) => !registered.has(kernel));
  return { backend, status: missing.length > 0 ? 'missing-kernels' : 'supported', missing };
}

/**
 * Records the kernels `model.predict(sampleInputs)` runs on the active backend (with
 * `sampleTargets`, also one training gradient) and, for each of `PREFLIGHT_BACKENDS`, whether
 * that backend registers them all. Every tensor it makes is disposed; the model is unchanged.
 */
export async function kernelPreflight(model: tf.LayersModel, sampleInputs: tf.Tensor | tf.Tensor[], options: KernelPreflightOptions = {}): Promise<KernelPreflight> {
  const ran = new Set<string>();
  const forward = await tf.profile(() => {
    tf.dispose(model.predict(sampleInputs));
  });
  forward.kernelNames.forEach((name) => ran.add(name));
  const { sampleTargets } = options;
  if (sampleTargets !== undefined) {
    const training = await tf.profile(() => runGradient(model, sampleInputs, sampleTargets));
    training.kernelNames.forEach((name) => ran.add(name));
  }
  // A custom-gradient op is profiled under its scope name (fusedMatMul__op) beside the kernels
  // it runs; only names registered on the backend that ran them are kernels.
  const active = tf.getBackend();
  const kernels = [...ran].filter((name) => tf.getKernel(name, active) !== undefined).sort();
  return { kernels, backends: PREFLIGHT_BACKENDS.map((backend) => backendSupport(backend, kernels)) };
}
