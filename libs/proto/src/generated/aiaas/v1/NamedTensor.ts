// Original file: protos/aiaas/v1/predict.proto

import type { Tensor as _aiaas_v1_Tensor, Tensor__Output as _aiaas_v1_Tensor__Output } from '../../aiaas/v1/Tensor';

export interface NamedTensor {
  'name'?: (string);
  'tensor'?: (_aiaas_v1_Tensor | null);
}

export interface NamedTensor__Output {
  'name': (string);
  'tensor': (_aiaas_v1_Tensor__Output | null);
}
