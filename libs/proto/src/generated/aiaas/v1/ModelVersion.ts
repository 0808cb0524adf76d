// Original file: protos/aiaas/v1/model.proto

import type { ModelVersionStatus as _aiaas_v1_ModelVersionStatus, ModelVersionStatus__Output as _aiaas_v1_ModelVersionStatus__Output } from '../../aiaas/v1/ModelVersionStatus';
import type { ClassificationMetrics as _aiaas_v1_ClassificationMetrics, ClassificationMetrics__Output as _aiaas_v1_ClassificationMetrics__Output } from '../../aiaas/v1/ClassificationMetrics';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { RegressionMetrics as _aiaas_v1_RegressionMetrics, RegressionMetrics__Output as _aiaas_v1_RegressionMetrics__Output } from '../../aiaas/v1/RegressionMetrics';
import type { TrainingSummary as _aiaas_v1_TrainingSummary, TrainingSummary__Output as _aiaas_v1_TrainingSummary__Output } from '../../aiaas/v1/TrainingSummary';
import type { BackendSupport as _aiaas_v1_BackendSupport, BackendSupport__Output as _aiaas_v1_BackendSupport__Output } from '../../aiaas/v1/BackendSupport';
import type { SequenceMetrics as _aiaas_v1_SequenceMetrics, SequenceMetrics__Output as _aiaas_v1_SequenceMetrics__Output } from '../../aiaas/v1/SequenceMetrics';
import type { Evaluation as _aiaas_v1_Evaluation, Evaluation__Output as _aiaas_v1_Evaluation__Output } from '../../aiaas/v1/Evaluation';

export interface ModelVersion {
  'model_name'?: (string);
  'version'?: (number);
  'status'?: (_aiaas_v1_ModelVersionStatus);
  'status_reason'?: (string);
  'job_id'?: (string);
  'dataset_id'?: (string);
  'target_column'?: (string);
  'class_labels'?: (string)[];
  'input_columns'?: (string)[];
  'feature_count'?: (number);
  'backend'?: (string);
  'metrics'?: (_aiaas_v1_ClassificationMetrics | null);
  'aliases'?: (string)[];
  'created_at'?: (_google_protobuf_Timestamp | null);
  'task'?: (string);
  'regression_metrics'?: (_aiaas_v1_RegressionMetrics | null);
  'training'?: (_aiaas_v1_TrainingSummary | null);
  'backend_support'?: (_aiaas_v1_BackendSupport)[];
  'sequence_metrics'?: (_aiaas_v1_SequenceMetrics | null);
  'evaluation'?: (_aiaas_v1_Evaluation | null);
  'load_error'?: (string);
}

export interface ModelVersion__Output {
  'model_name': (string);
  'version': (number);
  'status': (_aiaas_v1_ModelVersionStatus__Output);
  'status_reason': (string);
  'job_id': (string);
  'dataset_id': (string);
  'target_column': (string);
  'class_labels': (string)[];
  'input_columns': (string)[];
  'feature_count': (number);
  'backend': (string);
  'metrics': (_aiaas_v1_ClassificationMetrics__Output | null);
  'aliases': (string)[];
  'created_at': (_google_protobuf_Timestamp__Output | null);
  'task': (string);
  'regression_metrics': (_aiaas_v1_RegressionMetrics__Output | null);
  'training': (_aiaas_v1_TrainingSummary__Output | null);
  'backend_support': (_aiaas_v1_BackendSupport__Output)[];
  'sequence_metrics': (_aiaas_v1_SequenceMetrics__Output | null);
  'evaluation': (_aiaas_v1_Evaluation__Output | null);
  'load_error': (string);
}
