// Original file: protos/aiaas/v1/evaluation.proto

import type { Long } from '@grpc/proto-loader';

export interface Comparison {
  'baseline_version'?: (number);
  'baseline'?: ({[key: string]: number | string});
  'deltas'?: ({[key: string]: number | string});
  'rows'?: (number | string | Long);
}

export interface Comparison__Output {
  'baseline_version': (number);
  'baseline': ({[key: string]: number});
  'deltas': ({[key: string]: number});
  'rows': (number);
}
