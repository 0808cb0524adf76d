// Original file: protos/aiaas/v1/job.proto

import type { JobState as _aiaas_v1_JobState, JobState__Output as _aiaas_v1_JobState__Output } from '../../aiaas/v1/JobState';

export interface JobFinished {
  'state'?: (_aiaas_v1_JobState);
  'error'?: (string);
  'model_version'?: (number);
}

export interface JobFinished__Output {
  'state': (_aiaas_v1_JobState__Output);
  'error': (string);
  'model_version': (number);
}
