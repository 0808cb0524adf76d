// Original file: protos/aiaas/v1/training_spec.proto

import type { DenseLayer as _aiaas_v1_DenseLayer, DenseLayer__Output as _aiaas_v1_DenseLayer__Output } from '../../aiaas/v1/DenseLayer';

export interface MlpModel {
  'hidden_layers'?: (_aiaas_v1_DenseLayer)[];
}

export interface MlpModel__Output {
  'hidden_layers': (_aiaas_v1_DenseLayer__Output)[];
}
