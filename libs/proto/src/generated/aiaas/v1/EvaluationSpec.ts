// Original file: protos/aiaas/v1/evaluation.proto

import type { MetricThreshold as _aiaas_v1_MetricThreshold, MetricThreshold__Output as _aiaas_v1_MetricThreshold__Output } from '../../aiaas/v1/MetricThreshold';
import type { MetricTolerance as _aiaas_v1_MetricTolerance, MetricTolerance__Output as _aiaas_v1_MetricTolerance__Output } from '../../aiaas/v1/MetricTolerance';
import type { Promotion as _aiaas_v1_Promotion, Promotion__Output as _aiaas_v1_Promotion__Output } from '../../aiaas/v1/Promotion';

export interface EvaluationSpec {
  'slice_columns'?: (string)[];
  'thresholds'?: (_aiaas_v1_MetricThreshold)[];
  'max_regression'?: (_aiaas_v1_MetricTolerance)[];
  'promotion'?: (_aiaas_v1_Promotion);
}

export interface EvaluationSpec__Output {
  'slice_columns': (string)[];
  'thresholds': (_aiaas_v1_MetricThreshold__Output)[];
  'max_regression': (_aiaas_v1_MetricTolerance__Output)[];
  'promotion': (_aiaas_v1_Promotion__Output);
}
