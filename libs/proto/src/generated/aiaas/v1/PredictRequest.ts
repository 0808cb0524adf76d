// Original file: protos/aiaas/v1/predict.proto

import type { RecordBatch as _aiaas_v1_RecordBatch, RecordBatch__Output as _aiaas_v1_RecordBatch__Output } from '../../aiaas/v1/RecordBatch';
import type { Tensor as _aiaas_v1_Tensor, Tensor__Output as _aiaas_v1_Tensor__Output } from '../../aiaas/v1/Tensor';

export interface PredictRequest {
  'model_name'?: (string);
  'version'?: (number);
  'alias'?: (string);
  'records'?: (_aiaas_v1_RecordBatch | null);
  'features'?: (_aiaas_v1_Tensor | null);
  'version_selector'?: "version"|"alias";
  'input'?: "records"|"features";
}

export interface PredictRequest__Output {
  'model_name': (string);
  'version'?: (number);
  'alias'?: (string);
  'records'?: (_aiaas_v1_RecordBatch__Output | null);
  'features'?: (_aiaas_v1_Tensor__Output | null);
  'version_selector'?: "version"|"alias";
  'input'?: "records"|"features";
}
