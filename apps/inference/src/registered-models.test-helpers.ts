import * as tf from '@tensorflow/tfjs';
import {
  classificationSplitData,
  denseOutputs,
  outputContents,
  storeSplits,
  targetSequenceShape,
  TransformFitter,
  type FittedTransform,
  type RawValue,
  type TransformPlanInput,
} from '@aiaas/data';
import { planTraining, trainingSpecSchema, type TrainingSpecInput } from '@aiaas/model-spec';
import { buildModel, saveModel } from '@aiaas/models';
import type { ModelRegistry, ModelVersionRecord } from '@aiaas/registry';
import { modelVersionFixture } from '@aiaas/registry/testing';
import type { Record__Output } from '@aiaas/proto';
import { putJson, type ArtifactRef, type ArtifactStore } from '@aiaas/storage';

/** Fits a transform on in-memory rows. */
export function fitTransform(plan: TransformPlanInput, rows: readonly Record<string, RawValue>[]): FittedTransform {
  return new TransformFitter(plan).fit(() => rows.map((row, index) => ({ row: { read: (column) => row[column] ?? null, describe: (column) => `${index}.${column}` }, isTrain: true })));
}

/** A protobuf Struct-like record, as grpc-js hands a request's record to a handler. */
export function toRecord(fields: Readonly<Record<string, RawValue | undefined>>): Record__Output {
  return {
    fields: Object.fromEntries(
      Object.entries(fields).map(([name, value]) => [
        name,
        value === null || value === undefined
          ? { kind: 'null_value' as const, null_value: true }
          : typeof value === 'number'
            ? { kind: 'number_value' as const, number_value: value }
            : typeof value === 'boolean'
              ? { kind: 'bool_value' as const, bool_value: value }
              : { kind: 'string_value' as const, string_value: value },
      ]),
    ),
  };
}

/** A `prepare` that sets each named layer's weights. */
export const setWeights = (weights: Readonly<Record<string, () => tf.Tensor[]>>) => (model: tf.LayersModel) => {
  for (const [layer, make] of Object.entries(weights)) {
    const values = make();
    model.getLayer(layer).setWeights(values);
    tf.dispose(values);
  }
};

/** What `register` builds: a model planned for a fitted transform, its weights set or fitted by `prepare`. */
export interface TestModelOptions {
  readonly modelName: string;
  readonly spec: TrainingSpecInput;
  readonly transform: FittedTransform;
  readonly task: ModelVersionRecord['task'];
  readonly classLabels?: readonly string[];
  readonly prepare?: (model: tf.LayersModel) => Promise<void> | void;
  /** Laid over the record (e.g. its `jobId`). */
  readonly record?: Partial<ModelVersionRecord>;
}

/** Registers real, built models as versions in a real registry, as training would, for serving tests. */
export class TestModels {
  private constructor(
    private readonly models: ModelRegistry,
    private readonly store: ArtifactStore,
    private readonly emptySplits: ArtifactRef,
  ) {}

  static async create(models: ModelRegistry, store: ArtifactStore): Promise<TestModels> {
    const none = classificationSplitData(new Float32Array(0), new Int32Array(0));
    const emptySplits = await storeSplits(store, { outputs: denseOutputs(1), labelDtype: 'int32', classLabels: [], train: none, test: none });
    return new TestModels(models, store, emptySplits);
  }

  /** Builds, saves and registers the next version of `options.modelName`; the record says what the plan says. */
  async register(options: TestModelOptions): Promise<number> {
    const training = trainingSpecSchema.parse(options.spec);
    const classLabels = [...(options.classLabels ?? [])];
    const { target } = options.transform;
    const plan = planTraining(training, {
      task: options.task,
      classLabels,
      outputs: outputContents(options.transform),
      hasValidation: false,
      ...(target.task === 'sequence' ? { targetSequence: targetSequenceShape(target) } : {}),
    });
    const model = buildModel(plan);
    await options.prepare?.(model);
    const artifacts = await saveModel(model, this.store);
    model.dispose();
    const jobId = options.record?.jobId ?? 'job_1';
    const version = await this.models.reserveVersion(options.modelName, jobId);
    await this.models.registerVersion(
      modelVersionFixture({
        modelName: options.modelName,
        version,
        jobId,
        targetColumn: target.column,
        task: options.task,
        head: plan.head.kind,
        labels: plan.labels,
        classLabels,
        inputColumns: [...options.transform.inputColumns],
        inputs: plan.inputs.map((input) => ({ ...input })),
        featureCount: plan.inputs.find((input) => input.dtype === 'float32')?.width ?? 0,
        training,
        artifacts: { ...artifacts, transform: (await putJson(this.store, options.transform)).ref, splits: this.emptySplits },
        ...options.record,
      }),
    );
    return version;
  }

  /** Records a blessing evaluation for the version and points `alias` at it. */
  async bless(modelName: string, version = 1, alias = 'production'): Promise<void> {
    const metrics = { accuracy: 0.97, macroF1: 0.96, testRows: 1, perClass: [], confusionMatrix: [] };
    await this.models.recordEvaluation(modelName, version, { status: 'blessed', reason: 'good', metrics, evaluatedAt: 2 });
    await this.models.setAlias(modelName, alias, version);
  }
}
