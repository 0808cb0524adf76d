import {
  toTimestamp,
  type AnomalyKind,
  type AnomalyPolicy as AnomalyPolicyMessage,
  type ClassificationMetrics,
  type ColumnType,
  type DataFormat,
  type Dataset,
  type DatasetStatistics,
  type Evaluation,
  type Job,
  type JobEvent,
  type JobState,
  type LatencySummary as LatencySummaryMessage,
  type Model,
  type ModelVersion,
  type ShadowDeployment,
  type ShadowState as ShadowStateMessage,
  type VersionPolicyMessage,
  type Stage,
} from '@aiaas/proto';
import type { ModelVersionView, ModelView } from './model-registry';
import type { LatencySummary, ShadowState, ShadowView } from './shadow-deployments';
import type { VersionPolicy } from './version-policy';
import type { AnomalyPolicy, ColumnTypeName, DatasetProfile } from '@aiaas/data';
import {
  STAGES,
  type ClassificationMetricsRecord,
  type DatasetRecord,
  type EvaluationSummary,
  type JobEventRecord,
  type JobRecord,
  type JobStateName,
  type StageName,
} from './records';

const STAGE_ENUM: Readonly<Record<StageName, Stage>> = {
  preprocess: 'STAGE_PREPROCESS',
  train: 'STAGE_TRAIN',
  evaluate: 'STAGE_EVALUATE',
  deploy: 'STAGE_DEPLOY',
};

const JOB_STATE_ENUM: Readonly<Record<JobStateName, JobState>> = {
  queued: 'JOB_STATE_QUEUED',
  running: 'JOB_STATE_RUNNING',
  succeeded: 'JOB_STATE_SUCCEEDED',
  failed: 'JOB_STATE_FAILED',
  cancelled: 'JOB_STATE_CANCELLED',
};

const COLUMN_TYPE_ENUM: Readonly<Record<ColumnTypeName, ColumnType>> = {
  numeric: 'COLUMN_TYPE_NUMERIC',
  categorical: 'COLUMN_TYPE_CATEGORICAL',
  text: 'COLUMN_TYPE_TEXT',
  boolean: 'COLUMN_TYPE_BOOLEAN',
  timestamp: 'COLUMN_TYPE_TIMESTAMP',
  id: 'COLUMN_TYPE_ID',
};

const ANOMALY_POLICY_ENUM: Readonly<Record<AnomalyPolicy, AnomalyPolicyMessage>> = {
  reject: 'ANOMALY_POLICY_REJECT',
  drop: 'ANOMALY_POLICY_DROP',
  impute: 'ANOMALY_POLICY_IMPUTE',
};

const ANOMALY_KIND_ENUM: Readonly<Record<DatasetProfile['anomalies'][number]['kind'], AnomalyKind>> = {
  'type-mismatch': 'ANOMALY_KIND_TYPE_MISMATCH',
  'unseen-category': 'ANOMALY_KIND_UNSEEN_CATEGORY',
  'out-of-range': 'ANOMALY_KIND_OUT_OF_RANGE',
  'missing-value': 'ANOMALY_KIND_MISSING_VALUE',
  'missing-rate': 'ANOMALY_KIND_MISSING_RATE',
};

function enumKeyOf<K extends string, V>(table: Readonly<Record<K, V>>, value: V): K | undefined {
  return (Object.keys(table) as K[]).find((key) => table[key] === value);
}

/** The column type named by a proto enum value; undefined for UNSPECIFIED. */
export function columnTypeFromMessage(type: ColumnType): ColumnTypeName | undefined {
  return enumKeyOf(COLUMN_TYPE_ENUM, type);
}

/** The anomaly policy named by a proto enum value; UNSPECIFIED means reject. */
export function anomalyPolicyFromMessage(policy: AnomalyPolicyMessage): AnomalyPolicy | undefined {
  return policy === 'ANOMALY_POLICY_UNSPECIFIED' ? 'reject' : enumKeyOf(ANOMALY_POLICY_ENUM, policy);
}

const FORMAT_ENUM: Readonly<Record<DatasetRecord['format']['kind'], DataFormat>> = { csv: 'DATA_FORMAT_CSV', jsonl: 'DATA_FORMAT_JSONL' };

export function datasetToMessage(record: DatasetRecord): Dataset {
  return {
    id: record.id,
    name: record.name,
    columns: record.columns.map((column) => ({
      name: column.name,
      type: COLUMN_TYPE_ENUM[column.type],
      missing_count: column.missingCount,
      distinct_count: column.distinctCount,
      distinct_count_capped: column.distinctCountCapped,
      inferred: column.inferred,
    })),
    row_count: record.rowCount,
    size_bytes: record.sizeBytes,
    sha256: record.sha256,
    created_at: toTimestamp(record.createdAt),
    format: FORMAT_ENUM[record.format.kind],
    anomaly_policy: ANOMALY_POLICY_ENUM[record.anomalyPolicy],
    rows_with_anomalies: record.rowsWithAnomalies,
    shard_count: record.shards.length,
  };
}

