import type * as tf from '@tensorflow/tfjs';
import { fittedTransformSchema, TransformEncoder, type FittedTransform, type SequenceTarget } from '@aiaas/data';
import { FailedPreconditionError } from '@aiaas/errors';
import { loadModel } from '@aiaas/models';
import type { ModelVersionRecord } from '@aiaas/registry';
import { getJson, type ArtifactStore } from '@aiaas/storage';
import { taskScoresOf, type ScoresOf, type TaskScores } from './task-scores';
import { VersionPredictor } from './version-predictor';

/** A version in memory for scoring: its model, and how to run it and read raw rows for it. */
export interface LoadedVersion {
  readonly record: ModelVersionRecord;
  readonly model: tf.LayersModel;
  readonly predictor: VersionPredictor;
  /** The fitted target of a seq2seq version; undefined for others. */
  readonly sequenceTarget: SequenceTarget | undefined;
  /** Fresh task scores of the kind the version is judged with, for a whole split or (smaller) for one slice of it. */
  createScores(of?: ScoresOf): TaskScores;
  /** The version's fitted transform, compiled; read on first use (only raw rows need it). */
  encoder(): Promise<TransformEncoder>;
}

function readTransform(store: ArtifactStore, record: ModelVersionRecord): Promise<FittedTransform> {
  return getJson(store, record.artifacts.transform, (value) => {
    const parsed = fittedTransformSchema.safeParse(value);
    if (!parsed.success) throw new FailedPreconditionError(`the fitted transform of version ${record.version} of ${record.modelName} is not valid (${parsed.error.issues[0]?.message}); rerun the pipeline`);
    return parsed.data;
  });
}

/** Loads a version's model (and, for a seq2seq version, its transform's target); FailedPreconditionError when the transform is unreadable. */
export async function loadVersion(store: ArtifactStore, record: ModelVersionRecord): Promise<LoadedVersion> {
  let transform: Promise<FittedTransform> | undefined;
  const fitted = () => (transform ??= readTransform(store, record));
  const target = record.labels === 'token-sequence' ? (await fitted()).target : undefined;
  const sequenceTarget = target?.task === 'sequence' ? target : undefined;
  const model = await loadModel(store, record.artifacts);
  let encoder: TransformEncoder | undefined;
  return {
    record,
    model,
    predictor: new VersionPredictor(model, record),
    sequenceTarget,
    createScores: (of) => taskScoresOf(record, sequenceTarget, of),
    encoder: async () => (encoder ??= new TransformEncoder(await fitted())),
  };
}
