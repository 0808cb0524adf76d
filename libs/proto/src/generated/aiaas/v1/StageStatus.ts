// Original file: protos/aiaas/v1/job.proto

import type { Stage as _aiaas_v1_Stage, Stage__Output as _aiaas_v1_Stage__Output } from '../../aiaas/v1/Stage';
import type { JobState as _aiaas_v1_JobState, JobState__Output as _aiaas_v1_JobState__Output } from '../../aiaas/v1/JobState';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

export interface StageStatus {
  'stage'?: (_aiaas_v1_Stage);
  'state'?: (_aiaas_v1_JobState);
  'error'?: (string);
  'started_at'?: (_google_protobuf_Timestamp | null);
  'finished_at'?: (_google_protobuf_Timestamp | null);
}

export interface StageStatus__Output {
  'stage': (_aiaas_v1_Stage__Output);
  'state': (_aiaas_v1_JobState__Output);
  'error': (string);
  'started_at': (_google_protobuf_Timestamp__Output | null);
  'finished_at': (_google_protobuf_Timestamp__Output | null);
}
