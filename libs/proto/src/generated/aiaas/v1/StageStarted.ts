// Original file: protos/aiaas/v1/job.proto


export interface StageStarted {
  'attempt'?: (number);
}

export interface StageStarted__Output {
  'attempt': (number);
}
