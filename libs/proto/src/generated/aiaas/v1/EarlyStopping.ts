// Original file: protos/aiaas/v1/training_spec.proto

import type { MonitoredMetric as _aiaas_v1_MonitoredMetric, MonitoredMetric__Output as _aiaas_v1_MonitoredMetric__Output } from '../../aiaas/v1/MonitoredMetric';

export interface EarlyStopping {
  'monitor'?: (_aiaas_v1_MonitoredMetric);
  'patience'?: (number);
  'min_delta'?: (number | string);
  'restore_best'?: (boolean);
  '_restore_best'?: "restore_best";
}

export interface EarlyStopping__Output {
  'monitor': (_aiaas_v1_MonitoredMetric__Output);
  'patience': (number);
  'min_delta': (number);
  'restore_best'?: (boolean);
  '_restore_best'?: "restore_best";
}
