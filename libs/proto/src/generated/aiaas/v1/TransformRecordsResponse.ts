// Original file: protos/aiaas/v1/predict.proto

import type { NamedTensor as _aiaas_v1_NamedTensor, NamedTensor__Output as _aiaas_v1_NamedTensor__Output } from '../../aiaas/v1/NamedTensor';

export interface TransformRecordsResponse {
  'model_name'?: (string);
  'version'?: (number);
  'outputs'?: (_aiaas_v1_NamedTensor)[];
}

export interface TransformRecordsResponse__Output {
  'model_name': (string);
  'version': (number);
  'outputs': (_aiaas_v1_NamedTensor__Output)[];
}