export function datasetStatisticsToMessage(datasetId: string, profile: DatasetProfile): DatasetStatistics {
  return {
    dataset_id: datasetId,
    row_count: profile.rowCount,
    rows_with_anomalies: profile.rowsWithAnomalies,
    columns: profile.columns.map((column) => ({
      name: column.name,
      type: COLUMN_TYPE_ENUM[column.type],
      inferred: column.inferred,
      count: column.count,
      missing: column.missing,
      distinct_count: column.distinct.count,
      distinct_exact: column.distinct.exact,
      top_values: column.topValues.values.map((entry) => ({ value: entry.value, count: entry.count })),
      top_values_exact: column.topValues.exact,
      numeric: column.numeric
        ? {
            min: column.numeric.min,
            max: column.numeric.max,
            mean: column.numeric.mean,
            std: column.numeric.std,
            zeros: column.numeric.zeros,
            percentiles: column.numeric.quantiles,
          }
        : null,
      boolean: column.boolean ? { true_count: column.boolean.trueCount, false_count: column.boolean.falseCount } : null,
      text: column.text
        ? {
            min_length: column.text.minLength,
            max_length: column.text.maxLength,
            mean_length: column.text.meanLength,
            mean_tokens: column.text.meanTokens,
            length_histogram: column.text.lengthHistogram.map((bucket) => ({ lower: bucket.lower, upper: bucket.upper, count: bucket.count })),
          }
        : null,
    })),
    anomalies: profile.anomalies.map((anomaly) => ({
      column: anomaly.column,
      kind: ANOMALY_KIND_ENUM[anomaly.kind],
      count: anomaly.count,
      rows: anomaly.rows,
      examples: anomaly.examples,
      description: anomaly.description,
    })),
  };
}

export function jobToMessage(record: JobRecord): Job {
  return {
    id: record.id,
    state: JOB_STATE_ENUM[record.state],
    stages: STAGES.map((stage) => {
      const status = record.stages[stage];
      return {
        stage: STAGE_ENUM[stage],
        state: JOB_STATE_ENUM[status.state],
        error: status.error ?? '',
        started_at: status.startedAt === undefined ? null : toTimestamp(status.startedAt),
        finished_at: status.finishedAt === undefined ? null : toTimestamp(status.finishedAt),
      };
    }),
    dataset_id: record.datasetId,
    target_column: record.targetColumn,
    model_name: record.modelName,
    model_version: record.modelVersion ?? 0,
    error: record.error ?? '',
    created_at: toTimestamp(record.createdAt),
    updated_at: toTimestamp(record.updatedAt),
  };
}

export function jobEventToMessage(jobId: string, event: JobEventRecord): JobEvent {
  const common: JobEvent = {
    job_id: jobId,
    sequence: event.sequence,
    time: toTimestamp(event.time),
    stage: event.stage === null ? 'STAGE_UNSPECIFIED' : STAGE_ENUM[event.stage],
  };
  const { body } = event;
  switch (body.kind) {
    case 'stage_started':
      return { ...common, stage_started: { attempt: body.attempt } };
    case 'stage_progress':
      return { ...common, stage_progress: { fraction: body.fraction, message: body.message } };
    case 'epoch_ended':
      return { ...common, epoch_ended: { epoch: body.epoch, epochs: body.epochs, metrics: body.metrics, eta_seconds: body.etaSeconds ?? 0 } };
    case 'stage_completed':
      return { ...common, stage_completed: { summary: body.summary } };
    case 'stage_failed':
      return { ...common, stage_failed: { error: body.error, will_retry: body.willRetry } };
    case 'job_finished':
      return {
        ...common,
        job_finished: { state: JOB_STATE_ENUM[body.state], error: body.error ?? '', model_version: body.modelVersion ?? 0 },
      };
  }
}

function classificationMetricsToMessage(metrics: ClassificationMetricsRecord): ClassificationMetrics {
  return {
    accuracy: metrics.accuracy,
    macro_f1: metrics.macroF1,
    test_rows: metrics.testRows,
    per_class: metrics.perClass.map((entry) => ({ label: entry.label, precision: entry.precision, recall: entry.recall, f1: entry.f1, support: entry.support })),
    confusion_matrix: metrics.confusionMatrix,
  };
}

/** A version's evaluation on a dataset, as GetModel and EvaluateModel answer it. */
export function evaluationToMessage(modelName: string, version: number, summary: EvaluationSummary): Required<Evaluation> {
  return {
    model_name: modelName,
    version,
    dataset_id: summary.datasetId,
    split: summary.split,
    rows: summary.rows,
    skipped_rows: summary.skippedRows,
    metrics: { ...summary.metrics },
    undefined_metrics: { ...summary.undefinedMetrics },
    slices: summary.slices.map((slice) => ({ column: slice.column, value: slice.value, rows: slice.rows, metrics: { ...slice.metrics } })),
    comparison: summary.comparison
      ? {
          baseline_version: summary.comparison.baselineVersion,
          baseline: { ...summary.comparison.baseline },
          deltas: { ...summary.comparison.deltas },
          rows: summary.comparison.rows,
        }
      : null,
    evaluated_at: toTimestamp(summary.evaluatedAt),
  };
}

