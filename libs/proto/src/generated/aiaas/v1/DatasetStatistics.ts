// Original file: protos/aiaas/v1/dataset.proto

import type { ColumnStatistics as _aiaas_v1_ColumnStatistics, ColumnStatistics__Output as _aiaas_v1_ColumnStatistics__Output } from '../../aiaas/v1/ColumnStatistics';
import type { Anomaly as _aiaas_v1_Anomaly, Anomaly__Output as _aiaas_v1_Anomaly__Output } from '../../aiaas/v1/Anomaly';
import type { Long } from '@grpc/proto-loader';

export interface DatasetStatistics {
  'dataset_id'?: (string);
  'row_count'?: (number | string | Long);
  'columns'?: (_aiaas_v1_ColumnStatistics)[];
  'anomalies'?: (_aiaas_v1_Anomaly)[];
  'rows_with_anomalies'?: (number | string | Long);
}

export interface DatasetStatistics__Output {
  'dataset_id': (string);
  'row_count': (number);
  'columns': (_aiaas_v1_ColumnStatistics__Output)[];
  'anomalies': (_aiaas_v1_Anomaly__Output)[];
  'rows_with_anomalies': (number);
}
