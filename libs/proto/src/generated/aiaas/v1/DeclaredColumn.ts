// Original file: protos/aiaas/v1/dataset.proto

import type { ColumnType as _aiaas_v1_ColumnType, ColumnType__Output as _aiaas_v1_ColumnType__Output } from '../../aiaas/v1/ColumnType';

export interface DeclaredColumn {
  'name'?: (string);
  'type'?: (_aiaas_v1_ColumnType);
  'required'?: (boolean);
  'min'?: (number | string);
  'max'?: (number | string);
  'categories'?: (string)[];
  'max_missing_fraction'?: (number | string);
  '_min'?: "min";
  '_max'?: "max";
  '_max_missing_fraction'?: "max_missing_fraction";
}

export interface DeclaredColumn__Output {
  'name': (string);
  'type': (_aiaas_v1_ColumnType__Output);
  'required': (boolean);
  'min'?: (number);
  'max'?: (number);
  'categories': (string)[];
  'max_missing_fraction'?: (number);
  '_min'?: "min";
  '_max'?: "max";
  '_max_missing_fraction'?: "max_missing_fraction";
}
