/**
 * TensorFlow.js models shared by training, evaluation and inference: picking the compute
 * backend, building models from a training plan, predicting in batches, and saving/loading
 * models through the artifact store.
 *
 * @example
 * ```ts
 * import { buildModel, predictRows, saveModel, selectBackend, setTrainingStep } from '@aiaas/models';
 * await selectBackend('auto', logger); // tfjs-node-gpu > tfjs-node > wasm > cpu
 * const model = buildModel(plan); // plan = planTraining(spec, data) from @aiaas/model-spec
 * setTrainingStep(model, step); // before each training batch: fresh, reproducible dropout masks
 * const outputs = await predictRows(model, [features], rows); // row-major [rows, units]
 * const refs = await saveModel(model, store);
 * ```
 */
export { buildModel } from './building/build-model';
export type { BuildModelOptions } from './building/build-model';
export { SeededDropout, setTrainingStep } from './building/seeded-dropout';
export type { SeededDropoutArgs } from './building/seeded-dropout';
export { selectBackend } from './compute-backend';
export { registerTensorMemoryMetrics } from './tensor-memory-metrics';
export type { BackendPreference, ComputeBackend } from './compute-backend';
export { loadModel, saveModel } from './model-artifacts';
export type { ModelArtifactRefs } from './model-artifacts';
export { predictRows } from './prediction/predict-rows';
export { GreedyDecoder } from './prediction/greedy-decoder';
export type { DecodingTokens } from './prediction/greedy-decoder';
export { kernelPreflight, PREFLIGHT_BACKENDS } from './kernel-preflight';
export type { BackendKernelStatus, BackendKernelSupport, KernelPreflight, KernelPreflightOptions, PreflightBackend } from './kernel-preflight';
export { CLASS_CROSS_ENTROPY_GRAD } from './wasm-kernels/class-cross-entropy-grad';
export { OPTIMIZER_UPDATE_KERNELS } from './wasm-kernels/optimizer-update-kernels';
export { registerWasmTrainingKernels } from './wasm-kernels/register-wasm-training-kernels';
export type { WasmTrainingKernelsRegistration } from './wasm-kernels/register-wasm-training-kernels';
