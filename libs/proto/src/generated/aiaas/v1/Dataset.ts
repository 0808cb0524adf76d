// Original file: protos/aiaas/v1/dataset.proto

import type { ColumnSummary as _aiaas_v1_ColumnSummary, ColumnSummary__Output as _aiaas_v1_ColumnSummary__Output } from '../../aiaas/v1/ColumnSummary';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { DataFormat as _aiaas_v1_DataFormat, DataFormat__Output as _aiaas_v1_DataFormat__Output } from '../../aiaas/v1/DataFormat';
import type { AnomalyPolicy as _aiaas_v1_AnomalyPolicy, AnomalyPolicy__Output as _aiaas_v1_AnomalyPolicy__Output } from '../../aiaas/v1/AnomalyPolicy';
import type { Long } from '@grpc/proto-loader';

export interface Dataset {
  'id'?: (string);
  'name'?: (string);
  'columns'?: (_aiaas_v1_ColumnSummary)[];
  'row_count'?: (number | string | Long);
  'size_bytes'?: (number | string | Long);
  'sha256'?: (string);
  'created_at'?: (_google_protobuf_Timestamp | null);
  'format'?: (_aiaas_v1_DataFormat);
  'anomaly_policy'?: (_aiaas_v1_AnomalyPolicy);
  'rows_with_anomalies'?: (number | string | Long);
  'shard_count'?: (number);
}

export interface Dataset__Output {
  'id': (string);
  'name': (string);
  'columns': (_aiaas_v1_ColumnSummary__Output)[];
  'row_count': (number);
  'size_bytes': (number);
  'sha256': (string);
  'created_at': (_google_protobuf_Timestamp__Output | null);
  'format': (_aiaas_v1_DataFormat__Output);
  'anomaly_policy': (_aiaas_v1_AnomalyPolicy__Output);
  'rows_with_anomalies': (number);
  'shard_count': (number);
}
