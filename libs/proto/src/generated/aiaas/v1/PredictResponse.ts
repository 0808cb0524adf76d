// Original file: protos/aiaas/v1/predict.proto

import type { Tensor as _aiaas_v1_Tensor, Tensor__Output as _aiaas_v1_Tensor__Output } from '../../aiaas/v1/Tensor';

export interface PredictResponse {
  'model_name'?: (string);
  'version'?: (number);
  'class_labels'?: (string)[];
  'probabilities'?: (_aiaas_v1_Tensor | null);
  'predicted_labels'?: (string)[];
  'values'?: (_aiaas_v1_Tensor | null);
  'decoded_texts'?: (string)[];
}

export interface PredictResponse__Output {
  'model_name': (string);
  'version': (number);
  'class_labels': (string)[];
  'probabilities': (_aiaas_v1_Tensor__Output | null);
  'predicted_labels': (string)[];
  'values': (_aiaas_v1_Tensor__Output | null);
  'decoded_texts': (string)[];
}
