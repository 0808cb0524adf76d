import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { CategoricalEncoding as _aiaas_v1_CategoricalEncoding, CategoricalEncoding__Output as _aiaas_v1_CategoricalEncoding__Output } from './aiaas/v1/CategoricalEncoding';
import type { ColumnPreprocessing as _aiaas_v1_ColumnPreprocessing, ColumnPreprocessing__Output as _aiaas_v1_ColumnPreprocessing__Output } from './aiaas/v1/ColumnPreprocessing';
import type { EpochEnded as _aiaas_v1_EpochEnded, EpochEnded__Output as _aiaas_v1_EpochEnded__Output } from './aiaas/v1/EpochEnded';
import type { GetJobRequest as _aiaas_v1_GetJobRequest, GetJobRequest__Output as _aiaas_v1_GetJobRequest__Output } from './aiaas/v1/GetJobRequest';
import type { IdEncoding as _aiaas_v1_IdEncoding, IdEncoding__Output as _aiaas_v1_IdEncoding__Output } from './aiaas/v1/IdEncoding';
import type { Imputation as _aiaas_v1_Imputation, Imputation__Output as _aiaas_v1_Imputation__Output } from './aiaas/v1/Imputation';
import type { Job as _aiaas_v1_Job, Job__Output as _aiaas_v1_Job__Output } from './aiaas/v1/Job';
import type { JobEvent as _aiaas_v1_JobEvent, JobEvent__Output as _aiaas_v1_JobEvent__Output } from './aiaas/v1/JobEvent';
import type { JobFinished as _aiaas_v1_JobFinished, JobFinished__Output as _aiaas_v1_JobFinished__Output } from './aiaas/v1/JobFinished';
import type { NumericEncoding as _aiaas_v1_NumericEncoding, NumericEncoding__Output as _aiaas_v1_NumericEncoding__Output } from './aiaas/v1/NumericEncoding';
import type { OutlierClipping as _aiaas_v1_OutlierClipping, OutlierClipping__Output as _aiaas_v1_OutlierClipping__Output } from './aiaas/v1/OutlierClipping';
import type { PreprocessingSpec as _aiaas_v1_PreprocessingSpec, PreprocessingSpec__Output as _aiaas_v1_PreprocessingSpec__Output } from './aiaas/v1/PreprocessingSpec';
import type { QuantileClipping as _aiaas_v1_QuantileClipping, QuantileClipping__Output as _aiaas_v1_QuantileClipping__Output } from './aiaas/v1/QuantileClipping';
import type { SplitSpec as _aiaas_v1_SplitSpec, SplitSpec__Output as _aiaas_v1_SplitSpec__Output } from './aiaas/v1/SplitSpec';
import type { StageCompleted as _aiaas_v1_StageCompleted, StageCompleted__Output as _aiaas_v1_StageCompleted__Output } from './aiaas/v1/StageCompleted';
import type { StageFailed as _aiaas_v1_StageFailed, StageFailed__Output as _aiaas_v1_StageFailed__Output } from './aiaas/v1/StageFailed';
import type { StageProgress as _aiaas_v1_StageProgress, StageProgress__Output as _aiaas_v1_StageProgress__Output } from './aiaas/v1/StageProgress';
import type { StageStarted as _aiaas_v1_StageStarted, StageStarted__Output as _aiaas_v1_StageStarted__Output } from './aiaas/v1/StageStarted';
import type { StageStatus as _aiaas_v1_StageStatus, StageStatus__Output as _aiaas_v1_StageStatus__Output } from './aiaas/v1/StageStatus';
import type { StartPipelineRequest as _aiaas_v1_StartPipelineRequest, StartPipelineRequest__Output as _aiaas_v1_StartPipelineRequest__Output } from './aiaas/v1/StartPipelineRequest';
import type { TextEncoding as _aiaas_v1_TextEncoding, TextEncoding__Output as _aiaas_v1_TextEncoding__Output } from './aiaas/v1/TextEncoding';
import type { TrainingSpec as _aiaas_v1_TrainingSpec, TrainingSpec__Output as _aiaas_v1_TrainingSpec__Output } from './aiaas/v1/TrainingSpec';
import type { WatchJobRequest as _aiaas_v1_WatchJobRequest, WatchJobRequest__Output as _aiaas_v1_WatchJobRequest__Output } from './aiaas/v1/WatchJobRequest';
import type { ZScoreClipping as _aiaas_v1_ZScoreClipping, ZScoreClipping__Output as _aiaas_v1_ZScoreClipping__Output } from './aiaas/v1/ZScoreClipping';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  aiaas: {
    v1: {
      CategoricalEncoding: MessageTypeDefinition<_aiaas_v1_CategoricalEncoding, _aiaas_v1_CategoricalEncoding__Output>
      ColumnPreprocessing: MessageTypeDefinition<_aiaas_v1_ColumnPreprocessing, _aiaas_v1_ColumnPreprocessing__Output>
      EpochEnded: MessageTypeDefinition<_aiaas_v1_EpochEnded, _aiaas_v1_EpochEnded__Output>
      GetJobRequest: MessageTypeDefinition<_aiaas_v1_GetJobRequest, _aiaas_v1_GetJobRequest__Output>
      IdEncoding: MessageTypeDefinition<_aiaas_v1_IdEncoding, _aiaas_v1_IdEncoding__Output>
      Imputation: MessageTypeDefinition<_aiaas_v1_Imputation, _aiaas_v1_Imputation__Output>
      Job: MessageTypeDefinition<_aiaas_v1_Job, _aiaas_v1_Job__Output>
      JobEvent: MessageTypeDefinition<_aiaas_v1_JobEvent, _aiaas_v1_JobEvent__Output>
      JobFinished: MessageTypeDefinition<_aiaas_v1_JobFinished, _aiaas_v1_JobFinished__Output>
      JobState: EnumTypeDefinition
      NumericEncoding: MessageTypeDefinition<_aiaas_v1_NumericEncoding, _aiaas_v1_NumericEncoding__Output>
      OutlierClipping: MessageTypeDefinition<_aiaas_v1_OutlierClipping, _aiaas_v1_OutlierClipping__Output>
      PreprocessingSpec: MessageTypeDefinition<_aiaas_v1_PreprocessingSpec, _aiaas_v1_PreprocessingSpec__Output>
      QuantileClipping: MessageTypeDefinition<_aiaas_v1_QuantileClipping, _aiaas_v1_QuantileClipping__Output>
      SplitSpec: MessageTypeDefinition<_aiaas_v1_SplitSpec, _aiaas_v1_SplitSpec__Output>
      Stage: EnumTypeDefinition
      StageCompleted: MessageTypeDefinition<_aiaas_v1_StageCompleted, _aiaas_v1_StageCompleted__Output>
      StageFailed: MessageTypeDefinition<_aiaas_v1_StageFailed, _aiaas_v1_StageFailed__Output>
      StageProgress: MessageTypeDefinition<_aiaas_v1_StageProgress, _aiaas_v1_StageProgress__Output>
      StageStarted: MessageTypeDefinition<_aiaas_v1_StageStarted, _aiaas_v1_StageStarted__Output>
      StageStatus: MessageTypeDefinition<_aiaas_v1_StageStatus, _aiaas_v1_StageStatus__Output>
      StartPipelineRequest: MessageTypeDefinition<_aiaas_v1_StartPipelineRequest, _aiaas_v1_StartPipelineRequest__Output>
      Task: EnumTypeDefinition
      TextEncoding: MessageTypeDefinition<_aiaas_v1_TextEncoding, _aiaas_v1_TextEncoding__Output>
      TrainingSpec: MessageTypeDefinition<_aiaas_v1_TrainingSpec, _aiaas_v1_TrainingSpec__Output>
      WatchJobRequest: MessageTypeDefinition<_aiaas_v1_WatchJobRequest, _aiaas_v1_WatchJobRequest__Output>
      ZScoreClipping: MessageTypeDefinition<_aiaas_v1_ZScoreClipping, _aiaas_v1_ZScoreClipping__Output>
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

