// Original file: protos/aiaas/v1/training_spec.proto

import type { Pooling as _aiaas_v1_Pooling, Pooling__Output as _aiaas_v1_Pooling__Output } from '../../aiaas/v1/Pooling';

export interface PoolingEncoder {
  'pooling'?: (_aiaas_v1_Pooling);
}

export interface PoolingEncoder__Output {
  'pooling': (_aiaas_v1_Pooling__Output);
}
