// Original file: protos/aiaas/v1/job.proto


export interface StageCompleted {
  'summary'?: (string);
}

export interface StageCompleted__Output {
  'summary': (string);
}
