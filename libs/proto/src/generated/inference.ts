import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { DescribeWorkerRequest as _aiaas_v1_DescribeWorkerRequest, DescribeWorkerRequest__Output as _aiaas_v1_DescribeWorkerRequest__Output } from './aiaas/v1/DescribeWorkerRequest';
import type { ExportModelRequest as _aiaas_v1_ExportModelRequest, ExportModelRequest__Output as _aiaas_v1_ExportModelRequest__Output } from './aiaas/v1/ExportModelRequest';
import type { ExportedTensor as _aiaas_v1_ExportedTensor, ExportedTensor__Output as _aiaas_v1_ExportedTensor__Output } from './aiaas/v1/ExportedTensor';
import type { InferenceServiceClient as _aiaas_v1_InferenceServiceClient, InferenceServiceDefinition as _aiaas_v1_InferenceServiceDefinition } from './aiaas/v1/InferenceService';
import type { ListLoadedModelsRequest as _aiaas_v1_ListLoadedModelsRequest, ListLoadedModelsRequest__Output as _aiaas_v1_ListLoadedModelsRequest__Output } from './aiaas/v1/ListLoadedModelsRequest';
import type { ListLoadedModelsResponse as _aiaas_v1_ListLoadedModelsResponse, ListLoadedModelsResponse__Output as _aiaas_v1_ListLoadedModelsResponse__Output } from './aiaas/v1/ListLoadedModelsResponse';
import type { LoadModelRequest as _aiaas_v1_LoadModelRequest, LoadModelRequest__Output as _aiaas_v1_LoadModelRequest__Output } from './aiaas/v1/LoadModelRequest';
import type { LoadedModel as _aiaas_v1_LoadedModel, LoadedModel__Output as _aiaas_v1_LoadedModel__Output } from './aiaas/v1/LoadedModel';
import type { ModelExport as _aiaas_v1_ModelExport, ModelExport__Output as _aiaas_v1_ModelExport__Output } from './aiaas/v1/ModelExport';
import type { NamedTensor as _aiaas_v1_NamedTensor, NamedTensor__Output as _aiaas_v1_NamedTensor__Output } from './aiaas/v1/NamedTensor';
import type { PredictRequest as _aiaas_v1_PredictRequest, PredictRequest__Output as _aiaas_v1_PredictRequest__Output } from './aiaas/v1/PredictRequest';
import type { PredictResponse as _aiaas_v1_PredictResponse, PredictResponse__Output as _aiaas_v1_PredictResponse__Output } from './aiaas/v1/PredictResponse';
import type { RecommendRequest as _aiaas_v1_RecommendRequest, RecommendRequest__Output as _aiaas_v1_RecommendRequest__Output } from './aiaas/v1/RecommendRequest';
import type { RecommendResponse as _aiaas_v1_RecommendResponse, RecommendResponse__Output as _aiaas_v1_RecommendResponse__Output } from './aiaas/v1/RecommendResponse';
import type { Record as _aiaas_v1_Record, Record__Output as _aiaas_v1_Record__Output } from './aiaas/v1/Record';
import type { RecordBatch as _aiaas_v1_RecordBatch, RecordBatch__Output as _aiaas_v1_RecordBatch__Output } from './aiaas/v1/RecordBatch';
import type { ScoredItem as _aiaas_v1_ScoredItem, ScoredItem__Output as _aiaas_v1_ScoredItem__Output } from './aiaas/v1/ScoredItem';
import type { Tensor as _aiaas_v1_Tensor, Tensor__Output as _aiaas_v1_Tensor__Output } from './aiaas/v1/Tensor';
import type { TransformRecordsRequest as _aiaas_v1_TransformRecordsRequest, TransformRecordsRequest__Output as _aiaas_v1_TransformRecordsRequest__Output } from './aiaas/v1/TransformRecordsRequest';
import type { TransformRecordsResponse as _aiaas_v1_TransformRecordsResponse, TransformRecordsResponse__Output as _aiaas_v1_TransformRecordsResponse__Output } from './aiaas/v1/TransformRecordsResponse';
import type { UnloadModelRequest as _aiaas_v1_UnloadModelRequest, UnloadModelRequest__Output as _aiaas_v1_UnloadModelRequest__Output } from './aiaas/v1/UnloadModelRequest';
import type { UnloadModelResponse as _aiaas_v1_UnloadModelResponse, UnloadModelResponse__Output as _aiaas_v1_UnloadModelResponse__Output } from './aiaas/v1/UnloadModelResponse';
import type { Value as _aiaas_v1_Value, Value__Output as _aiaas_v1_Value__Output } from './aiaas/v1/Value';
import type { WorkerInfo as _aiaas_v1_WorkerInfo, WorkerInfo__Output as _aiaas_v1_WorkerInfo__Output } from './aiaas/v1/WorkerInfo';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  aiaas: {
    v1: {
      DataType: EnumTypeDefinition
      DescribeWorkerRequest: MessageTypeDefinition<_aiaas_v1_DescribeWorkerRequest, _aiaas_v1_DescribeWorkerRequest__Output>
      ExportModelRequest: MessageTypeDefinition<_aiaas_v1_ExportModelRequest, _aiaas_v1_ExportModelRequest__Output>
      ExportedTensor: MessageTypeDefinition<_aiaas_v1_ExportedTensor, _aiaas_v1_ExportedTensor__Output>
      InferenceService: SubtypeConstructor<typeof grpc.Client, _aiaas_v1_InferenceServiceClient> & { service: _aiaas_v1_InferenceServiceDefinition }
      ListLoadedModelsRequest: MessageTypeDefinition<_aiaas_v1_ListLoadedModelsRequest, _aiaas_v1_ListLoadedModelsRequest__Output>
      ListLoadedModelsResponse: MessageTypeDefinition<_aiaas_v1_ListLoadedModelsResponse, _aiaas_v1_ListLoadedModelsResponse__Output>
      LoadModelRequest: MessageTypeDefinition<_aiaas_v1_LoadModelRequest, _aiaas_v1_LoadModelRequest__Output>
      LoadedModel: MessageTypeDefinition<_aiaas_v1_LoadedModel, _aiaas_v1_LoadedModel__Output>
      ModelExport: MessageTypeDefinition<_aiaas_v1_ModelExport, _aiaas_v1_ModelExport__Output>
      NamedTensor: MessageTypeDefinition<_aiaas_v1_NamedTensor, _aiaas_v1_NamedTensor__Output>
      PredictRequest: MessageTypeDefinition<_aiaas_v1_PredictRequest, _aiaas_v1_PredictRequest__Output>
      PredictResponse: MessageTypeDefinition<_aiaas_v1_PredictResponse, _aiaas_v1_PredictResponse__Output>
      RecommendRequest: MessageTypeDefinition<_aiaas_v1_RecommendRequest, _aiaas_v1_RecommendRequest__Output>
      RecommendResponse: MessageTypeDefinition<_aiaas_v1_RecommendResponse, _aiaas_v1_RecommendResponse__Output>
      Record: MessageTypeDefinition<_aiaas_v1_Record, _aiaas_v1_Record__Output>
      RecordBatch: MessageTypeDefinition<_aiaas_v1_RecordBatch, _aiaas_v1_RecordBatch__Output>
      ScoredItem: MessageTypeDefinition<_aiaas_v1_ScoredItem, _aiaas_v1_ScoredItem__Output>
      Tensor: MessageTypeDefinition<_aiaas_v1_Tensor, _aiaas_v1_Tensor__Output>
      TransformRecordsRequest: MessageTypeDefinition<_aiaas_v1_TransformRecordsRequest, _aiaas_v1_TransformRecordsRequest__Output>
      TransformRecordsResponse: MessageTypeDefinition<_aiaas_v1_TransformRecordsResponse, _aiaas_v1_TransformRecordsResponse__Output>
      UnloadModelRequest: MessageTypeDefinition<_aiaas_v1_UnloadModelRequest, _aiaas_v1_UnloadModelRequest__Output>
      UnloadModelResponse: MessageTypeDefinition<_aiaas_v1_UnloadModelResponse, _aiaas_v1_UnloadModelResponse__Output>
      Value: MessageTypeDefinition<_aiaas_v1_Value, _aiaas_v1_Value__Output>
      WorkerInfo: MessageTypeDefinition<_aiaas_v1_WorkerInfo, _aiaas_v1_WorkerInfo__Output>
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

