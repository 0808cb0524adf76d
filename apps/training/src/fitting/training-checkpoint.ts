import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { artifactRefSchema, getJson, putJson, type ArtifactRef, type ArtifactStore } from '@aiaas/storage';
import { fitStateSchema, type FitState } from './fit-state';
import { optimizerState, restoreOptimizerState } from './optimizers';
import { packTensors, unpackTensors } from './tensor-pack';

const CHECKPOINT_FORMAT = 'aiaas.training-checkpoint/v1';

const checkpointDocumentSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  state: fitStateSchema,
  /** The model's weights in `model.getWeights()` order. */
  weights: artifactRefSchema,
  /** The optimiser's iteration count and slot variables. */
  optimizer: artifactRefSchema,
  /** The weights of the best epoch so far, when early stopping keeps them. */
  bestWeights: artifactRefSchema.optional(),
});

/** What a stage keeps in its job between attempts: where the last checkpoint is. */
export const checkpointPointerSchema = z.object({ trainingCheckpoint: artifactRefSchema });
export type CheckpointPointer = z.infer<typeof checkpointPointerSchema>;

async function storeTensors(store: ArtifactStore, tensors: readonly tf.Tensor[]): Promise<ArtifactRef> {
  const packed = await Promise.all(tensors.map(async (tensor) => ({ shape: tensor.shape, values: (await tensor.data()) as Float32Array | Int32Array })));
  return (await store.put(packTensors(packed))).ref;
}

async function loadTensors(store: ArtifactStore, ref: ArtifactRef): Promise<tf.Tensor[]> {
  return unpackTensors(await store.get(ref)).map(({ shape, values }) => tf.tensor(values, [...shape], values instanceof Int32Array ? 'int32' : 'float32'));
}

/**
 * Saves and restores a fit between epochs through the artifact store: weights, optimiser slots
 * and loop state, so a replica that takes over a job (after a crash or a retry) carries on from
 * the last finished epoch instead of the first.
 */
export class TrainingCheckpoints {
  private bestWeightsRef: ArtifactRef | undefined;

  constructor(private readonly store: ArtifactStore) {}

  /** Stores a checkpoint and returns the pointer to keep in the job. */
  async save(model: tf.LayersModel, optimizer: tf.Optimizer, state: FitState, improvedBestWeights: readonly tf.Tensor[] | undefined): Promise<CheckpointPointer> {
    if (improvedBestWeights) this.bestWeightsRef = await storeTensors(this.store, improvedBestWeights);
    const weights = model.getWeights();
    const [weightsRef, optimizerRef] = await Promise.all([
      storeTensors(this.store, weights),
      (async () => (await this.store.put(packTensors(await optimizerState(optimizer)))).ref)(),
    ]);
    const document = { format: CHECKPOINT_FORMAT, state, weights: weightsRef, optimizer: optimizerRef, ...(this.bestWeightsRef ? { bestWeights: this.bestWeightsRef } : {}) };
    return { trainingCheckpoint: (await putJson(this.store, document)).ref };
  }

  /**
   * Puts a checkpoint's weights and optimiser state into `model` and `optimizer` (built from the
   * same spec) and returns the fit state and best weights; undefined when there is none.
   */
  async restore(pointer: unknown, model: tf.LayersModel, optimizer: tf.Optimizer): Promise<{ state: FitState; bestWeights: tf.Tensor[] | undefined } | undefined> {
    const parsed = checkpointPointerSchema.safeParse(pointer);
    if (!parsed.success) return undefined;
    const document = await getJson(this.store, parsed.data.trainingCheckpoint, (value) => checkpointDocumentSchema.parse(value));
    const weights = await loadTensors(this.store, document.weights);
    try {
      model.setWeights(weights);
    } finally {
      tf.dispose(weights);
    }
    await restoreOptimizerState(optimizer, unpackTensors(await this.store.get(document.optimizer)));
    this.bestWeightsRef = document.bestWeights;
    const bestWeights = document.bestWeights ? await loadTensors(this.store, document.bestWeights) : undefined;
    return { state: document.state, bestWeights };
  }
}
