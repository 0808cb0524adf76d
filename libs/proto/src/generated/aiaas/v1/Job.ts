// Original file: protos/aiaas/v1/job.proto

import type { JobState as _aiaas_v1_JobState, JobState__Output as _aiaas_v1_JobState__Output } from '../../aiaas/v1/JobState';
import type { StageStatus as _aiaas_v1_StageStatus, StageStatus__Output as _aiaas_v1_StageStatus__Output } from '../../aiaas/v1/StageStatus';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

export interface Job {
  'id'?: (string);
  'state'?: (_aiaas_v1_JobState);
  'stages'?: (_aiaas_v1_StageStatus)[];
  'dataset_id'?: (string);
  'target_column'?: (string);
  'model_name'?: (string);
  'model_version'?: (number);
  'error'?: (string);
  'created_at'?: (_google_protobuf_Timestamp | null);
  'updated_at'?: (_google_protobuf_Timestamp | null);
}

export interface Job__Output {
  'id': (string);
  'state': (_aiaas_v1_JobState__Output);
  'stages': (_aiaas_v1_StageStatus__Output)[];
  'dataset_id': (string);
  'target_column': (string);
  'model_name': (string);
  'model_version': (number);
  'error': (string);
  'created_at': (_google_protobuf_Timestamp__Output | null);
  'updated_at': (_google_protobuf_Timestamp__Output | null);
}
