// Original file: protos/aiaas/v1/job.proto

import type { Long } from '@grpc/proto-loader';

export interface WatchJobRequest {
  'job_id'?: (string);
  'after_sequence'?: (number | string | Long);
}

export interface WatchJobRequest__Output {
  'job_id': (string);
  'after_sequence': (number);
}
