// Original file: protos/aiaas/v1/training_spec.proto

import type { ParameterRange as _aiaas_v1_ParameterRange, ParameterRange__Output as _aiaas_v1_ParameterRange__Output } from '../../aiaas/v1/ParameterRange';

export interface ParameterSearch {
  'parameter'?: (string);
  'values'?: (number | string)[];
  'choices'?: (string)[];
  'range'?: (_aiaas_v1_ParameterRange | null);
}

export interface ParameterSearch__Output {
  'parameter': (string);
  'values': (number)[];
  'choices': (string)[];
  'range': (_aiaas_v1_ParameterRange__Output | null);
}
