// Original file: protos/aiaas/v1/evaluation.proto


export interface MetricTolerance {
  'metric'?: (string);
  'tolerance'?: (number | string);
}

export interface MetricTolerance__Output {
  'metric': (string);
  'tolerance': (number);
}
