/**
 * TensorFlow.js models shared by training, evaluation and inference: picking the compute
 * backend, building the MLP classifier, predicting in batches, and saving/loading models
 * through the artifact store.
 *
 * @example
 * ```ts
 * import { buildMlpClassifier, saveModel, selectBackend } from '@aiaas/models';
 * await selectBackend('auto', logger); // tfjs-node-gpu > tfjs-node > wasm > cpu
 * const model = buildMlpClassifier({ inputSize: 9, classes: 3, hiddenUnits: [32, 16], dropout: 0, learningRate: 0.01, seed: 42 });
 * const refs = await saveModel(model, store);
 * ```
 */
export { selectBackend } from './compute-backend';
export type { BackendPreference, ComputeBackend } from './compute-backend';
export { argMaxRows, buildMlpClassifier, predictProbabilities } from './mlp-classifier';
export type { MlpClassifierSpec } from './mlp-classifier';
export { loadModel, saveModel } from './model-artifacts';
export type { ModelArtifactRefs } from './model-artifacts';
