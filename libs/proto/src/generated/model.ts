import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { BackendSupport as _aiaas_v1_BackendSupport, BackendSupport__Output as _aiaas_v1_BackendSupport__Output } from './aiaas/v1/BackendSupport';
import type { ClassMetrics as _aiaas_v1_ClassMetrics, ClassMetrics__Output as _aiaas_v1_ClassMetrics__Output } from './aiaas/v1/ClassMetrics';
import type { ClassificationMetrics as _aiaas_v1_ClassificationMetrics, ClassificationMetrics__Output as _aiaas_v1_ClassificationMetrics__Output } from './aiaas/v1/ClassificationMetrics';
import type { GetModelRequest as _aiaas_v1_GetModelRequest, GetModelRequest__Output as _aiaas_v1_GetModelRequest__Output } from './aiaas/v1/GetModelRequest';
import type { ListModelsRequest as _aiaas_v1_ListModelsRequest, ListModelsRequest__Output as _aiaas_v1_ListModelsRequest__Output } from './aiaas/v1/ListModelsRequest';
import type { ListModelsResponse as _aiaas_v1_ListModelsResponse, ListModelsResponse__Output as _aiaas_v1_ListModelsResponse__Output } from './aiaas/v1/ListModelsResponse';
import type { Model as _aiaas_v1_Model, Model__Output as _aiaas_v1_Model__Output } from './aiaas/v1/Model';
import type { ModelVersion as _aiaas_v1_ModelVersion, ModelVersion__Output as _aiaas_v1_ModelVersion__Output } from './aiaas/v1/ModelVersion';
import type { RegressionMetrics as _aiaas_v1_RegressionMetrics, RegressionMetrics__Output as _aiaas_v1_RegressionMetrics__Output } from './aiaas/v1/RegressionMetrics';
import type { SequenceMetrics as _aiaas_v1_SequenceMetrics, SequenceMetrics__Output as _aiaas_v1_SequenceMetrics__Output } from './aiaas/v1/SequenceMetrics';
import type { TrainingSummary as _aiaas_v1_TrainingSummary, TrainingSummary__Output as _aiaas_v1_TrainingSummary__Output } from './aiaas/v1/TrainingSummary';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  aiaas: {
    v1: {
      BackendSupport: MessageTypeDefinition<_aiaas_v1_BackendSupport, _aiaas_v1_BackendSupport__Output>
      ClassMetrics: MessageTypeDefinition<_aiaas_v1_ClassMetrics, _aiaas_v1_ClassMetrics__Output>
      ClassificationMetrics: MessageTypeDefinition<_aiaas_v1_ClassificationMetrics, _aiaas_v1_ClassificationMetrics__Output>
      GetModelRequest: MessageTypeDefinition<_aiaas_v1_GetModelRequest, _aiaas_v1_GetModelRequest__Output>
      ListModelsRequest: MessageTypeDefinition<_aiaas_v1_ListModelsRequest, _aiaas_v1_ListModelsRequest__Output>
      ListModelsResponse: MessageTypeDefinition<_aiaas_v1_ListModelsResponse, _aiaas_v1_ListModelsResponse__Output>
      Model: MessageTypeDefinition<_aiaas_v1_Model, _aiaas_v1_Model__Output>
      ModelVersion: MessageTypeDefinition<_aiaas_v1_ModelVersion, _aiaas_v1_ModelVersion__Output>
      ModelVersionStatus: EnumTypeDefinition
      RegressionMetrics: MessageTypeDefinition<_aiaas_v1_RegressionMetrics, _aiaas_v1_RegressionMetrics__Output>
      SequenceMetrics: MessageTypeDefinition<_aiaas_v1_SequenceMetrics, _aiaas_v1_SequenceMetrics__Output>
      TrainingSummary: MessageTypeDefinition<_aiaas_v1_TrainingSummary, _aiaas_v1_TrainingSummary__Output>
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

