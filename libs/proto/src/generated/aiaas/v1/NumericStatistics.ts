// Original file: protos/aiaas/v1/dataset.proto

import type { Long } from '@grpc/proto-loader';

export interface NumericStatistics {
  'min'?: (number | string);
  'max'?: (number | string);
  'mean'?: (number | string);
  'std'?: (number | string);
  'zeros'?: (number | string | Long);
  'percentiles'?: (number | string)[];
}

export interface NumericStatistics__Output {
  'min': (number);
  'max': (number);
  'mean': (number);
  'std': (number);
  'zeros': (number);
  'percentiles': (number)[];
}
