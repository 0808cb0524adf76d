import { z } from 'zod';
import { trainingSpecSchema } from '@aiaas/model-spec';
import { ANOMALY_POLICIES, COLUMN_TYPES, declaredColumnSchema } from '@aiaas/data';
import { artifactRefSchema } from '@aiaas/storage';


/** Pipeline stages, in the order they run. */
export const STAGES = ['preprocess', 'train', 'evaluate', 'deploy'] as const;
export type StageName = (typeof STAGES)[number];

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStateName = (typeof JOB_STATES)[number];
/** The states a job ends in. */
export type FinalJobState = Extract<JobStateName, 'succeeded' | 'failed' | 'cancelled'>;

export const columnSummarySchema = z.object({
  name: z.string(),
  type: z.enum(COLUMN_TYPES),
  /** False when the type was declared. */
  inferred: z.boolean(),
  missingCount: z.number().int().nonnegative(),
  distinctCount: z.number().int().nonnegative(),
  /** True when distinctCount is an estimate. */
  distinctCountCapped: z.boolean(),
});
export type ColumnSummaryRecord = z.infer<typeof columnSummarySchema>;

/** How a dataset's bytes are laid out. */
export const dataFormatSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('csv'), delimiter: z.string().length(1), hasHeader: z.boolean() }),
  z.object({ kind: z.literal('jsonl') }),
]);
export type DataFormatRecord = z.infer<typeof dataFormatSchema>;

/**
 * A run of whole rows of a dataset's file, so that several workers can each read one part:
 * bytes [byteStart, byteEnd) hold rows firstRow .. firstRow + rowCount - 1.
 */
export const datasetShardSchema = z.object({
  byteStart: z.number().int().nonnegative(),
  byteEnd: z.number().int().positive(),
  firstRow: z.number().int().positive(),
  firstLine: z.number().int().positive(),
  rowCount: z.number().int().positive(),
});
export type DatasetShard = z.infer<typeof datasetShardSchema>;

/** An uploaded dataset: immutable once registered. */
export const datasetRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  rowCount: z.number().int().nonnegative(),
  format: dataFormatSchema,
  /** Every column, in file order, with its declared or inferred type. */
  columns: z.array(columnSummarySchema),
  /** What the user declared; the rows were validated against it. */
  schema: z.array(declaredColumnSchema),
  anomalyPolicy: z.enum(ANOMALY_POLICIES),
  rowsWithAnomalies: z.number().int().nonnegative(),
  shards: z.array(datasetShardSchema).min(1),
  /** The uploaded bytes, as received. */
  raw: artifactRefSchema,
  /** The DatasetProfile (statistics and anomalies) computed at ingestion. */
  profile: artifactRefSchema,
  createdAt: z.number(),
});
export type DatasetRecord = z.infer<typeof datasetRecordSchema>;

/** How a version's fit went. */
export const fitSummarySchema = z.object({
  trainRows: z.number().int().nonnegative(),
  validationRows: z.number().int().nonnegative(),
  epochsRun: z.number().int().nonnegative(),
  /** Metrics of the last epoch run (or of the best, when early stopping restored it). */
  metrics: z.record(z.string(), z.number()),
  /** Loss per epoch, for training curves. */
  lossHistory: z.array(z.number()),
  validationLossHistory: z.array(z.number()),
  ending: z.enum(['completed', 'stopped-early']),
  /** The epoch whose weights the version holds (1-based). */
  keptEpoch: z.number().int().nonnegative(),
  seconds: z.number().nonnegative(),
  samplesPerSecond: z.number().nonnegative(),
});
export type FitSummary = z.infer<typeof fitSummarySchema>;

/** One model input: a transform output by name. */
export const modelInputSchema = z.object({
  name: z.string(),
  dtype: z.enum(['float32', 'int32']),
  width: z.number().int().positive(),
  cardinality: z.number().int().positive().optional(),
});

/** Whether each backend the platform targets has a kernel for every op the model runs. */
export const kernelPreflightSchema = z.object({
  kernels: z.array(z.string()),
  backends: z.array(
    z.object({
      backend: z.enum(['tensorflow', 'wasm', 'cpu']),
      status: z.enum(['supported', 'missing-kernels', 'not-installed']),
      missing: z.array(z.string()),
    }),
  ),
});
export type KernelPreflightRecord = z.infer<typeof kernelPreflightSchema>;

