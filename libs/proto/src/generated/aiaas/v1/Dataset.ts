// Original file: protos/aiaas/v1/dataset.proto

import type { ColumnSummary as _aiaas_v1_ColumnSummary, ColumnSummary__Output as _aiaas_v1_ColumnSummary__Output } from '../../aiaas/v1/ColumnSummary';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface Dataset {
  'id'?: (string);
  'name'?: (string);
  'columns'?: (_aiaas_v1_ColumnSummary)[];
  'row_count'?: (number | string | Long);
  'size_bytes'?: (number | string | Long);
  'sha256'?: (string);
  'created_at'?: (_google_protobuf_Timestamp | null);
}

export interface Dataset__Output {
  'id': (string);
  'name': (string);
  'columns': (_aiaas_v1_ColumnSummary__Output)[];
  'row_count': (number);
  'size_bytes': (number);
  'sha256': (string);
  'created_at': (_google_protobuf_Timestamp__Output | null);
}
