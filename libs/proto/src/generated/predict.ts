import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ExportModelRequest as _aiaas_v1_ExportModelRequest, ExportModelRequest__Output as _aiaas_v1_ExportModelRequest__Output } from './aiaas/v1/ExportModelRequest';
import type { ExportedTensor as _aiaas_v1_ExportedTensor, ExportedTensor__Output as _aiaas_v1_ExportedTensor__Output } from './aiaas/v1/ExportedTensor';
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
import type { Value as _aiaas_v1_Value, Value__Output as _aiaas_v1_Value__Output } from './aiaas/v1/Value';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  aiaas: {
    v1: {
      DataType: EnumTypeDefinition
      ExportModelRequest: MessageTypeDefinition<_aiaas_v1_ExportModelRequest, _aiaas_v1_ExportModelRequest__Output>
      ExportedTensor: MessageTypeDefinition<_aiaas_v1_ExportedTensor, _aiaas_v1_ExportedTensor__Output>
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
      Value: MessageTypeDefinition<_aiaas_v1_Value, _aiaas_v1_Value__Output>
    }
  }
}

