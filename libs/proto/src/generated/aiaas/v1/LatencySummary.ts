// Original file: protos/aiaas/v1/model.proto


export interface LatencySummary {
  'p50_ms'?: (number | string);
  'p99_ms'?: (number | string);
}

export interface LatencySummary__Output {
  'p50_ms': (number);
  'p99_ms': (number);
}