/** The leaderboard of the hyper-parameter search a version won. */
export const tuningRecordSchema = z.object({
  strategy: z.enum(['grid', 'random', 'successive-halving']),
  objective: z.string(),
  /** The winning trial. */
  best: z.number().int().nonnegative(),
  /** Every trial's last result, best first. */
  trials: z.array(
    z.object({
      trial: z.number().int().nonnegative(),
      parameters: z.record(z.string(), z.union([z.number(), z.string()])),
      /** The last rung the trial reached. */
      rung: z.number().int().nonnegative(),
      epochs: z.number().int().nonnegative(),
      objective: z.number(),
    }),
  ),
});
export type TuningRecord = z.infer<typeof tuningRecordSchema>;

/** One tensor of an exported ONNX graph. */
const onnxTensorSchema = z.object({ name: z.string(), dtype: z.enum(['float32', 'int32']), shape: z.array(z.number().int().nullable()) });

/**
 * The version's model as an ONNX graph (opset 17), or why it has none: serving runs it on ONNX
 * Runtime where it can, and users can download it for Triton or KServe.
 */
export const onnxExportSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('exported'),
    model: artifactRefSchema,
    /** The graph's inputs, in the order of the version's `inputs`. */
    inputs: z.array(onnxTensorSchema).min(1),
    outputs: z.array(onnxTensorSchema).min(1),
  }),
  z.object({ status: z.literal('unsupported'), reason: z.string() }),
]);
export type OnnxExportRecord = z.infer<typeof onnxExportSchema>;

/** A trained model version: what it is, where its artifacts are, and where it came from. */
export const modelVersionRecordSchema = z.object({
  modelName: z.string(),
  version: z.number().int().positive(),
  jobId: z.string(),
  datasetId: z.string(),
  targetColumn: z.string(),
  task: z.enum(['classification', 'regression', 'sequence']),
  /**
   * What the output means: class probabilities (softmax), P(class 1 or interaction) (sigmoid), a
   * value (linear), or token probabilities at every step of a target sequence (token-softmax).
   */
  head: z.enum(['softmax', 'sigmoid', 'linear', 'token-softmax']),
  /** What the labels were: classes, values, interactions (implicit feedback), or token sequences. */
  labels: z.enum(['class-index', 'value', 'interaction', 'token-sequence']),
  classLabels: z.array(z.string()),
  inputColumns: z.array(z.string()),
  /** The model's inputs, in order: transform outputs by name. */
  inputs: z.array(modelInputSchema).min(1),
  /** Width of the dense `features` input; 0 when the model has none. */
  featureCount: z.number().int().nonnegative(),
  backend: z.string(),
  training: trainingSpecSchema,
  fit: fitSummarySchema,
  preflight: kernelPreflightSchema,
  /** Present when the version won a hyper-parameter search. */
  tuning: tuningRecordSchema.optional(),
  /** Absent for versions trained before ONNX export. */
  onnx: onnxExportSchema.optional(),
  artifacts: z.object({
    /** model.json: topology and weight specs. */
    topology: artifactRefSchema,
    weights: artifactRefSchema,
    /** The fitted preprocessing transform that turns raw records into features. */
    transform: artifactRefSchema,
    /** Manifest of the processed train and test splits the version learned and is judged on. */
    splits: artifactRefSchema,
  }),
  createdAt: z.number(),
});
export type ModelVersionRecord = z.infer<typeof modelVersionRecordSchema>;

export const classificationMetricsSchema = z.object({
  accuracy: z.number(),
  macroF1: z.number(),
  testRows: z.number().int().nonnegative(),
  perClass: z.array(
    z.object({ label: z.string(), precision: z.number(), recall: z.number(), f1: z.number(), support: z.number().int().nonnegative() }),
  ),
  /** Row-major [true][predicted] counts. */
  confusionMatrix: z.array(z.number().int().nonnegative()),
});
export type ClassificationMetricsRecord = z.infer<typeof classificationMetricsSchema>;

export const regressionMetricsSchema = z.object({
  rmse: z.number().nonnegative(),
  mae: z.number().nonnegative(),
  /** Coefficient of determination: 1 - SSE/SST (0 when the test targets are constant). */
  r2: z.number(),
  testRows: z.number().int().nonnegative(),
});
export type RegressionMetricsRecord = z.infer<typeof regressionMetricsSchema>;

/** Greedy-decoded test sources against their reference targets. */
export const sequenceMetricsSchema = z.object({
  /** Corpus BLEU-4 with the brevity penalty, in [0, 1]. */
  bleu: z.number().min(0).max(1),
  /** Share of rows decoded exactly. */
  exactMatch: z.number().min(0).max(1),
  /** Share of reference positions (end token included) decoded right. */
  tokenAccuracy: z.number().min(0).max(1),
  testRows: z.number().int().nonnegative(),
});
export type SequenceMetricsRecord = z.infer<typeof sequenceMetricsSchema>;

/** Metrics by name; only finite numbers, so NaN never reaches storage. */
const metricValuesSchema = z.record(z.string(), z.number().finite());