export function modelVersionToMessage(view: ModelVersionView): ModelVersion {
  const { record, evaluation } = view;
  const classes = record.classLabels;
  const metrics = evaluation?.metrics;
  return {
    model_name: record.modelName,
    version: record.version,
    status: evaluation === undefined ? 'MODEL_VERSION_STATUS_TRAINED' : evaluation.status === 'blessed' ? 'MODEL_VERSION_STATUS_BLESSED' : 'MODEL_VERSION_STATUS_REJECTED',
    status_reason: evaluation?.reason ?? '',
    job_id: record.jobId,
    dataset_id: record.datasetId,
    target_column: record.targetColumn,
    class_labels: classes,
    input_columns: record.inputColumns,
    feature_count: record.featureCount,
    backend: record.backend,
    metrics: metrics && 'accuracy' in metrics ? classificationMetricsToMessage(metrics) : null,
    regression_metrics: metrics && 'rmse' in metrics ? { rmse: metrics.rmse, mae: metrics.mae, r2: metrics.r2, test_rows: metrics.testRows } : null,
    sequence_metrics:
      metrics && 'bleu' in metrics ? { bleu: metrics.bleu, exact_match: metrics.exactMatch, token_accuracy: metrics.tokenAccuracy, test_rows: metrics.testRows } : null,
    evaluation: evaluation?.summary ? evaluationToMessage(record.modelName, record.version, evaluation.summary) : null,
    load_error: view.loadError ?? '',
    task: record.task,
    training: {
      model_family: record.training.model.family,
      train_rows: record.fit.trainRows,
      validation_rows: record.fit.validationRows,
      epochs_run: record.fit.epochsRun,
      ending: record.fit.ending,
      kept_epoch: record.fit.keptEpoch,
      metrics: { ...record.fit.metrics },
      loss_history: record.fit.lossHistory,
      validation_loss_history: record.fit.validationLossHistory,
      seconds: record.fit.seconds,
      samples_per_second: record.fit.samplesPerSecond,
    },
    backend_support: record.preflight.backends.map((entry) => ({ backend: entry.backend, status: entry.status, missing_kernels: entry.missing })),
    aliases: [...view.aliases],
    created_at: toTimestamp(record.createdAt),
  };
}

const SHADOW_STATE_MESSAGES: Record<ShadowState, ShadowStateMessage> = {
  shadowing: 'SHADOW_STATE_SHADOWING',
  promoted: 'SHADOW_STATE_PROMOTED',
  held: 'SHADOW_STATE_HELD',
  stopped: 'SHADOW_STATE_STOPPED',
};

const latencyToMessage = (latency: LatencySummary | undefined): LatencySummaryMessage | null => (latency ? { p50_ms: latency.p50, p99_ms: latency.p99 } : null);

export function shadowToMessage({ record, tally }: ShadowView): ShadowDeployment {
  const { tolerance } = record;
  return {
    candidate_version: record.candidateVersion,
    alias: record.alias,
    baseline_version: record.baselineVersion,
    sample_percent: record.samplePercent,
    min_requests: record.minRequests,
    tolerance: {
      ...(tolerance.minAgreement === undefined ? {} : { min_agreement: tolerance.minAgreement }),
      ...(tolerance.maxMeanAbsDifference === undefined ? {} : { max_mean_abs_difference: tolerance.maxMeanAbsDifference }),
      ...(tolerance.maxLatencyRatio === undefined ? {} : { max_latency_ratio: tolerance.maxLatencyRatio }),
    },
    state: SHADOW_STATE_MESSAGES[record.state],
    reason: record.reason ?? '',
    started_at: toTimestamp(record.startedAt),
    concluded_at: record.concludedAt === undefined ? null : toTimestamp(record.concludedAt),
    compared_requests: tally.requests,
    compared_rows: tally.rows,
    failed_requests: tally.failedRequests,
    last_failure: tally.lastFailure ?? '',
    skipped_requests: tally.skippedRequests,
    ...(tally.agreement === undefined ? {} : { agreement: tally.agreement }),
    ...(tally.meanAbsDifference === undefined ? {} : { mean_abs_difference: tally.meanAbsDifference }),
    baseline_latency: latencyToMessage(tally.baselineLatencyMs),
    candidate_latency: latencyToMessage(tally.candidateLatencyMs),
  };
}

function versionPolicyToMessage(policy: VersionPolicy): VersionPolicyMessage {
  switch (policy.kind) {
    case 'all':
      return { all: {} };
    case 'latest':
      return { latest: { count: policy.count } };
    case 'specific':
      return { specific: { versions: [...policy.versions] } };
  }
}

/** A model as the API shows it, with its latest shadow deployment when it has had one. */
export function modelToMessage(view: ModelView, shadow?: ShadowView): Model {
  return {
    name: view.name,
    versions: view.versions.map(modelVersionToMessage),
    aliases: { ...view.aliases },
    canary_version: view.trafficSplit?.canaryVersion ?? 0,
    canary_percent: view.trafficSplit?.percent ?? 0,
    shadow: shadow ? shadowToMessage(shadow) : null,
    version_policy: versionPolicyToMessage(view.versionPolicy),
  };
}
