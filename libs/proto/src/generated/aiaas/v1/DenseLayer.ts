// Original file: protos/aiaas/v1/training_spec.proto

import type { Activation as _aiaas_v1_Activation, Activation__Output as _aiaas_v1_Activation__Output } from '../../aiaas/v1/Activation';

export interface DenseLayer {
  'units'?: (number);
  'activation'?: (_aiaas_v1_Activation);
  'dropout'?: (number | string);
  'batch_norm'?: (boolean);
  'l1'?: (number | string);
  'l2'?: (number | string);
}

export interface DenseLayer__Output {
  'units': (number);
  'activation': (_aiaas_v1_Activation__Output);
  'dropout': (number);
  'batch_norm': (boolean);
  'l1': (number);
  'l2': (number);
}
