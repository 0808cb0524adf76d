import type { StageContext, StageOutcome, StageResult } from '@aiaas/queue';
import type { ModelRegistry } from '@aiaas/registry';
import type { ComputeBackend } from '@aiaas/models';
import type { ArtifactStore } from '@aiaas/storage';
import { describeMetrics, registerTrainedModel, trainedVersionOf } from './register-version';
import { runTraining } from './training-run';
import { runTuningStage } from './tuning/tuning-stage';

export interface TrainDependencies {
  readonly models: ModelRegistry;
  readonly store: ArtifactStore;
  readonly backend: ComputeBackend;
  readonly now?: () => number;
}

/**
 * The train stage: fits the job's training spec on the preprocessed data (see `runTraining`),
 * reporting every epoch and checkpointing through the job, and registers the result as a new
 * version of the model.
 */
export function createTrainProcessor(dependencies: TrainDependencies) {
  return async (context: StageContext<'train'>): Promise<StageOutcome<'train'>> => {
    if (context.payload.tuning) return runTuningStage(dependencies, context, context.payload.tuning);
    const processed: StageResult<'preprocess'> = await context.previousResult();
    const { modelName, training: spec } = context.payload;
    const version = await dependencies.models.reserveVersion(modelName, context.jobId);
    await context.modelVersionReserved(version);
    const trained = await runTraining(dependencies, {
      spec,
      processed,
      checkpoint: context.checkpoint,
      signal: context.signal,
      logger: context.logger,
      saveCheckpoint: (pointer) => context.saveCheckpoint(pointer),
      epochEnded: (metrics, state, eta) => context.epochEnded(state.epochsDone, spec.epochs, metrics, eta),
      batchProgress: ({ epoch, batch, batches, metrics }) =>
        context.progress((epoch - 1 + batch / batches) / spec.epochs, `epoch ${epoch}/${spec.epochs}, batch ${batch}/${batches}: ${describeMetrics(metrics)}`),
    });
    await registerTrainedModel(dependencies, context.jobId, { modelName, version, spec, processed }, trainedVersionOf(trained));
    const { fit } = trained;
    const stopped = fit.ending === 'stopped-early' ? `, stopped early keeping epoch ${fit.keptEpoch}` : '';
    return {
      result: { modelName, version },
      summary: `${modelName} version ${version}: ${describeMetrics(fit.metrics)} after ${fit.epochsRun} epochs${stopped} on ${fit.trainRows} rows (${fit.samplesPerSecond} samples/s on ${dependencies.backend.name})`,
    };
  };
}
