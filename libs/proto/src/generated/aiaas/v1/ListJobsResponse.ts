// Original file: protos/aiaas/v1/gateway.proto

import type { Job as _aiaas_v1_Job, Job__Output as _aiaas_v1_Job__Output } from '../../aiaas/v1/Job';

export interface ListJobsResponse {
  'jobs'?: (_aiaas_v1_Job)[];
}

export interface ListJobsResponse__Output {
  'jobs': (_aiaas_v1_Job__Output)[];
}
