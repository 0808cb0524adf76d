// Original file: protos/aiaas/v1/model.proto

import type { Long } from '@grpc/proto-loader';

export interface SequenceMetrics {
  'bleu'?: (number | string);
  'exact_match'?: (number | string);
  'token_accuracy'?: (number | string);
  'test_rows'?: (number | string | Long);
}

export interface SequenceMetrics__Output {
  'bleu': (number);
  'exact_match': (number);
  'token_accuracy': (number);
  'test_rows': (number);
}
