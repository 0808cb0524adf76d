// Original file: protos/aiaas/v1/predict.proto

import type { RecordBatch as _aiaas_v1_RecordBatch, RecordBatch__Output as _aiaas_v1_RecordBatch__Output } from '../../aiaas/v1/RecordBatch';

export interface TransformRecordsRequest {
  'model_name'?: (string);
  'version'?: (number);
  'alias'?: (string);
  'records'?: (_aiaas_v1_RecordBatch | null);
  'version_selector'?: "version"|"alias";
}

export interface TransformRecordsRequest__Output {
  'model_name': (string);
  'version'?: (number);
  'alias'?: (string);
  'records': (_aiaas_v1_RecordBatch__Output | null);
  'version_selector'?: "version"|"alias";
}
