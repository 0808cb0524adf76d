import type { TrainingSpec } from '@aiaas/model-spec';
import type { StageContext, StageOutcome, StageResult } from '@aiaas/queue';
import type { ModelRegistry } from '@aiaas/registry';
import type { ComputeBackend } from '@aiaas/models';
import type { ArtifactStore } from '@aiaas/storage';
import { runTraining, type TrainedModel } from './training-run';

export interface TrainDependencies {
  readonly models: ModelRegistry;
  readonly store: ArtifactStore;
  readonly backend: ComputeBackend;
  readonly now?: () => number;
}

/** Metrics as a summary line shows them, the learning rate left out. */
export function describeMetrics(metrics: Readonly<Record<string, number>>): string {
  return Object.entries(metrics)
    .filter(([name]) => name !== 'learning_rate')
    .map(([name, value]) => `${name} ${value.toFixed(4)}`)
    .join(', ');
}

/** Registers a trained model as version `version` of the job's model, with its lineage. */
export async function registerTrainedModel(
  dependencies: TrainDependencies,
  context: Pick<StageContext<'train'>, 'jobId'>,
  target: { readonly modelName: string; readonly version: number; readonly spec: TrainingSpec; readonly processed: StageResult<'preprocess'> },
  trained: Omit<TrainedModel, 'checkpoint'>,
): Promise<void> {
  const { plan, fit, artifacts, preflight } = trained;
  const { processed } = target;
  await dependencies.models.registerVersion({
    modelName: target.modelName,
    version: target.version,
    jobId: context.jobId,
    datasetId: processed.datasetId,
    targetColumn: processed.targetColumn,
    task: processed.task,
    head: plan.head.kind,
    labels: plan.labels,
    classLabels: processed.classLabels,
    inputColumns: processed.inputColumns,
    inputs: plan.inputs.map((input) => ({ ...input })),
    featureCount: plan.inputs.find((input) => input.dtype === 'float32')?.width ?? 0,
    backend: dependencies.backend.name,
    training: target.spec,
    fit,
    preflight,
    artifacts: { ...artifacts, transform: processed.transform, splits: processed.splits },
    createdAt: (dependencies.now ?? Date.now)(),
  });
}

/**
 * The train stage: fits the job's training spec on the preprocessed data (see `runTraining`),
 * reporting every epoch and checkpointing through the job, and registers the result as a new
 * version of the model.
 */
export function createTrainProcessor(dependencies: TrainDependencies) {
  return async (context: StageContext<'train'>): Promise<StageOutcome<'train'>> => {
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
    await registerTrainedModel(dependencies, context, { modelName, version, spec, processed }, trained);
    const { fit } = trained;
    const stopped = fit.ending === 'stopped-early' ? `, stopped early keeping epoch ${fit.keptEpoch}` : '';
    return {
      result: { modelName, version },
      summary: `${modelName} version ${version}: ${describeMetrics(fit.metrics)} after ${fit.epochsRun} epochs${stopped} on ${fit.trainRows} rows (${fit.samplesPerSecond} samples/s on ${dependencies.backend.name})`,
    };
  };
}
