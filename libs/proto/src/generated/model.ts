import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { BackendSupport as _aiaas_v1_BackendSupport, BackendSupport__Output as _aiaas_v1_BackendSupport__Output } from './aiaas/v1/BackendSupport';
import type { ClassMetrics as _aiaas_v1_ClassMetrics, ClassMetrics__Output as _aiaas_v1_ClassMetrics__Output } from './aiaas/v1/ClassMetrics';
import type { ClassificationMetrics as _aiaas_v1_ClassificationMetrics, ClassificationMetrics__Output as _aiaas_v1_ClassificationMetrics__Output } from './aiaas/v1/ClassificationMetrics';
import type { Comparison as _aiaas_v1_Comparison, Comparison__Output as _aiaas_v1_Comparison__Output } from './aiaas/v1/Comparison';
import type { DescribeWorkerRequest as _aiaas_v1_DescribeWorkerRequest, DescribeWorkerRequest__Output as _aiaas_v1_DescribeWorkerRequest__Output } from './aiaas/v1/DescribeWorkerRequest';
import type { EvaluateModelRequest as _aiaas_v1_EvaluateModelRequest, EvaluateModelRequest__Output as _aiaas_v1_EvaluateModelRequest__Output } from './aiaas/v1/EvaluateModelRequest';
import type { Evaluation as _aiaas_v1_Evaluation, Evaluation__Output as _aiaas_v1_Evaluation__Output } from './aiaas/v1/Evaluation';
import type { EvaluationServiceClient as _aiaas_v1_EvaluationServiceClient, EvaluationServiceDefinition as _aiaas_v1_EvaluationServiceDefinition } from './aiaas/v1/EvaluationService';
import type { EvaluationSpec as _aiaas_v1_EvaluationSpec, EvaluationSpec__Output as _aiaas_v1_EvaluationSpec__Output } from './aiaas/v1/EvaluationSpec';
import type { GetModelReportRequest as _aiaas_v1_GetModelReportRequest, GetModelReportRequest__Output as _aiaas_v1_GetModelReportRequest__Output } from './aiaas/v1/GetModelReportRequest';
import type { GetModelRequest as _aiaas_v1_GetModelRequest, GetModelRequest__Output as _aiaas_v1_GetModelRequest__Output } from './aiaas/v1/GetModelRequest';
import type { LatencySummary as _aiaas_v1_LatencySummary, LatencySummary__Output as _aiaas_v1_LatencySummary__Output } from './aiaas/v1/LatencySummary';
import type { ListModelsRequest as _aiaas_v1_ListModelsRequest, ListModelsRequest__Output as _aiaas_v1_ListModelsRequest__Output } from './aiaas/v1/ListModelsRequest';
import type { ListModelsResponse as _aiaas_v1_ListModelsResponse, ListModelsResponse__Output as _aiaas_v1_ListModelsResponse__Output } from './aiaas/v1/ListModelsResponse';
import type { MetricThreshold as _aiaas_v1_MetricThreshold, MetricThreshold__Output as _aiaas_v1_MetricThreshold__Output } from './aiaas/v1/MetricThreshold';
import type { MetricTolerance as _aiaas_v1_MetricTolerance, MetricTolerance__Output as _aiaas_v1_MetricTolerance__Output } from './aiaas/v1/MetricTolerance';
import type { Model as _aiaas_v1_Model, Model__Output as _aiaas_v1_Model__Output } from './aiaas/v1/Model';
import type { ModelReport as _aiaas_v1_ModelReport, ModelReport__Output as _aiaas_v1_ModelReport__Output } from './aiaas/v1/ModelReport';
import type { ModelVersion as _aiaas_v1_ModelVersion, ModelVersion__Output as _aiaas_v1_ModelVersion__Output } from './aiaas/v1/ModelVersion';
import type { RegressionMetrics as _aiaas_v1_RegressionMetrics, RegressionMetrics__Output as _aiaas_v1_RegressionMetrics__Output } from './aiaas/v1/RegressionMetrics';
import type { RollbackAliasRequest as _aiaas_v1_RollbackAliasRequest, RollbackAliasRequest__Output as _aiaas_v1_RollbackAliasRequest__Output } from './aiaas/v1/RollbackAliasRequest';
import type { SequenceMetrics as _aiaas_v1_SequenceMetrics, SequenceMetrics__Output as _aiaas_v1_SequenceMetrics__Output } from './aiaas/v1/SequenceMetrics';
import type { SetAliasRequest as _aiaas_v1_SetAliasRequest, SetAliasRequest__Output as _aiaas_v1_SetAliasRequest__Output } from './aiaas/v1/SetAliasRequest';
import type { SetTrafficSplitRequest as _aiaas_v1_SetTrafficSplitRequest, SetTrafficSplitRequest__Output as _aiaas_v1_SetTrafficSplitRequest__Output } from './aiaas/v1/SetTrafficSplitRequest';
import type { SetVersionPolicyRequest as _aiaas_v1_SetVersionPolicyRequest, SetVersionPolicyRequest__Output as _aiaas_v1_SetVersionPolicyRequest__Output } from './aiaas/v1/SetVersionPolicyRequest';
import type { ShadowDeployment as _aiaas_v1_ShadowDeployment, ShadowDeployment__Output as _aiaas_v1_ShadowDeployment__Output } from './aiaas/v1/ShadowDeployment';
import type { ShadowTolerance as _aiaas_v1_ShadowTolerance, ShadowTolerance__Output as _aiaas_v1_ShadowTolerance__Output } from './aiaas/v1/ShadowTolerance';
import type { SliceMetrics as _aiaas_v1_SliceMetrics, SliceMetrics__Output as _aiaas_v1_SliceMetrics__Output } from './aiaas/v1/SliceMetrics';
import type { StartShadowRequest as _aiaas_v1_StartShadowRequest, StartShadowRequest__Output as _aiaas_v1_StartShadowRequest__Output } from './aiaas/v1/StartShadowRequest';
import type { StopShadowRequest as _aiaas_v1_StopShadowRequest, StopShadowRequest__Output as _aiaas_v1_StopShadowRequest__Output } from './aiaas/v1/StopShadowRequest';
import type { TrainingSummary as _aiaas_v1_TrainingSummary, TrainingSummary__Output as _aiaas_v1_TrainingSummary__Output } from './aiaas/v1/TrainingSummary';
import type { VersionPolicy as _aiaas_v1_VersionPolicy, VersionPolicy__Output as _aiaas_v1_VersionPolicy__Output } from './aiaas/v1/VersionPolicy';
import type { WorkerInfo as _aiaas_v1_WorkerInfo, WorkerInfo__Output as _aiaas_v1_WorkerInfo__Output } from './aiaas/v1/WorkerInfo';
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
      Comparison: MessageTypeDefinition<_aiaas_v1_Comparison, _aiaas_v1_Comparison__Output>
      DescribeWorkerRequest: MessageTypeDefinition<_aiaas_v1_DescribeWorkerRequest, _aiaas_v1_DescribeWorkerRequest__Output>
      EvaluateModelRequest: MessageTypeDefinition<_aiaas_v1_EvaluateModelRequest, _aiaas_v1_EvaluateModelRequest__Output>
      Evaluation: MessageTypeDefinition<_aiaas_v1_Evaluation, _aiaas_v1_Evaluation__Output>
      EvaluationService: SubtypeConstructor<typeof grpc.Client, _aiaas_v1_EvaluationServiceClient> & { service: _aiaas_v1_EvaluationServiceDefinition }
      EvaluationSpec: MessageTypeDefinition<_aiaas_v1_EvaluationSpec, _aiaas_v1_EvaluationSpec__Output>
      GetModelReportRequest: MessageTypeDefinition<_aiaas_v1_GetModelReportRequest, _aiaas_v1_GetModelReportRequest__Output>
      GetModelRequest: MessageTypeDefinition<_aiaas_v1_GetModelRequest, _aiaas_v1_GetModelRequest__Output>
      LatencySummary: MessageTypeDefinition<_aiaas_v1_LatencySummary, _aiaas_v1_LatencySummary__Output>
      ListModelsRequest: MessageTypeDefinition<_aiaas_v1_ListModelsRequest, _aiaas_v1_ListModelsRequest__Output>
      ListModelsResponse: MessageTypeDefinition<_aiaas_v1_ListModelsResponse, _aiaas_v1_ListModelsResponse__Output>
      MetricThreshold: MessageTypeDefinition<_aiaas_v1_MetricThreshold, _aiaas_v1_MetricThreshold__Output>
      MetricTolerance: MessageTypeDefinition<_aiaas_v1_MetricTolerance, _aiaas_v1_MetricTolerance__Output>
      Model: MessageTypeDefinition<_aiaas_v1_Model, _aiaas_v1_Model__Output>
      ModelReport: MessageTypeDefinition<_aiaas_v1_ModelReport, _aiaas_v1_ModelReport__Output>
      ModelVersion: MessageTypeDefinition<_aiaas_v1_ModelVersion, _aiaas_v1_ModelVersion__Output>
      ModelVersionStatus: EnumTypeDefinition
      Promotion: EnumTypeDefinition
      RegressionMetrics: MessageTypeDefinition<_aiaas_v1_RegressionMetrics, _aiaas_v1_RegressionMetrics__Output>
      RollbackAliasRequest: MessageTypeDefinition<_aiaas_v1_RollbackAliasRequest, _aiaas_v1_RollbackAliasRequest__Output>
      SequenceMetrics: MessageTypeDefinition<_aiaas_v1_SequenceMetrics, _aiaas_v1_SequenceMetrics__Output>
      SetAliasRequest: MessageTypeDefinition<_aiaas_v1_SetAliasRequest, _aiaas_v1_SetAliasRequest__Output>
      SetTrafficSplitRequest: MessageTypeDefinition<_aiaas_v1_SetTrafficSplitRequest, _aiaas_v1_SetTrafficSplitRequest__Output>
      SetVersionPolicyRequest: MessageTypeDefinition<_aiaas_v1_SetVersionPolicyRequest, _aiaas_v1_SetVersionPolicyRequest__Output>
      ShadowDeployment: MessageTypeDefinition<_aiaas_v1_ShadowDeployment, _aiaas_v1_ShadowDeployment__Output>
      ShadowState: EnumTypeDefinition
      ShadowTolerance: MessageTypeDefinition<_aiaas_v1_ShadowTolerance, _aiaas_v1_ShadowTolerance__Output>
      SliceMetrics: MessageTypeDefinition<_aiaas_v1_SliceMetrics, _aiaas_v1_SliceMetrics__Output>
      StartShadowRequest: MessageTypeDefinition<_aiaas_v1_StartShadowRequest, _aiaas_v1_StartShadowRequest__Output>
      StopShadowRequest: MessageTypeDefinition<_aiaas_v1_StopShadowRequest, _aiaas_v1_StopShadowRequest__Output>
      TrainingSummary: MessageTypeDefinition<_aiaas_v1_TrainingSummary, _aiaas_v1_TrainingSummary__Output>
      VersionPolicy: MessageTypeDefinition<_aiaas_v1_VersionPolicy, _aiaas_v1_VersionPolicy__Output>
      WorkerInfo: MessageTypeDefinition<_aiaas_v1_WorkerInfo, _aiaas_v1_WorkerInfo__Output>
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

