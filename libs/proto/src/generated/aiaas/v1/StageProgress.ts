// Original file: protos/aiaas/v1/job.proto


export interface StageProgress {
  'fraction'?: (number | string);
  'message'?: (string);
}

export interface StageProgress__Output {
  'fraction': (number);
  'message': (string);
}
