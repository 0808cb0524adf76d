import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ClassMetrics as _aiaas_v1_ClassMetrics, ClassMetrics__Output as _aiaas_v1_ClassMetrics__Output } from './aiaas/v1/ClassMetrics';
import type { ClassificationMetrics as _aiaas_v1_ClassificationMetrics, ClassificationMetrics__Output as _aiaas_v1_ClassificationMetrics__Output } from './aiaas/v1/ClassificationMetrics';
import type { ColumnSummary as _aiaas_v1_ColumnSummary, ColumnSummary__Output as _aiaas_v1_ColumnSummary__Output } from './aiaas/v1/ColumnSummary';
import type { Dataset as _aiaas_v1_Dataset, Dataset__Output as _aiaas_v1_Dataset__Output } from './aiaas/v1/Dataset';
import type { EpochEnded as _aiaas_v1_EpochEnded, EpochEnded__Output as _aiaas_v1_EpochEnded__Output } from './aiaas/v1/EpochEnded';
import type { GatewayServiceClient as _aiaas_v1_GatewayServiceClient, GatewayServiceDefinition as _aiaas_v1_GatewayServiceDefinition } from './aiaas/v1/GatewayService';
import type { GetDatasetRequest as _aiaas_v1_GetDatasetRequest, GetDatasetRequest__Output as _aiaas_v1_GetDatasetRequest__Output } from './aiaas/v1/GetDatasetRequest';
import type { GetJobRequest as _aiaas_v1_GetJobRequest, GetJobRequest__Output as _aiaas_v1_GetJobRequest__Output } from './aiaas/v1/GetJobRequest';
import type { GetModelRequest as _aiaas_v1_GetModelRequest, GetModelRequest__Output as _aiaas_v1_GetModelRequest__Output } from './aiaas/v1/GetModelRequest';
import type { Job as _aiaas_v1_Job, Job__Output as _aiaas_v1_Job__Output } from './aiaas/v1/Job';
import type { JobEvent as _aiaas_v1_JobEvent, JobEvent__Output as _aiaas_v1_JobEvent__Output } from './aiaas/v1/JobEvent';
import type { JobFinished as _aiaas_v1_JobFinished, JobFinished__Output as _aiaas_v1_JobFinished__Output } from './aiaas/v1/JobFinished';
import type { ListModelsRequest as _aiaas_v1_ListModelsRequest, ListModelsRequest__Output as _aiaas_v1_ListModelsRequest__Output } from './aiaas/v1/ListModelsRequest';
import type { ListModelsResponse as _aiaas_v1_ListModelsResponse, ListModelsResponse__Output as _aiaas_v1_ListModelsResponse__Output } from './aiaas/v1/ListModelsResponse';
import type { Model as _aiaas_v1_Model, Model__Output as _aiaas_v1_Model__Output } from './aiaas/v1/Model';
import type { ModelVersion as _aiaas_v1_ModelVersion, ModelVersion__Output as _aiaas_v1_ModelVersion__Output } from './aiaas/v1/ModelVersion';
import type { PredictRequest as _aiaas_v1_PredictRequest, PredictRequest__Output as _aiaas_v1_PredictRequest__Output } from './aiaas/v1/PredictRequest';
import type { PredictResponse as _aiaas_v1_PredictResponse, PredictResponse__Output as _aiaas_v1_PredictResponse__Output } from './aiaas/v1/PredictResponse';
import type { Record as _aiaas_v1_Record, Record__Output as _aiaas_v1_Record__Output } from './aiaas/v1/Record';
import type { RecordBatch as _aiaas_v1_RecordBatch, RecordBatch__Output as _aiaas_v1_RecordBatch__Output } from './aiaas/v1/RecordBatch';
import type { SplitSpec as _aiaas_v1_SplitSpec, SplitSpec__Output as _aiaas_v1_SplitSpec__Output } from './aiaas/v1/SplitSpec';
import type { StageCompleted as _aiaas_v1_StageCompleted, StageCompleted__Output as _aiaas_v1_StageCompleted__Output } from './aiaas/v1/StageCompleted';
import type { StageFailed as _aiaas_v1_StageFailed, StageFailed__Output as _aiaas_v1_StageFailed__Output } from './aiaas/v1/StageFailed';
import type { StageProgress as _aiaas_v1_StageProgress, StageProgress__Output as _aiaas_v1_StageProgress__Output } from './aiaas/v1/StageProgress';
import type { StageStarted as _aiaas_v1_StageStarted, StageStarted__Output as _aiaas_v1_StageStarted__Output } from './aiaas/v1/StageStarted';
import type { StageStatus as _aiaas_v1_StageStatus, StageStatus__Output as _aiaas_v1_StageStatus__Output } from './aiaas/v1/StageStatus';
import type { StartPipelineRequest as _aiaas_v1_StartPipelineRequest, StartPipelineRequest__Output as _aiaas_v1_StartPipelineRequest__Output } from './aiaas/v1/StartPipelineRequest';
import type { Tensor as _aiaas_v1_Tensor, Tensor__Output as _aiaas_v1_Tensor__Output } from './aiaas/v1/Tensor';
import type { TrainingSpec as _aiaas_v1_TrainingSpec, TrainingSpec__Output as _aiaas_v1_TrainingSpec__Output } from './aiaas/v1/TrainingSpec';
import type { UploadDatasetHeader as _aiaas_v1_UploadDatasetHeader, UploadDatasetHeader__Output as _aiaas_v1_UploadDatasetHeader__Output } from './aiaas/v1/UploadDatasetHeader';
import type { UploadDatasetRequest as _aiaas_v1_UploadDatasetRequest, UploadDatasetRequest__Output as _aiaas_v1_UploadDatasetRequest__Output } from './aiaas/v1/UploadDatasetRequest';
import type { Value as _aiaas_v1_Value, Value__Output as _aiaas_v1_Value__Output } from './aiaas/v1/Value';
import type { WatchJobRequest as _aiaas_v1_WatchJobRequest, WatchJobRequest__Output as _aiaas_v1_WatchJobRequest__Output } from './aiaas/v1/WatchJobRequest';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  aiaas: {
    v1: {
      ClassMetrics: MessageTypeDefinition<_aiaas_v1_ClassMetrics, _aiaas_v1_ClassMetrics__Output>
      ClassificationMetrics: MessageTypeDefinition<_aiaas_v1_ClassificationMetrics, _aiaas_v1_ClassificationMetrics__Output>
      ColumnSummary: MessageTypeDefinition<_aiaas_v1_ColumnSummary, _aiaas_v1_ColumnSummary__Output>
      ColumnType: EnumTypeDefinition
      DataType: EnumTypeDefinition
      Dataset: MessageTypeDefinition<_aiaas_v1_Dataset, _aiaas_v1_Dataset__Output>
      EpochEnded: MessageTypeDefinition<_aiaas_v1_EpochEnded, _aiaas_v1_EpochEnded__Output>
      GatewayService: SubtypeConstructor<typeof grpc.Client, _aiaas_v1_GatewayServiceClient> & { service: _aiaas_v1_GatewayServiceDefinition }
      GetDatasetRequest: MessageTypeDefinition<_aiaas_v1_GetDatasetRequest, _aiaas_v1_GetDatasetRequest__Output>
      GetJobRequest: MessageTypeDefinition<_aiaas_v1_GetJobRequest, _aiaas_v1_GetJobRequest__Output>
      GetModelRequest: MessageTypeDefinition<_aiaas_v1_GetModelRequest, _aiaas_v1_GetModelRequest__Output>
      Job: MessageTypeDefinition<_aiaas_v1_Job, _aiaas_v1_Job__Output>
      JobEvent: MessageTypeDefinition<_aiaas_v1_JobEvent, _aiaas_v1_JobEvent__Output>
      JobFinished: MessageTypeDefinition<_aiaas_v1_JobFinished, _aiaas_v1_JobFinished__Output>
      JobState: EnumTypeDefinition
      ListModelsRequest: MessageTypeDefinition<_aiaas_v1_ListModelsRequest, _aiaas_v1_ListModelsRequest__Output>
      ListModelsResponse: MessageTypeDefinition<_aiaas_v1_ListModelsResponse, _aiaas_v1_ListModelsResponse__Output>
      Model: MessageTypeDefinition<_aiaas_v1_Model, _aiaas_v1_Model__Output>
      ModelVersion: MessageTypeDefinition<_aiaas_v1_ModelVersion, _aiaas_v1_ModelVersion__Output>
      ModelVersionStatus: EnumTypeDefinition
      PredictRequest: MessageTypeDefinition<_aiaas_v1_PredictRequest, _aiaas_v1_PredictRequest__Output>
      PredictResponse: MessageTypeDefinition<_aiaas_v1_PredictResponse, _aiaas_v1_PredictResponse__Output>
      Record: MessageTypeDefinition<_aiaas_v1_Record, _aiaas_v1_Record__Output>
      RecordBatch: MessageTypeDefinition<_aiaas_v1_RecordBatch, _aiaas_v1_RecordBatch__Output>
      SplitSpec: MessageTypeDefinition<_aiaas_v1_SplitSpec, _aiaas_v1_SplitSpec__Output>
      Stage: EnumTypeDefinition
      StageCompleted: MessageTypeDefinition<_aiaas_v1_StageCompleted, _aiaas_v1_StageCompleted__Output>
      StageFailed: MessageTypeDefinition<_aiaas_v1_StageFailed, _aiaas_v1_StageFailed__Output>
      StageProgress: MessageTypeDefinition<_aiaas_v1_StageProgress, _aiaas_v1_StageProgress__Output>
      StageStarted: MessageTypeDefinition<_aiaas_v1_StageStarted, _aiaas_v1_StageStarted__Output>
      StageStatus: MessageTypeDefinition<_aiaas_v1_StageStatus, _aiaas_v1_StageStatus__Output>
      StartPipelineRequest: MessageTypeDefinition<_aiaas_v1_StartPipelineRequest, _aiaas_v1_StartPipelineRequest__Output>
      Tensor: MessageTypeDefinition<_aiaas_v1_Tensor, _aiaas_v1_Tensor__Output>
      TrainingSpec: MessageTypeDefinition<_aiaas_v1_TrainingSpec, _aiaas_v1_TrainingSpec__Output>
      UploadDatasetHeader: MessageTypeDefinition<_aiaas_v1_UploadDatasetHeader, _aiaas_v1_UploadDatasetHeader__Output>
      UploadDatasetRequest: MessageTypeDefinition<_aiaas_v1_UploadDatasetRequest, _aiaas_v1_UploadDatasetRequest__Output>
      Value: MessageTypeDefinition<_aiaas_v1_Value, _aiaas_v1_Value__Output>
      WatchJobRequest: MessageTypeDefinition<_aiaas_v1_WatchJobRequest, _aiaas_v1_WatchJobRequest__Output>
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

