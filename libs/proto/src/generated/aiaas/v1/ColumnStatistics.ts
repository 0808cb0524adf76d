// Original file: protos/aiaas/v1/dataset.proto

import type { ColumnType as _aiaas_v1_ColumnType, ColumnType__Output as _aiaas_v1_ColumnType__Output } from '../../aiaas/v1/ColumnType';
import type { ValueCount as _aiaas_v1_ValueCount, ValueCount__Output as _aiaas_v1_ValueCount__Output } from '../../aiaas/v1/ValueCount';
import type { NumericStatistics as _aiaas_v1_NumericStatistics, NumericStatistics__Output as _aiaas_v1_NumericStatistics__Output } from '../../aiaas/v1/NumericStatistics';
import type { BooleanStatistics as _aiaas_v1_BooleanStatistics, BooleanStatistics__Output as _aiaas_v1_BooleanStatistics__Output } from '../../aiaas/v1/BooleanStatistics';
import type { TextStatistics as _aiaas_v1_TextStatistics, TextStatistics__Output as _aiaas_v1_TextStatistics__Output } from '../../aiaas/v1/TextStatistics';
import type { Long } from '@grpc/proto-loader';

export interface ColumnStatistics {
  'name'?: (string);
  'type'?: (_aiaas_v1_ColumnType);
  'inferred'?: (boolean);
  'count'?: (number | string | Long);
  'missing'?: (number | string | Long);
  'distinct_count'?: (number | string | Long);
  'distinct_exact'?: (boolean);
  'top_values'?: (_aiaas_v1_ValueCount)[];
  'top_values_exact'?: (boolean);
  'numeric'?: (_aiaas_v1_NumericStatistics | null);
  'boolean'?: (_aiaas_v1_BooleanStatistics | null);
  'text'?: (_aiaas_v1_TextStatistics | null);
}

export interface ColumnStatistics__Output {
  'name': (string);
  'type': (_aiaas_v1_ColumnType__Output);
  'inferred': (boolean);
  'count': (number);
  'missing': (number);
  'distinct_count': (number);
  'distinct_exact': (boolean);
  'top_values': (_aiaas_v1_ValueCount__Output)[];
  'top_values_exact': (boolean);
  'numeric': (_aiaas_v1_NumericStatistics__Output | null);
  'boolean': (_aiaas_v1_BooleanStatistics__Output | null);
  'text': (_aiaas_v1_TextStatistics__Output | null);
}
