// Original file: protos/aiaas/v1/worker.proto

import type { Long } from '@grpc/proto-loader';

export interface WorkerInfo {
  'service'?: (string);
  'queue'?: (string);
  'concurrency'?: (number);
  'active_jobs'?: (number);
  'completed_jobs'?: (number | string | Long);
  'failed_jobs'?: (number | string | Long);
  'backend'?: (string);
}

export interface WorkerInfo__Output {
  'service': (string);
  'queue': (string);
  'concurrency': (number);
  'active_jobs': (number);
  'completed_jobs': (number);
  'failed_jobs': (number);
  'backend': (string);
}
