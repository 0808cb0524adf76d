// Original file: protos/aiaas/v1/dataset.proto

import type { LengthBucket as _aiaas_v1_LengthBucket, LengthBucket__Output as _aiaas_v1_LengthBucket__Output } from '../../aiaas/v1/LengthBucket';
import type { Long } from '@grpc/proto-loader';

export interface TextStatistics {
  'min_length'?: (number | string | Long);
  'max_length'?: (number | string | Long);
  'mean_length'?: (number | string);
  'mean_tokens'?: (number | string);
  'length_histogram'?: (_aiaas_v1_LengthBucket)[];
}

export interface TextStatistics__Output {
  'min_length': (number);
  'max_length': (number);
  'mean_length': (number);
  'mean_tokens': (number);
  'length_histogram': (_aiaas_v1_LengthBucket__Output)[];
}
