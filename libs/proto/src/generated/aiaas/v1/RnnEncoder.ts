// Original file: protos/aiaas/v1/training_spec.proto

import type { RnnCell as _aiaas_v1_RnnCell, RnnCell__Output as _aiaas_v1_RnnCell__Output } from '../../aiaas/v1/RnnCell';

export interface RnnEncoder {
  'cell'?: (_aiaas_v1_RnnCell);
  'units'?: (number);
  'bidirectional'?: (boolean);
}

export interface RnnEncoder__Output {
  'cell': (_aiaas_v1_RnnCell__Output);
  'units': (number);
  'bidirectional': (boolean);
}
