// The JSON the gateway's HTTP form answers (apps/gateway/src/http/json-form.ts): field names as
// in the protos, enums as their names, timestamps as ISO 8601, 64-bit integers as numbers.
// Only what the dashboard reads is declared.

export type JobState = 'JOB_STATE_UNSPECIFIED' | 'JOB_STATE_QUEUED' | 'JOB_STATE_RUNNING' | 'JOB_STATE_SUCCEEDED' | 'JOB_STATE_FAILED' | 'JOB_STATE_CANCELLED';
export type Stage = 'STAGE_UNSPECIFIED' | 'STAGE_PREPROCESS' | 'STAGE_TRAIN' | 'STAGE_EVALUATE' | 'STAGE_DEPLOY';

export interface ColumnSummary {
  readonly name: string;
  readonly type: string;
}

export interface Dataset {
  readonly id: string;
  readonly name: string;
  readonly columns: readonly ColumnSummary[];
  readonly row_count: number;
  readonly size_bytes: number;
  readonly format: string;
  readonly rows_with_anomalies: number;
  readonly created_at: string | null;
}

export interface StageStatus {
  readonly stage: Stage;
  readonly state: JobState;
  readonly error: string;
  readonly started_at: string | null;
  readonly finished_at: string | null;
}

export interface Job {
  readonly id: string;
  readonly state: JobState;
  readonly stages: readonly StageStatus[];
  readonly dataset_id: string;
  readonly target_column: string;
  readonly model_name: string;
  readonly model_version: number;
  readonly error: string;
  readonly created_at: string | null;
  readonly updated_at: string | null;
}

export interface JobEvent {
  readonly job_id: string;
  readonly sequence: number;
  readonly time: string | null;
  readonly stage: Stage;
  readonly stage_started?: { readonly attempt: number } | null;
  readonly stage_progress?: { readonly fraction: number; readonly message: string } | null;
  readonly epoch_ended?: { readonly epoch: number; readonly epochs: number; readonly metrics: Readonly<Record<string, number>>; readonly eta_seconds: number } | null;
  readonly stage_completed?: { readonly summary: string } | null;
  readonly stage_failed?: { readonly error: string; readonly will_retry: boolean } | null;
  readonly job_finished?: { readonly state: JobState; readonly error: string; readonly model_version: number } | null;
}

export interface ClassMetrics {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface ClassificationMetrics {
  readonly accuracy: number;
  readonly macro_f1: number;
  readonly test_rows: number;
  readonly per_class: readonly ClassMetrics[];
  readonly confusion_matrix: readonly number[];
}

export interface RegressionMetrics {
  readonly rmse: number;
  readonly mae: number;
  readonly r2: number;
  readonly test_rows: number;
}

export interface SequenceMetrics {
  readonly bleu: number;
  readonly exact_match: number;
  readonly token_accuracy: number;
  readonly test_rows: number;
}

export interface TrainingSummary {
  readonly model_family: string;
  readonly train_rows: number;
  readonly validation_rows: number;
  readonly epochs_run: number;
  readonly ending: string;
  readonly kept_epoch: number;
  readonly metrics: Readonly<Record<string, number>>;
  readonly loss_history: readonly number[];
  readonly validation_loss_history: readonly number[];
  readonly seconds: number;
  readonly samples_per_second: number;
}

export interface Evaluation {
  readonly split: string;
  readonly rows: number;
  readonly metrics: Readonly<Record<string, number>>;
  readonly undefined_metrics: Readonly<Record<string, string>>;
}

export type ModelVersionStatus = 'MODEL_VERSION_STATUS_UNSPECIFIED' | 'MODEL_VERSION_STATUS_TRAINED' | 'MODEL_VERSION_STATUS_BLESSED' | 'MODEL_VERSION_STATUS_REJECTED';

export interface ModelVersion {
  readonly model_name: string;
  readonly version: number;
  readonly status: ModelVersionStatus;
  readonly status_reason: string;
  readonly job_id: string;
  readonly dataset_id: string;
  readonly target_column: string;
  readonly class_labels: readonly string[];
  readonly backend: string;
  readonly task: string;
  readonly aliases: readonly string[];
  readonly created_at: string | null;
  readonly metrics: ClassificationMetrics | null;
  readonly regression_metrics: RegressionMetrics | null;
  readonly sequence_metrics: SequenceMetrics | null;
  readonly training: TrainingSummary | null;
  readonly evaluation: Evaluation | null;
  readonly load_error: string;
}

export interface Model {
  readonly name: string;
  /** Newest first. */
  readonly versions: readonly ModelVersion[];
  readonly aliases: Readonly<Record<string, number>>;
  readonly canary_version: number;
  readonly canary_percent: number;
}