/** The metrics of the rows whose slice column holds one value (or falls in one bucket). */
export const sliceRecordSchema = z.object({
  column: z.string(),
  /** The value, a bucket such as "[10, 20)", "(other)" or "(missing)". */
  value: z.string(),
  rows: z.number().int().nonnegative(),
  metrics: metricValuesSchema,
});
export type SliceRecord = z.infer<typeof sliceRecordSchema>;

/** The candidate against the production version of its time, scored on the same rows. */
export const comparisonRecordSchema = z.object({
  baselineVersion: z.number().int().positive(),
  /** Rows both versions could score. */
  rows: z.number().int().nonnegative(),
  baseline: metricValuesSchema,
  /** Candidate minus baseline, on those rows, per metric both define. */
  deltas: metricValuesSchema,
});
export type ComparisonRecord = z.infer<typeof comparisonRecordSchema>;

/** A version scored on a dataset: every metric of its task, slices, the comparison and the report. */
export const evaluationSummarySchema = z.object({
  datasetId: z.string(),
  /** `test`: the version's own test split (the evaluate stage); `all`: every row of a dataset (EvaluateModel). */
  split: z.enum(['test', 'all']),
  rows: z.number().int().nonnegative(),
  /** Rows that could not be scored (a target outside the version's classes, an unparseable cell). */
  skippedRows: z.number().int().nonnegative(),
  metrics: metricValuesSchema,
  /** Metrics the rows leave undefined, with why. */
  undefinedMetrics: z.record(z.string(), z.string()),
  slices: z.array(sliceRecordSchema),
  comparison: comparisonRecordSchema.optional(),
  /** The report: everything it shows as JSON, and the page with its charts. */
  report: z.object({ json: artifactRefSchema, html: artifactRefSchema }).optional(),
  evaluatedAt: z.number(),
});
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

/** The evaluation stage's verdict on a version. */
export const evaluationRecordSchema = z.object({
  status: z.enum(['blessed', 'rejected']),
  reason: z.string(),
  /** The headline metrics of the task, as GetModel has always shown them. */
  metrics: z.union([classificationMetricsSchema, regressionMetricsSchema, sequenceMetricsSchema]),
  /** Every metric, slices, the comparison and the report; absent from evaluations of older releases. */
  summary: evaluationSummarySchema.optional(),
  evaluatedAt: z.number(),
});
export type EvaluationRecord = z.infer<typeof evaluationRecordSchema>;

export const stageRecordSchema = z.object({
  state: z.enum(JOB_STATES),
  attempt: z.number().int().nonnegative(),
  error: z.string().optional(),
  startedAt: z.number().optional(),
  finishedAt: z.number().optional(),
});
export type StageRecord = z.infer<typeof stageRecordSchema>;

/** What a pipeline job was asked to do; fixed when it is created. */
export const jobSpecSchema = z.object({
  datasetId: z.string(),
  targetColumn: z.string(),
  modelName: z.string(),
  createdAt: z.number(),
});
export type JobSpec = z.infer<typeof jobSpecSchema>;

/** A pipeline job and the state of each of its stages. */
export interface JobRecord extends JobSpec {
  readonly id: string;
  readonly state: JobStateName;
  readonly modelVersion: number | undefined;
  readonly error: string | undefined;
  readonly updatedAt: number;
  readonly stages: Readonly<Record<StageName, StageRecord>>;
}

/** What happened, for a job's event log. */
export const jobEventBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stage_started'), attempt: z.number().int().positive() }),
  z.object({ kind: z.literal('stage_progress'), fraction: z.number().min(0).max(1), message: z.string() }),
  z.object({
    kind: z.literal('epoch_ended'),
    epoch: z.number().int().positive(),
    epochs: z.number().int().positive(),
    metrics: z.record(z.string(), z.number()),
    /** Estimated seconds until training ends, from the epochs so far. */
    etaSeconds: z.number().nonnegative().optional(),
  }),
  z.object({ kind: z.literal('stage_completed'), summary: z.string() }),
  z.object({ kind: z.literal('stage_failed'), error: z.string(), willRetry: z.boolean() }),
  z.object({
    kind: z.literal('job_finished'),
    state: z.enum(['succeeded', 'failed', 'cancelled']),
    error: z.string().optional(),
    modelVersion: z.number().int().optional(),
  }),
]);
export type JobEventBody = z.infer<typeof jobEventBodySchema>;

export const jobEventRecordSchema = z.object({
  sequence: z.number().int().positive(),
  time: z.number(),
  stage: z.enum(STAGES).nullable(),
  body: jobEventBodySchema,
});
export type JobEventRecord = z.infer<typeof jobEventRecordSchema>;
