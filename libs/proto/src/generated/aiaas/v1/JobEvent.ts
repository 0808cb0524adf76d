// Original file: protos/aiaas/v1/job.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { Stage as _aiaas_v1_Stage, Stage__Output as _aiaas_v1_Stage__Output } from '../../aiaas/v1/Stage';
import type { StageStarted as _aiaas_v1_StageStarted, StageStarted__Output as _aiaas_v1_StageStarted__Output } from '../../aiaas/v1/StageStarted';
import type { StageProgress as _aiaas_v1_StageProgress, StageProgress__Output as _aiaas_v1_StageProgress__Output } from '../../aiaas/v1/StageProgress';
import type { EpochEnded as _aiaas_v1_EpochEnded, EpochEnded__Output as _aiaas_v1_EpochEnded__Output } from '../../aiaas/v1/EpochEnded';
import type { StageCompleted as _aiaas_v1_StageCompleted, StageCompleted__Output as _aiaas_v1_StageCompleted__Output } from '../../aiaas/v1/StageCompleted';
import type { StageFailed as _aiaas_v1_StageFailed, StageFailed__Output as _aiaas_v1_StageFailed__Output } from '../../aiaas/v1/StageFailed';
import type { JobFinished as _aiaas_v1_JobFinished, JobFinished__Output as _aiaas_v1_JobFinished__Output } from '../../aiaas/v1/JobFinished';
import type { Long } from '@grpc/proto-loader';

export interface JobEvent {
  'job_id'?: (string);
  'sequence'?: (number | string | Long);
  'time'?: (_google_protobuf_Timestamp | null);
  'stage'?: (_aiaas_v1_Stage);
  'stage_started'?: (_aiaas_v1_StageStarted | null);
  'stage_progress'?: (_aiaas_v1_StageProgress | null);
  'epoch_ended'?: (_aiaas_v1_EpochEnded | null);
  'stage_completed'?: (_aiaas_v1_StageCompleted | null);
  'stage_failed'?: (_aiaas_v1_StageFailed | null);
  'job_finished'?: (_aiaas_v1_JobFinished | null);
  'event'?: "stage_started"|"stage_progress"|"epoch_ended"|"stage_completed"|"stage_failed"|"job_finished";
}

export interface JobEvent__Output {
  'job_id': (string);
  'sequence': (number);
  'time': (_google_protobuf_Timestamp__Output | null);
  'stage': (_aiaas_v1_Stage__Output);
  'stage_started'?: (_aiaas_v1_StageStarted__Output | null);
  'stage_progress'?: (_aiaas_v1_StageProgress__Output | null);
  'epoch_ended'?: (_aiaas_v1_EpochEnded__Output | null);
  'stage_completed'?: (_aiaas_v1_StageCompleted__Output | null);
  'stage_failed'?: (_aiaas_v1_StageFailed__Output | null);
  'job_finished'?: (_aiaas_v1_JobFinished__Output | null);
  'event'?: "stage_started"|"stage_progress"|"epoch_ended"|"stage_completed"|"stage_failed"|"job_finished";
}
