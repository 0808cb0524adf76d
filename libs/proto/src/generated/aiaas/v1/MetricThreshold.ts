// Original file: protos/aiaas/v1/evaluation.proto


export interface MetricThreshold {
  'metric'?: (string);
  'min'?: (number | string);
  'max'?: (number | string);
  '_min'?: "min";
  '_max'?: "max";
}

export interface MetricThreshold__Output {
  'metric': (string);
  'min'?: (number);
  'max'?: (number);
  '_min'?: "min";
  '_max'?: "max";
}
