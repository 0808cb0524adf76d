import type { ModelArtifactRefs } from '@aiaas/models';
import type { TrainingSpec } from '@aiaas/model-spec';
import type { StageResult } from '@aiaas/queue';
import type { FitSummary, KernelPreflightRecord, ModelRegistry, ModelVersionRecord, OnnxExportRecord, TuningRecord } from '@aiaas/registry';
import type { TrainedModel } from './training-run';

/** Where versions are registered, and what they record about the host. */
export interface VersionRegistration {
  readonly models: ModelRegistry;
  /** The backend the model was trained on. */
  readonly backend: { readonly name: string };
  readonly now?: () => number;
}

/** Metrics as a summary line shows them, the learning rate left out. */
export function describeMetrics(metrics: Readonly<Record<string, number>>): string {
  return Object.entries(metrics)
    .filter(([name]) => name !== 'learning_rate')
    .map(([name, value]) => `${name} ${value.toFixed(4)}`)
    .join(', ');
}

/** What the registry records about a fitted model, besides its lineage. */
export interface TrainedVersion {
  readonly head: ModelVersionRecord['head'];
  readonly labels: ModelVersionRecord['labels'];
  readonly inputs: ModelVersionRecord['inputs'];
  readonly fit: FitSummary;
  readonly preflight: KernelPreflightRecord;
  readonly artifacts: ModelArtifactRefs;
  readonly onnx: OnnxExportRecord;
}

/** The registry's view of a model `runTraining` fitted. */
export function trainedVersionOf(trained: TrainedModel): TrainedVersion {
  const { plan, fit, preflight, artifacts, onnx } = trained;
  return { head: plan.head.kind, labels: plan.labels, inputs: plan.inputs.map((input) => ({ ...input })), fit, preflight, artifacts, onnx };
}

/** Registers a trained model as version `version` of the job's model, with its lineage. */
export async function registerTrainedModel(
  dependencies: VersionRegistration,
  jobId: string,
  target: { readonly modelName: string; readonly version: number; readonly spec: TrainingSpec; readonly processed: StageResult<'preprocess'> },
  trained: TrainedVersion,
  tuning?: TuningRecord,
): Promise<void> {
  const { processed } = target;
  await dependencies.models.registerVersion({
    modelName: target.modelName,
    version: target.version,
    jobId,
    datasetId: processed.datasetId,
    targetColumn: processed.targetColumn,
    task: processed.task,
    head: trained.head,
    labels: trained.labels,
    classLabels: processed.classLabels,
    inputColumns: processed.inputColumns,
    inputs: trained.inputs,
    featureCount: trained.inputs.find((input) => input.dtype === 'float32')?.width ?? 0,
    backend: dependencies.backend.name,
    training: target.spec,
    fit: trained.fit,
    preflight: trained.preflight,
    artifacts: { ...trained.artifacts, transform: processed.transform, splits: processed.splits },
    onnx: trained.onnx,
    ...(tuning ? { tuning } : {}),
    createdAt: (dependencies.now ?? Date.now)(),
  });
}

