// Original file: protos/aiaas/v1/dataset.proto

import type { ColumnType as _aiaas_v1_ColumnType, ColumnType__Output as _aiaas_v1_ColumnType__Output } from '../../aiaas/v1/ColumnType';
import type { Long } from '@grpc/proto-loader';

export interface ColumnSummary {
  'name'?: (string);
  'type'?: (_aiaas_v1_ColumnType);
  'missing_count'?: (number | string | Long);
  'distinct_count'?: (number | string | Long);
  'distinct_count_capped'?: (boolean);
  'inferred'?: (boolean);
}

export interface ColumnSummary__Output {
  'name': (string);
  'type': (_aiaas_v1_ColumnType__Output);
  'missing_count': (number);
  'distinct_count': (number);
  'distinct_count_capped': (boolean);
  'inferred': (boolean);
}
