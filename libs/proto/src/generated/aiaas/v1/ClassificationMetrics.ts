// Original file: protos/aiaas/v1/model.proto

import type { ClassMetrics as _aiaas_v1_ClassMetrics, ClassMetrics__Output as _aiaas_v1_ClassMetrics__Output } from '../../aiaas/v1/ClassMetrics';
import type { Long } from '@grpc/proto-loader';

export interface ClassificationMetrics {
  'accuracy'?: (number | string);
  'macro_f1'?: (number | string);
  'test_rows'?: (number | string | Long);
  'per_class'?: (_aiaas_v1_ClassMetrics)[];
  'confusion_matrix'?: (number | string | Long)[];
}

export interface ClassificationMetrics__Output {
  'accuracy': (number);
  'macro_f1': (number);
  'test_rows': (number);
  'per_class': (_aiaas_v1_ClassMetrics__Output)[];
  'confusion_matrix': (number)[];
}
