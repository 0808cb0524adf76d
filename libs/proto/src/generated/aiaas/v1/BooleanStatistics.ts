// Original file: protos/aiaas/v1/dataset.proto

import type { Long } from '@grpc/proto-loader';

export interface BooleanStatistics {
  'true_count'?: (number | string | Long);
  'false_count'?: (number | string | Long);
}

export interface BooleanStatistics__Output {
  'true_count': (number);
  'false_count': (number);
}
