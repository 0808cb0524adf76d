// Original file: protos/aiaas/v1/job.proto


export interface CancelJobRequest {
  'job_id'?: (string);
}

export interface CancelJobRequest__Output {
  'job_id': (string);
}
