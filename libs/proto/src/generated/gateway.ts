import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AdagradOptimizer as _aiaas_v1_AdagradOptimizer, AdagradOptimizer__Output as _aiaas_v1_AdagradOptimizer__Output } from './aiaas/v1/AdagradOptimizer';
import type { AdamOptimizer as _aiaas_v1_AdamOptimizer, AdamOptimizer__Output as _aiaas_v1_AdamOptimizer__Output } from './aiaas/v1/AdamOptimizer';
import type { Anomaly as _aiaas_v1_Anomaly, Anomaly__Output as _aiaas_v1_Anomaly__Output } from './aiaas/v1/Anomaly';
import type { ApiKey as _aiaas_v1_ApiKey, ApiKey__Output as _aiaas_v1_ApiKey__Output } from './aiaas/v1/ApiKey';
import type { BackendSupport as _aiaas_v1_BackendSupport, BackendSupport__Output as _aiaas_v1_BackendSupport__Output } from './aiaas/v1/BackendSupport';
import type { BooleanStatistics as _aiaas_v1_BooleanStatistics, BooleanStatistics__Output as _aiaas_v1_BooleanStatistics__Output } from './aiaas/v1/BooleanStatistics';
import type { CancelJobRequest as _aiaas_v1_CancelJobRequest, CancelJobRequest__Output as _aiaas_v1_CancelJobRequest__Output } from './aiaas/v1/CancelJobRequest';
import type { CategoricalEncoding as _aiaas_v1_CategoricalEncoding, CategoricalEncoding__Output as _aiaas_v1_CategoricalEncoding__Output } from './aiaas/v1/CategoricalEncoding';
import type { ClassMetrics as _aiaas_v1_ClassMetrics, ClassMetrics__Output as _aiaas_v1_ClassMetrics__Output } from './aiaas/v1/ClassMetrics';
import type { ClassWeightMap as _aiaas_v1_ClassWeightMap, ClassWeightMap__Output as _aiaas_v1_ClassWeightMap__Output } from './aiaas/v1/ClassWeightMap';
import type { ClassificationMetrics as _aiaas_v1_ClassificationMetrics, ClassificationMetrics__Output as _aiaas_v1_ClassificationMetrics__Output } from './aiaas/v1/ClassificationMetrics';
import type { ColumnPreprocessing as _aiaas_v1_ColumnPreprocessing, ColumnPreprocessing__Output as _aiaas_v1_ColumnPreprocessing__Output } from './aiaas/v1/ColumnPreprocessing';
import type { ColumnStatistics as _aiaas_v1_ColumnStatistics, ColumnStatistics__Output as _aiaas_v1_ColumnStatistics__Output } from './aiaas/v1/ColumnStatistics';
import type { ColumnSummary as _aiaas_v1_ColumnSummary, ColumnSummary__Output as _aiaas_v1_ColumnSummary__Output } from './aiaas/v1/ColumnSummary';
import type { Comparison as _aiaas_v1_Comparison, Comparison__Output as _aiaas_v1_Comparison__Output } from './aiaas/v1/Comparison';
import type { Conv1dEncoder as _aiaas_v1_Conv1dEncoder, Conv1dEncoder__Output as _aiaas_v1_Conv1dEncoder__Output } from './aiaas/v1/Conv1dEncoder';
import type { CosineSchedule as _aiaas_v1_CosineSchedule, CosineSchedule__Output as _aiaas_v1_CosineSchedule__Output } from './aiaas/v1/CosineSchedule';
import type { CreateApiKeyRequest as _aiaas_v1_CreateApiKeyRequest, CreateApiKeyRequest__Output as _aiaas_v1_CreateApiKeyRequest__Output } from './aiaas/v1/CreateApiKeyRequest';
import type { CreatedApiKey as _aiaas_v1_CreatedApiKey, CreatedApiKey__Output as _aiaas_v1_CreatedApiKey__Output } from './aiaas/v1/CreatedApiKey';
import type { Dataset as _aiaas_v1_Dataset, Dataset__Output as _aiaas_v1_Dataset__Output } from './aiaas/v1/Dataset';
import type { DatasetStatistics as _aiaas_v1_DatasetStatistics, DatasetStatistics__Output as _aiaas_v1_DatasetStatistics__Output } from './aiaas/v1/DatasetStatistics';
import type { DeclaredColumn as _aiaas_v1_DeclaredColumn, DeclaredColumn__Output as _aiaas_v1_DeclaredColumn__Output } from './aiaas/v1/DeclaredColumn';
import type { DenseLayer as _aiaas_v1_DenseLayer, DenseLayer__Output as _aiaas_v1_DenseLayer__Output } from './aiaas/v1/DenseLayer';
import type { DescribeWorkerRequest as _aiaas_v1_DescribeWorkerRequest, DescribeWorkerRequest__Output as _aiaas_v1_DescribeWorkerRequest__Output } from './aiaas/v1/DescribeWorkerRequest';
import type { EarlyStopping as _aiaas_v1_EarlyStopping, EarlyStopping__Output as _aiaas_v1_EarlyStopping__Output } from './aiaas/v1/EarlyStopping';
import type { EpochEnded as _aiaas_v1_EpochEnded, EpochEnded__Output as _aiaas_v1_EpochEnded__Output } from './aiaas/v1/EpochEnded';
import type { EvaluateModelRequest as _aiaas_v1_EvaluateModelRequest, EvaluateModelRequest__Output as _aiaas_v1_EvaluateModelRequest__Output } from './aiaas/v1/EvaluateModelRequest';
import type { Evaluation as _aiaas_v1_Evaluation, Evaluation__Output as _aiaas_v1_Evaluation__Output } from './aiaas/v1/Evaluation';
import type { EvaluationServiceClient as _aiaas_v1_EvaluationServiceClient, EvaluationServiceDefinition as _aiaas_v1_EvaluationServiceDefinition } from './aiaas/v1/EvaluationService';
import type { EvaluationSpec as _aiaas_v1_EvaluationSpec, EvaluationSpec__Output as _aiaas_v1_EvaluationSpec__Output } from './aiaas/v1/EvaluationSpec';
import type { ExponentialSchedule as _aiaas_v1_ExponentialSchedule, ExponentialSchedule__Output as _aiaas_v1_ExponentialSchedule__Output } from './aiaas/v1/ExponentialSchedule';
import type { ExportModelRequest as _aiaas_v1_ExportModelRequest, ExportModelRequest__Output as _aiaas_v1_ExportModelRequest__Output } from './aiaas/v1/ExportModelRequest';
import type { ExportedTensor as _aiaas_v1_ExportedTensor, ExportedTensor__Output as _aiaas_v1_ExportedTensor__Output } from './aiaas/v1/ExportedTensor';
import type { GatewayServiceClient as _aiaas_v1_GatewayServiceClient, GatewayServiceDefinition as _aiaas_v1_GatewayServiceDefinition } from './aiaas/v1/GatewayService';
import type { GetDatasetRequest as _aiaas_v1_GetDatasetRequest, GetDatasetRequest__Output as _aiaas_v1_GetDatasetRequest__Output } from './aiaas/v1/GetDatasetRequest';
import type { GetDatasetStatsRequest as _aiaas_v1_GetDatasetStatsRequest, GetDatasetStatsRequest__Output as _aiaas_v1_GetDatasetStatsRequest__Output } from './aiaas/v1/GetDatasetStatsRequest';
import type { GetJobRequest as _aiaas_v1_GetJobRequest, GetJobRequest__Output as _aiaas_v1_GetJobRequest__Output } from './aiaas/v1/GetJobRequest';
import type { GetModelReportRequest as _aiaas_v1_GetModelReportRequest, GetModelReportRequest__Output as _aiaas_v1_GetModelReportRequest__Output } from './aiaas/v1/GetModelReportRequest';
import type { GetModelRequest as _aiaas_v1_GetModelRequest, GetModelRequest__Output as _aiaas_v1_GetModelRequest__Output } from './aiaas/v1/GetModelRequest';
import type { IdEncoding as _aiaas_v1_IdEncoding, IdEncoding__Output as _aiaas_v1_IdEncoding__Output } from './aiaas/v1/IdEncoding';
import type { ImplicitFeedback as _aiaas_v1_ImplicitFeedback, ImplicitFeedback__Output as _aiaas_v1_ImplicitFeedback__Output } from './aiaas/v1/ImplicitFeedback';
import type { ImportDatasetRequest as _aiaas_v1_ImportDatasetRequest, ImportDatasetRequest__Output as _aiaas_v1_ImportDatasetRequest__Output } from './aiaas/v1/ImportDatasetRequest';
import type { Imputation as _aiaas_v1_Imputation, Imputation__Output as _aiaas_v1_Imputation__Output } from './aiaas/v1/Imputation';
import type { Job as _aiaas_v1_Job, Job__Output as _aiaas_v1_Job__Output } from './aiaas/v1/Job';
import type { JobEvent as _aiaas_v1_JobEvent, JobEvent__Output as _aiaas_v1_JobEvent__Output } from './aiaas/v1/JobEvent';
import type { JobFinished as _aiaas_v1_JobFinished, JobFinished__Output as _aiaas_v1_JobFinished__Output } from './aiaas/v1/JobFinished';
import type { LatencySummary as _aiaas_v1_LatencySummary, LatencySummary__Output as _aiaas_v1_LatencySummary__Output } from './aiaas/v1/LatencySummary';
import type { LengthBucket as _aiaas_v1_LengthBucket, LengthBucket__Output as _aiaas_v1_LengthBucket__Output } from './aiaas/v1/LengthBucket';
import type { ListApiKeysRequest as _aiaas_v1_ListApiKeysRequest, ListApiKeysRequest__Output as _aiaas_v1_ListApiKeysRequest__Output } from './aiaas/v1/ListApiKeysRequest';
import type { ListApiKeysResponse as _aiaas_v1_ListApiKeysResponse, ListApiKeysResponse__Output as _aiaas_v1_ListApiKeysResponse__Output } from './aiaas/v1/ListApiKeysResponse';
import type { ListDatasetsResponse as _aiaas_v1_ListDatasetsResponse, ListDatasetsResponse__Output as _aiaas_v1_ListDatasetsResponse__Output } from './aiaas/v1/ListDatasetsResponse';
import type { ListJobsResponse as _aiaas_v1_ListJobsResponse, ListJobsResponse__Output as _aiaas_v1_ListJobsResponse__Output } from './aiaas/v1/ListJobsResponse';
import type { ListModelsRequest as _aiaas_v1_ListModelsRequest, ListModelsRequest__Output as _aiaas_v1_ListModelsRequest__Output } from './aiaas/v1/ListModelsRequest';
import type { ListModelsResponse as _aiaas_v1_ListModelsResponse, ListModelsResponse__Output as _aiaas_v1_ListModelsResponse__Output } from './aiaas/v1/ListModelsResponse';
import type { ListRequest as _aiaas_v1_ListRequest, ListRequest__Output as _aiaas_v1_ListRequest__Output } from './aiaas/v1/ListRequest';
import type { MetricThreshold as _aiaas_v1_MetricThreshold, MetricThreshold__Output as _aiaas_v1_MetricThreshold__Output } from './aiaas/v1/MetricThreshold';
import type { MetricTolerance as _aiaas_v1_MetricTolerance, MetricTolerance__Output as _aiaas_v1_MetricTolerance__Output } from './aiaas/v1/MetricTolerance';
import type { MlpModel as _aiaas_v1_MlpModel, MlpModel__Output as _aiaas_v1_MlpModel__Output } from './aiaas/v1/MlpModel';
import type { Model as _aiaas_v1_Model, Model__Output as _aiaas_v1_Model__Output } from './aiaas/v1/Model';
import type { ModelExport as _aiaas_v1_ModelExport, ModelExport__Output as _aiaas_v1_ModelExport__Output } from './aiaas/v1/ModelExport';
import type { ModelReport as _aiaas_v1_ModelReport, ModelReport__Output as _aiaas_v1_ModelReport__Output } from './aiaas/v1/ModelReport';
import type { ModelVersion as _aiaas_v1_ModelVersion, ModelVersion__Output as _aiaas_v1_ModelVersion__Output } from './aiaas/v1/ModelVersion';
import type { NamedTensor as _aiaas_v1_NamedTensor, NamedTensor__Output as _aiaas_v1_NamedTensor__Output } from './aiaas/v1/NamedTensor';
import type { NumericEncoding as _aiaas_v1_NumericEncoding, NumericEncoding__Output as _aiaas_v1_NumericEncoding__Output } from './aiaas/v1/NumericEncoding';
import type { NumericStatistics as _aiaas_v1_NumericStatistics, NumericStatistics__Output as _aiaas_v1_NumericStatistics__Output } from './aiaas/v1/NumericStatistics';
import type { OutlierClipping as _aiaas_v1_OutlierClipping, OutlierClipping__Output as _aiaas_v1_OutlierClipping__Output } from './aiaas/v1/OutlierClipping';
import type { ParameterRange as _aiaas_v1_ParameterRange, ParameterRange__Output as _aiaas_v1_ParameterRange__Output } from './aiaas/v1/ParameterRange';
import type { ParameterSearch as _aiaas_v1_ParameterSearch, ParameterSearch__Output as _aiaas_v1_ParameterSearch__Output } from './aiaas/v1/ParameterSearch';
import type { PoolingEncoder as _aiaas_v1_PoolingEncoder, PoolingEncoder__Output as _aiaas_v1_PoolingEncoder__Output } from './aiaas/v1/PoolingEncoder';
import type { PredictRequest as _aiaas_v1_PredictRequest, PredictRequest__Output as _aiaas_v1_PredictRequest__Output } from './aiaas/v1/PredictRequest';
import type { PredictResponse as _aiaas_v1_PredictResponse, PredictResponse__Output as _aiaas_v1_PredictResponse__Output } from './aiaas/v1/PredictResponse';
import type { PreprocessingSpec as _aiaas_v1_PreprocessingSpec, PreprocessingSpec__Output as _aiaas_v1_PreprocessingSpec__Output } from './aiaas/v1/PreprocessingSpec';
import type { PreviewDatasetRequest as _aiaas_v1_PreviewDatasetRequest, PreviewDatasetRequest__Output as _aiaas_v1_PreviewDatasetRequest__Output } from './aiaas/v1/PreviewDatasetRequest';
import type { PreviewDatasetResponse as _aiaas_v1_PreviewDatasetResponse, PreviewDatasetResponse__Output as _aiaas_v1_PreviewDatasetResponse__Output } from './aiaas/v1/PreviewDatasetResponse';
import type { PreviewRow as _aiaas_v1_PreviewRow, PreviewRow__Output as _aiaas_v1_PreviewRow__Output } from './aiaas/v1/PreviewRow';
import type { QuantileClipping as _aiaas_v1_QuantileClipping, QuantileClipping__Output as _aiaas_v1_QuantileClipping__Output } from './aiaas/v1/QuantileClipping';
import type { RecommendRequest as _aiaas_v1_RecommendRequest, RecommendRequest__Output as _aiaas_v1_RecommendRequest__Output } from './aiaas/v1/RecommendRequest';
import type { RecommendResponse as _aiaas_v1_RecommendResponse, RecommendResponse__Output as _aiaas_v1_RecommendResponse__Output } from './aiaas/v1/RecommendResponse';
import type { RecommenderModel as _aiaas_v1_RecommenderModel, RecommenderModel__Output as _aiaas_v1_RecommenderModel__Output } from './aiaas/v1/RecommenderModel';
import type { Record as _aiaas_v1_Record, Record__Output as _aiaas_v1_Record__Output } from './aiaas/v1/Record';
import type { RecordBatch as _aiaas_v1_RecordBatch, RecordBatch__Output as _aiaas_v1_RecordBatch__Output } from './aiaas/v1/RecordBatch';
import type { RegressionMetrics as _aiaas_v1_RegressionMetrics, RegressionMetrics__Output as _aiaas_v1_RegressionMetrics__Output } from './aiaas/v1/RegressionMetrics';
import type { RevokeApiKeyRequest as _aiaas_v1_RevokeApiKeyRequest, RevokeApiKeyRequest__Output as _aiaas_v1_RevokeApiKeyRequest__Output } from './aiaas/v1/RevokeApiKeyRequest';
import type { RmspropOptimizer as _aiaas_v1_RmspropOptimizer, RmspropOptimizer__Output as _aiaas_v1_RmspropOptimizer__Output } from './aiaas/v1/RmspropOptimizer';
import type { RnnEncoder as _aiaas_v1_RnnEncoder, RnnEncoder__Output as _aiaas_v1_RnnEncoder__Output } from './aiaas/v1/RnnEncoder';
import type { RollbackAliasRequest as _aiaas_v1_RollbackAliasRequest, RollbackAliasRequest__Output as _aiaas_v1_RollbackAliasRequest__Output } from './aiaas/v1/RollbackAliasRequest';
import type { ScoredItem as _aiaas_v1_ScoredItem, ScoredItem__Output as _aiaas_v1_ScoredItem__Output } from './aiaas/v1/ScoredItem';
import type { Seq2seqModel as _aiaas_v1_Seq2seqModel, Seq2seqModel__Output as _aiaas_v1_Seq2seqModel__Output } from './aiaas/v1/Seq2seqModel';
import type { SequenceMetrics as _aiaas_v1_SequenceMetrics, SequenceMetrics__Output as _aiaas_v1_SequenceMetrics__Output } from './aiaas/v1/SequenceMetrics';
import type { SetAliasRequest as _aiaas_v1_SetAliasRequest, SetAliasRequest__Output as _aiaas_v1_SetAliasRequest__Output } from './aiaas/v1/SetAliasRequest';
import type { SetTrafficSplitRequest as _aiaas_v1_SetTrafficSplitRequest, SetTrafficSplitRequest__Output as _aiaas_v1_SetTrafficSplitRequest__Output } from './aiaas/v1/SetTrafficSplitRequest';
import type { SetVersionPolicyRequest as _aiaas_v1_SetVersionPolicyRequest, SetVersionPolicyRequest__Output as _aiaas_v1_SetVersionPolicyRequest__Output } from './aiaas/v1/SetVersionPolicyRequest';
import type { SgdOptimizer as _aiaas_v1_SgdOptimizer, SgdOptimizer__Output as _aiaas_v1_SgdOptimizer__Output } from './aiaas/v1/SgdOptimizer';
import type { ShadowDeployment as _aiaas_v1_ShadowDeployment, ShadowDeployment__Output as _aiaas_v1_ShadowDeployment__Output } from './aiaas/v1/ShadowDeployment';
import type { ShadowTolerance as _aiaas_v1_ShadowTolerance, ShadowTolerance__Output as _aiaas_v1_ShadowTolerance__Output } from './aiaas/v1/ShadowTolerance';
import type { SliceMetrics as _aiaas_v1_SliceMetrics, SliceMetrics__Output as _aiaas_v1_SliceMetrics__Output } from './aiaas/v1/SliceMetrics';
import type { SplitSpec as _aiaas_v1_SplitSpec, SplitSpec__Output as _aiaas_v1_SplitSpec__Output } from './aiaas/v1/SplitSpec';
import type { StageCompleted as _aiaas_v1_StageCompleted, StageCompleted__Output as _aiaas_v1_StageCompleted__Output } from './aiaas/v1/StageCompleted';
import type { StageFailed as _aiaas_v1_StageFailed, StageFailed__Output as _aiaas_v1_StageFailed__Output } from './aiaas/v1/StageFailed';
import type { StageProgress as _aiaas_v1_StageProgress, StageProgress__Output as _aiaas_v1_StageProgress__Output } from './aiaas/v1/StageProgress';
import type { StageStarted as _aiaas_v1_StageStarted, StageStarted__Output as _aiaas_v1_StageStarted__Output } from './aiaas/v1/StageStarted';
import type { StageStatus as _aiaas_v1_StageStatus, StageStatus__Output as _aiaas_v1_StageStatus__Output } from './aiaas/v1/StageStatus';
import type { StartPipelineRequest as _aiaas_v1_StartPipelineRequest, StartPipelineRequest__Output as _aiaas_v1_StartPipelineRequest__Output } from './aiaas/v1/StartPipelineRequest';
import type { StartShadowRequest as _aiaas_v1_StartShadowRequest, StartShadowRequest__Output as _aiaas_v1_StartShadowRequest__Output } from './aiaas/v1/StartShadowRequest';
import type { StepSchedule as _aiaas_v1_StepSchedule, StepSchedule__Output as _aiaas_v1_StepSchedule__Output } from './aiaas/v1/StepSchedule';
import type { StopShadowRequest as _aiaas_v1_StopShadowRequest, StopShadowRequest__Output as _aiaas_v1_StopShadowRequest__Output } from './aiaas/v1/StopShadowRequest';
import type { Tensor as _aiaas_v1_Tensor, Tensor__Output as _aiaas_v1_Tensor__Output } from './aiaas/v1/Tensor';
import type { TextEncoding as _aiaas_v1_TextEncoding, TextEncoding__Output as _aiaas_v1_TextEncoding__Output } from './aiaas/v1/TextEncoding';
import type { TextModel as _aiaas_v1_TextModel, TextModel__Output as _aiaas_v1_TextModel__Output } from './aiaas/v1/TextModel';
import type { TextStatistics as _aiaas_v1_TextStatistics, TextStatistics__Output as _aiaas_v1_TextStatistics__Output } from './aiaas/v1/TextStatistics';
import type { TrainingSpec as _aiaas_v1_TrainingSpec, TrainingSpec__Output as _aiaas_v1_TrainingSpec__Output } from './aiaas/v1/TrainingSpec';
import type { TrainingSummary as _aiaas_v1_TrainingSummary, TrainingSummary__Output as _aiaas_v1_TrainingSummary__Output } from './aiaas/v1/TrainingSummary';
import type { TransformRecordsRequest as _aiaas_v1_TransformRecordsRequest, TransformRecordsRequest__Output as _aiaas_v1_TransformRecordsRequest__Output } from './aiaas/v1/TransformRecordsRequest';
import type { TransformRecordsResponse as _aiaas_v1_TransformRecordsResponse, TransformRecordsResponse__Output as _aiaas_v1_TransformRecordsResponse__Output } from './aiaas/v1/TransformRecordsResponse';
import type { TuningSpec as _aiaas_v1_TuningSpec, TuningSpec__Output as _aiaas_v1_TuningSpec__Output } from './aiaas/v1/TuningSpec';
import type { UploadDatasetHeader as _aiaas_v1_UploadDatasetHeader, UploadDatasetHeader__Output as _aiaas_v1_UploadDatasetHeader__Output } from './aiaas/v1/UploadDatasetHeader';
import type { UploadDatasetRequest as _aiaas_v1_UploadDatasetRequest, UploadDatasetRequest__Output as _aiaas_v1_UploadDatasetRequest__Output } from './aiaas/v1/UploadDatasetRequest';
import type { Value as _aiaas_v1_Value, Value__Output as _aiaas_v1_Value__Output } from './aiaas/v1/Value';
import type { ValueCount as _aiaas_v1_ValueCount, ValueCount__Output as _aiaas_v1_ValueCount__Output } from './aiaas/v1/ValueCount';
import type { VersionPolicy as _aiaas_v1_VersionPolicy, VersionPolicy__Output as _aiaas_v1_VersionPolicy__Output } from './aiaas/v1/VersionPolicy';
import type { WatchJobRequest as _aiaas_v1_WatchJobRequest, WatchJobRequest__Output as _aiaas_v1_WatchJobRequest__Output } from './aiaas/v1/WatchJobRequest';
import type { WorkerInfo as _aiaas_v1_WorkerInfo, WorkerInfo__Output as _aiaas_v1_WorkerInfo__Output } from './aiaas/v1/WorkerInfo';
import type { ZScoreClipping as _aiaas_v1_ZScoreClipping, ZScoreClipping__Output as _aiaas_v1_ZScoreClipping__Output } from './aiaas/v1/ZScoreClipping';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  aiaas: {
    v1: {
      Activation: EnumTypeDefinition
      AdagradOptimizer: MessageTypeDefinition<_aiaas_v1_AdagradOptimizer, _aiaas_v1_AdagradOptimizer__Output>
      AdamOptimizer: MessageTypeDefinition<_aiaas_v1_AdamOptimizer, _aiaas_v1_AdamOptimizer__Output>
      Anomaly: MessageTypeDefinition<_aiaas_v1_Anomaly, _aiaas_v1_Anomaly__Output>
      AnomalyKind: EnumTypeDefinition
      AnomalyPolicy: EnumTypeDefinition
      ApiKey: MessageTypeDefinition<_aiaas_v1_ApiKey, _aiaas_v1_ApiKey__Output>
      BackendSupport: MessageTypeDefinition<_aiaas_v1_BackendSupport, _aiaas_v1_BackendSupport__Output>
      BooleanStatistics: MessageTypeDefinition<_aiaas_v1_BooleanStatistics, _aiaas_v1_BooleanStatistics__Output>
      CancelJobRequest: MessageTypeDefinition<_aiaas_v1_CancelJobRequest, _aiaas_v1_CancelJobRequest__Output>
      CategoricalEncoding: MessageTypeDefinition<_aiaas_v1_CategoricalEncoding, _aiaas_v1_CategoricalEncoding__Output>
      ClassMetrics: MessageTypeDefinition<_aiaas_v1_ClassMetrics, _aiaas_v1_ClassMetrics__Output>
      ClassWeightMap: MessageTypeDefinition<_aiaas_v1_ClassWeightMap, _aiaas_v1_ClassWeightMap__Output>
      ClassificationMetrics: MessageTypeDefinition<_aiaas_v1_ClassificationMetrics, _aiaas_v1_ClassificationMetrics__Output>
      ColumnPreprocessing: MessageTypeDefinition<_aiaas_v1_ColumnPreprocessing, _aiaas_v1_ColumnPreprocessing__Output>
      ColumnStatistics: MessageTypeDefinition<_aiaas_v1_ColumnStatistics, _aiaas_v1_ColumnStatistics__Output>
      ColumnSummary: MessageTypeDefinition<_aiaas_v1_ColumnSummary, _aiaas_v1_ColumnSummary__Output>
      ColumnType: EnumTypeDefinition
      Comparison: MessageTypeDefinition<_aiaas_v1_Comparison, _aiaas_v1_Comparison__Output>
      Conv1dEncoder: MessageTypeDefinition<_aiaas_v1_Conv1dEncoder, _aiaas_v1_Conv1dEncoder__Output>
      CosineSchedule: MessageTypeDefinition<_aiaas_v1_CosineSchedule, _aiaas_v1_CosineSchedule__Output>
      CreateApiKeyRequest: MessageTypeDefinition<_aiaas_v1_CreateApiKeyRequest, _aiaas_v1_CreateApiKeyRequest__Output>
      CreatedApiKey: MessageTypeDefinition<_aiaas_v1_CreatedApiKey, _aiaas_v1_CreatedApiKey__Output>
      DataFormat: EnumTypeDefinition
      DataType: EnumTypeDefinition
      Dataset: MessageTypeDefinition<_aiaas_v1_Dataset, _aiaas_v1_Dataset__Output>
      DatasetStatistics: MessageTypeDefinition<_aiaas_v1_DatasetStatistics, _aiaas_v1_DatasetStatistics__Output>
      DeclaredColumn: MessageTypeDefinition<_aiaas_v1_DeclaredColumn, _aiaas_v1_DeclaredColumn__Output>
      DenseLayer: MessageTypeDefinition<_aiaas_v1_DenseLayer, _aiaas_v1_DenseLayer__Output>
      DescribeWorkerRequest: MessageTypeDefinition<_aiaas_v1_DescribeWorkerRequest, _aiaas_v1_DescribeWorkerRequest__Output>
      EarlyStopping: MessageTypeDefinition<_aiaas_v1_EarlyStopping, _aiaas_v1_EarlyStopping__Output>
      EpochEnded: MessageTypeDefinition<_aiaas_v1_EpochEnded, _aiaas_v1_EpochEnded__Output>
      EvaluateModelRequest: MessageTypeDefinition<_aiaas_v1_EvaluateModelRequest, _aiaas_v1_EvaluateModelRequest__Output>
      Evaluation: MessageTypeDefinition<_aiaas_v1_Evaluation, _aiaas_v1_Evaluation__Output>
      EvaluationService: SubtypeConstructor<typeof grpc.Client, _aiaas_v1_EvaluationServiceClient> & { service: _aiaas_v1_EvaluationServiceDefinition }
      EvaluationSpec: MessageTypeDefinition<_aiaas_v1_EvaluationSpec, _aiaas_v1_EvaluationSpec__Output>
      ExponentialSchedule: MessageTypeDefinition<_aiaas_v1_ExponentialSchedule, _aiaas_v1_ExponentialSchedule__Output>
      ExportModelRequest: MessageTypeDefinition<_aiaas_v1_ExportModelRequest, _aiaas_v1_ExportModelRequest__Output>
      ExportedTensor: MessageTypeDefinition<_aiaas_v1_ExportedTensor, _aiaas_v1_ExportedTensor__Output>
      GatewayService: SubtypeConstructor<typeof grpc.Client, _aiaas_v1_GatewayServiceClient> & { service: _aiaas_v1_GatewayServiceDefinition }
      GetDatasetRequest: MessageTypeDefinition<_aiaas_v1_GetDatasetRequest, _aiaas_v1_GetDatasetRequest__Output>
      GetDatasetStatsRequest: MessageTypeDefinition<_aiaas_v1_GetDatasetStatsRequest, _aiaas_v1_GetDatasetStatsRequest__Output>
      GetJobRequest: MessageTypeDefinition<_aiaas_v1_GetJobRequest, _aiaas_v1_GetJobRequest__Output>
      GetModelReportRequest: MessageTypeDefinition<_aiaas_v1_GetModelReportRequest, _aiaas_v1_GetModelReportRequest__Output>
      GetModelRequest: MessageTypeDefinition<_aiaas_v1_GetModelRequest, _aiaas_v1_GetModelRequest__Output>
      IdEncoding: MessageTypeDefinition<_aiaas_v1_IdEncoding, _aiaas_v1_IdEncoding__Output>
      ImplicitFeedback: MessageTypeDefinition<_aiaas_v1_ImplicitFeedback, _aiaas_v1_ImplicitFeedback__Output>
      ImportDatasetRequest: MessageTypeDefinition<_aiaas_v1_ImportDatasetRequest, _aiaas_v1_ImportDatasetRequest__Output>
      Imputation: MessageTypeDefinition<_aiaas_v1_Imputation, _aiaas_v1_Imputation__Output>
      Job: MessageTypeDefinition<_aiaas_v1_Job, _aiaas_v1_Job__Output>
      JobEvent: MessageTypeDefinition<_aiaas_v1_JobEvent, _aiaas_v1_JobEvent__Output>
      JobFinished: MessageTypeDefinition<_aiaas_v1_JobFinished, _aiaas_v1_JobFinished__Output>
      JobState: EnumTypeDefinition
      LatencySummary: MessageTypeDefinition<_aiaas_v1_LatencySummary, _aiaas_v1_LatencySummary__Output>
      LengthBucket: MessageTypeDefinition<_aiaas_v1_LengthBucket, _aiaas_v1_LengthBucket__Output>
      ListApiKeysRequest: MessageTypeDefinition<_aiaas_v1_ListApiKeysRequest, _aiaas_v1_ListApiKeysRequest__Output>
      ListApiKeysResponse: MessageTypeDefinition<_aiaas_v1_ListApiKeysResponse, _aiaas_v1_ListApiKeysResponse__Output>
      ListDatasetsResponse: MessageTypeDefinition<_aiaas_v1_ListDatasetsResponse, _aiaas_v1_ListDatasetsResponse__Output>
      ListJobsResponse: MessageTypeDefinition<_aiaas_v1_ListJobsResponse, _aiaas_v1_ListJobsResponse__Output>
      ListModelsRequest: MessageTypeDefinition<_aiaas_v1_ListModelsRequest, _aiaas_v1_ListModelsRequest__Output>
      ListModelsResponse: MessageTypeDefinition<_aiaas_v1_ListModelsResponse, _aiaas_v1_ListModelsResponse__Output>
      ListRequest: MessageTypeDefinition<_aiaas_v1_ListRequest, _aiaas_v1_ListRequest__Output>
      Loss: EnumTypeDefinition
      MetricThreshold: MessageTypeDefinition<_aiaas_v1_MetricThreshold, _aiaas_v1_MetricThreshold__Output>
      MetricTolerance: MessageTypeDefinition<_aiaas_v1_MetricTolerance, _aiaas_v1_MetricTolerance__Output>
      MlpModel: MessageTypeDefinition<_aiaas_v1_MlpModel, _aiaas_v1_MlpModel__Output>
      Model: MessageTypeDefinition<_aiaas_v1_Model, _aiaas_v1_Model__Output>
      ModelExport: MessageTypeDefinition<_aiaas_v1_ModelExport, _aiaas_v1_ModelExport__Output>
      ModelReport: MessageTypeDefinition<_aiaas_v1_ModelReport, _aiaas_v1_ModelReport__Output>
      ModelVersion: MessageTypeDefinition<_aiaas_v1_ModelVersion, _aiaas_v1_ModelVersion__Output>
      ModelVersionStatus: EnumTypeDefinition
      MonitoredMetric: EnumTypeDefinition
      NamedTensor: MessageTypeDefinition<_aiaas_v1_NamedTensor, _aiaas_v1_NamedTensor__Output>
      NumericEncoding: MessageTypeDefinition<_aiaas_v1_NumericEncoding, _aiaas_v1_NumericEncoding__Output>
      NumericStatistics: MessageTypeDefinition<_aiaas_v1_NumericStatistics, _aiaas_v1_NumericStatistics__Output>
      OutlierClipping: MessageTypeDefinition<_aiaas_v1_OutlierClipping, _aiaas_v1_OutlierClipping__Output>
      ParameterRange: MessageTypeDefinition<_aiaas_v1_ParameterRange, _aiaas_v1_ParameterRange__Output>
      ParameterSearch: MessageTypeDefinition<_aiaas_v1_ParameterSearch, _aiaas_v1_ParameterSearch__Output>
      Pooling: EnumTypeDefinition
      PoolingEncoder: MessageTypeDefinition<_aiaas_v1_PoolingEncoder, _aiaas_v1_PoolingEncoder__Output>
      PredictRequest: MessageTypeDefinition<_aiaas_v1_PredictRequest, _aiaas_v1_PredictRequest__Output>
      PredictResponse: MessageTypeDefinition<_aiaas_v1_PredictResponse, _aiaas_v1_PredictResponse__Output>
      PreprocessingSpec: MessageTypeDefinition<_aiaas_v1_PreprocessingSpec, _aiaas_v1_PreprocessingSpec__Output>
      PreviewDatasetRequest: MessageTypeDefinition<_aiaas_v1_PreviewDatasetRequest, _aiaas_v1_PreviewDatasetRequest__Output>
      PreviewDatasetResponse: MessageTypeDefinition<_aiaas_v1_PreviewDatasetResponse, _aiaas_v1_PreviewDatasetResponse__Output>
      PreviewRow: MessageTypeDefinition<_aiaas_v1_PreviewRow, _aiaas_v1_PreviewRow__Output>
      Promotion: EnumTypeDefinition
      QuantileClipping: MessageTypeDefinition<_aiaas_v1_QuantileClipping, _aiaas_v1_QuantileClipping__Output>
      RecommendRequest: MessageTypeDefinition<_aiaas_v1_RecommendRequest, _aiaas_v1_RecommendRequest__Output>
      RecommendResponse: MessageTypeDefinition<_aiaas_v1_RecommendResponse, _aiaas_v1_RecommendResponse__Output>
      RecommenderModel: MessageTypeDefinition<_aiaas_v1_RecommenderModel, _aiaas_v1_RecommenderModel__Output>
      Record: MessageTypeDefinition<_aiaas_v1_Record, _aiaas_v1_Record__Output>
      RecordBatch: MessageTypeDefinition<_aiaas_v1_RecordBatch, _aiaas_v1_RecordBatch__Output>
      RegressionMetrics: MessageTypeDefinition<_aiaas_v1_RegressionMetrics, _aiaas_v1_RegressionMetrics__Output>
      RevokeApiKeyRequest: MessageTypeDefinition<_aiaas_v1_RevokeApiKeyRequest, _aiaas_v1_RevokeApiKeyRequest__Output>
      RmspropOptimizer: MessageTypeDefinition<_aiaas_v1_RmspropOptimizer, _aiaas_v1_RmspropOptimizer__Output>
      RnnCell: EnumTypeDefinition
      RnnEncoder: MessageTypeDefinition<_aiaas_v1_RnnEncoder, _aiaas_v1_RnnEncoder__Output>
      Role: EnumTypeDefinition
      RollbackAliasRequest: MessageTypeDefinition<_aiaas_v1_RollbackAliasRequest, _aiaas_v1_RollbackAliasRequest__Output>
      ScoredItem: MessageTypeDefinition<_aiaas_v1_ScoredItem, _aiaas_v1_ScoredItem__Output>
      Seq2seqModel: MessageTypeDefinition<_aiaas_v1_Seq2seqModel, _aiaas_v1_Seq2seqModel__Output>
      SequenceMetrics: MessageTypeDefinition<_aiaas_v1_SequenceMetrics, _aiaas_v1_SequenceMetrics__Output>
      SetAliasRequest: MessageTypeDefinition<_aiaas_v1_SetAliasRequest, _aiaas_v1_SetAliasRequest__Output>
      SetTrafficSplitRequest: MessageTypeDefinition<_aiaas_v1_SetTrafficSplitRequest, _aiaas_v1_SetTrafficSplitRequest__Output>
      SetVersionPolicyRequest: MessageTypeDefinition<_aiaas_v1_SetVersionPolicyRequest, _aiaas_v1_SetVersionPolicyRequest__Output>
      SgdOptimizer: MessageTypeDefinition<_aiaas_v1_SgdOptimizer, _aiaas_v1_SgdOptimizer__Output>
      ShadowDeployment: MessageTypeDefinition<_aiaas_v1_ShadowDeployment, _aiaas_v1_ShadowDeployment__Output>
      ShadowState: EnumTypeDefinition
      ShadowTolerance: MessageTypeDefinition<_aiaas_v1_ShadowTolerance, _aiaas_v1_ShadowTolerance__Output>
      SliceMetrics: MessageTypeDefinition<_aiaas_v1_SliceMetrics, _aiaas_v1_SliceMetrics__Output>
      SplitSpec: MessageTypeDefinition<_aiaas_v1_SplitSpec, _aiaas_v1_SplitSpec__Output>
      Stage: EnumTypeDefinition
      StageCompleted: MessageTypeDefinition<_aiaas_v1_StageCompleted, _aiaas_v1_StageCompleted__Output>
      StageFailed: MessageTypeDefinition<_aiaas_v1_StageFailed, _aiaas_v1_StageFailed__Output>
      StageProgress: MessageTypeDefinition<_aiaas_v1_StageProgress, _aiaas_v1_StageProgress__Output>
      StageStarted: MessageTypeDefinition<_aiaas_v1_StageStarted, _aiaas_v1_StageStarted__Output>
      StageStatus: MessageTypeDefinition<_aiaas_v1_StageStatus, _aiaas_v1_StageStatus__Output>
      StartPipelineRequest: MessageTypeDefinition<_aiaas_v1_StartPipelineRequest, _aiaas_v1_StartPipelineRequest__Output>
      StartShadowRequest: MessageTypeDefinition<_aiaas_v1_StartShadowRequest, _aiaas_v1_StartShadowRequest__Output>
      StepSchedule: MessageTypeDefinition<_aiaas_v1_StepSchedule, _aiaas_v1_StepSchedule__Output>
      StopShadowRequest: MessageTypeDefinition<_aiaas_v1_StopShadowRequest, _aiaas_v1_StopShadowRequest__Output>
      Task: EnumTypeDefinition
      Tensor: MessageTypeDefinition<_aiaas_v1_Tensor, _aiaas_v1_Tensor__Output>
      TextEncoding: MessageTypeDefinition<_aiaas_v1_TextEncoding, _aiaas_v1_TextEncoding__Output>
      TextModel: MessageTypeDefinition<_aiaas_v1_TextModel, _aiaas_v1_TextModel__Output>
      TextStatistics: MessageTypeDefinition<_aiaas_v1_TextStatistics, _aiaas_v1_TextStatistics__Output>
      TrainingSpec: MessageTypeDefinition<_aiaas_v1_TrainingSpec, _aiaas_v1_TrainingSpec__Output>
      TrainingSummary: MessageTypeDefinition<_aiaas_v1_TrainingSummary, _aiaas_v1_TrainingSummary__Output>
      TransformRecordsRequest: MessageTypeDefinition<_aiaas_v1_TransformRecordsRequest, _aiaas_v1_TransformRecordsRequest__Output>
      TransformRecordsResponse: MessageTypeDefinition<_aiaas_v1_TransformRecordsResponse, _aiaas_v1_TransformRecordsResponse__Output>
      TuningSpec: MessageTypeDefinition<_aiaas_v1_TuningSpec, _aiaas_v1_TuningSpec__Output>
      UploadDatasetHeader: MessageTypeDefinition<_aiaas_v1_UploadDatasetHeader, _aiaas_v1_UploadDatasetHeader__Output>
      UploadDatasetRequest: MessageTypeDefinition<_aiaas_v1_UploadDatasetRequest, _aiaas_v1_UploadDatasetRequest__Output>
      Value: MessageTypeDefinition<_aiaas_v1_Value, _aiaas_v1_Value__Output>
      ValueCount: MessageTypeDefinition<_aiaas_v1_ValueCount, _aiaas_v1_ValueCount__Output>
      VersionPolicy: MessageTypeDefinition<_aiaas_v1_VersionPolicy, _aiaas_v1_VersionPolicy__Output>
      WatchJobRequest: MessageTypeDefinition<_aiaas_v1_WatchJobRequest, _aiaas_v1_WatchJobRequest__Output>
      WorkerInfo: MessageTypeDefinition<_aiaas_v1_WorkerInfo, _aiaas_v1_WorkerInfo__Output>
      ZScoreClipping: MessageTypeDefinition<_aiaas_v1_ZScoreClipping, _aiaas_v1_ZScoreClipping__Output>
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

