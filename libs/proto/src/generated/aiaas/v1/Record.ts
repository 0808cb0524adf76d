// Original file: protos/aiaas/v1/record.proto

import type { Value as _aiaas_v1_Value, Value__Output as _aiaas_v1_Value__Output } from '../../aiaas/v1/Value';

export interface Record {
  'fields'?: ({[key: string]: _aiaas_v1_Value});
}

export interface Record__Output {
  'fields': ({[key: string]: _aiaas_v1_Value__Output});
}
