// Original file: protos/aiaas/v1/dataset.proto

import type { ColumnType as _aiaas_v1_ColumnType, ColumnType__Output as _aiaas_v1_ColumnType__Output } from '../../aiaas/v1/ColumnType';
import type { DataFormat as _aiaas_v1_DataFormat, DataFormat__Output as _aiaas_v1_DataFormat__Output } from '../../aiaas/v1/DataFormat';
import type { DeclaredColumn as _aiaas_v1_DeclaredColumn, DeclaredColumn__Output as _aiaas_v1_DeclaredColumn__Output } from '../../aiaas/v1/DeclaredColumn';
import type { AnomalyPolicy as _aiaas_v1_AnomalyPolicy, AnomalyPolicy__Output as _aiaas_v1_AnomalyPolicy__Output } from '../../aiaas/v1/AnomalyPolicy';

export interface UploadDatasetHeader {
  'name'?: (string);
  'delimiter'?: (string);
  'declared_types'?: ({[key: string]: _aiaas_v1_ColumnType});
  'format'?: (_aiaas_v1_DataFormat);
  'has_header'?: (boolean);
  'column_names'?: (string)[];
  'schema'?: (_aiaas_v1_DeclaredColumn)[];
  'anomaly_policy'?: (_aiaas_v1_AnomalyPolicy);
  '_has_header'?: "has_header";
}

export interface UploadDatasetHeader__Output {
  'name': (string);
  'delimiter': (string);
  'declared_types': ({[key: string]: _aiaas_v1_ColumnType__Output});
  'format': (_aiaas_v1_DataFormat__Output);
  'has_header'?: (boolean);
  'column_names': (string)[];
  'schema': (_aiaas_v1_DeclaredColumn__Output)[];
  'anomaly_policy': (_aiaas_v1_AnomalyPolicy__Output);
  '_has_header'?: "has_header";
}
