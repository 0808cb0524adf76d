// Original file: protos/aiaas/v1/dataset.proto

import type { AnomalyKind as _aiaas_v1_AnomalyKind, AnomalyKind__Output as _aiaas_v1_AnomalyKind__Output } from '../../aiaas/v1/AnomalyKind';
import type { Long } from '@grpc/proto-loader';

export interface Anomaly {
  'column'?: (string);
  'kind'?: (_aiaas_v1_AnomalyKind);
  'count'?: (number | string | Long);
  'rows'?: (number | string | Long)[];
  'examples'?: (string)[];
  'description'?: (string);
}

export interface Anomaly__Output {
  'column': (string);
  'kind': (_aiaas_v1_AnomalyKind__Output);
  'count': (number);
  'rows': (number)[];
  'examples': (string)[];
  'description': (string);
}
