// Original file: protos/aiaas/v1/dataset.proto

import type { Long } from '@grpc/proto-loader';

export interface LengthBucket {
  'lower'?: (number | string | Long);
  'upper'?: (number | string | Long);
  'count'?: (number | string | Long);
}

export interface LengthBucket__Output {
  'lower': (number);
  'upper': (number);
  'count': (number);
}
