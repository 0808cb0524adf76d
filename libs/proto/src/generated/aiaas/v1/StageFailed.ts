// Original file: protos/aiaas/v1/job.proto


export interface StageFailed {
  'error'?: (string);
  'will_retry'?: (boolean);
}

export interface StageFailed__Output {
  'error': (string);
  'will_retry': (boolean);
}
