// Original file: protos/aiaas/v1/dataset.proto

import type { ColumnType as _aiaas_v1_ColumnType, ColumnType__Output as _aiaas_v1_ColumnType__Output } from '../../aiaas/v1/ColumnType';

export interface UploadDatasetHeader {
  'name'?: (string);
  'delimiter'?: (string);
  'declared_types'?: ({[key: string]: _aiaas_v1_ColumnType});
}

export interface UploadDatasetHeader__Output {
  'name': (string);
  'delimiter': (string);
  'declared_types': ({[key: string]: _aiaas_v1_ColumnType__Output});
}
