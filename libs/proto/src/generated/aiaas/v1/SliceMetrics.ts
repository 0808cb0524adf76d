// Original file: protos/aiaas/v1/evaluation.proto

import type { Long } from '@grpc/proto-loader';

export interface SliceMetrics {
  'column'?: (string);
  'value'?: (string);
  'rows'?: (number | string | Long);
  'metrics'?: ({[key: string]: number | string});
}

export interface SliceMetrics__Output {
  'column': (string);
  'value': (string);
  'rows': (number);
  'metrics': ({[key: string]: number});
}
