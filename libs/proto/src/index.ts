/**
 * The platform's contracts: loads `protos/aiaas/v1` (and the Open Inference Protocol's
 * `protos/inference`) with the shared loader options, exposes
 * the generated message types, and provides typed clients that always set a deadline, retry
 * only retryable codes of idempotent calls, and turn statuses back into platform errors.
 *
 * @example
 * ```ts
 * import { GatewayClient } from '@aiaas/proto';
 * const gateway = new GatewayClient('localhost:50051');
 * for (const model of await gateway.listModels()) console.log(model.name, model.aliases);
 * gateway.close();
 * ```
 */
export { DEFAULT_CALL_POLICY, invokeUnary, RETRYABLE_CODES } from './call-policy';
export type { CallPolicy, UnaryStarter } from './call-policy';
export { invokeClientStream, readServerStream } from './client-streams';
export { EvaluationClient, GatewayClient, InferenceClient, PreprocessingClient, WorkerClient } from './clients';
export type { ClientOptions } from './clients';
export { HealthClient } from './health-client';
export type { HealthStatus } from './health-client';
export { aiaasProtoFiles, loadAiaasProtos, loadOipProtos, oipProtoFiles, PROTO_LOADER_OPTIONS, PROTO_ROOT } from './proto-loader';
export type { AiaasGrpcObject, AiaasProtos, OipGrpcObject, OipProtos } from './proto-loader';
export { timestampToMillis, toTimestamp } from './timestamps';

export { ColumnType } from './generated/aiaas/v1/ColumnType';
export type { ColumnType__Output } from './generated/aiaas/v1/ColumnType';
export { DataType } from './generated/aiaas/v1/DataType';
export type { DataType__Output } from './generated/aiaas/v1/DataType';
export { JobState } from './generated/aiaas/v1/JobState';
export type { JobState__Output } from './generated/aiaas/v1/JobState';
export { ModelVersionStatus } from './generated/aiaas/v1/ModelVersionStatus';
export type { ModelVersionStatus__Output } from './generated/aiaas/v1/ModelVersionStatus';
export { Stage } from './generated/aiaas/v1/Stage';
export type { Stage__Output } from './generated/aiaas/v1/Stage';
export type { ClassMetrics, ClassMetrics__Output } from './generated/aiaas/v1/ClassMetrics';
export type { ClassificationMetrics, ClassificationMetrics__Output } from './generated/aiaas/v1/ClassificationMetrics';
export type { RegressionMetrics, RegressionMetrics__Output } from './generated/aiaas/v1/RegressionMetrics';
export type { SequenceMetrics, SequenceMetrics__Output } from './generated/aiaas/v1/SequenceMetrics';
export type { TrainingSummary, TrainingSummary__Output } from './generated/aiaas/v1/TrainingSummary';
export type { BackendSupport, BackendSupport__Output } from './generated/aiaas/v1/BackendSupport';
export type { ColumnSummary, ColumnSummary__Output } from './generated/aiaas/v1/ColumnSummary';
export type { Dataset, Dataset__Output } from './generated/aiaas/v1/Dataset';
export type { DescribeWorkerRequest, DescribeWorkerRequest__Output } from './generated/aiaas/v1/DescribeWorkerRequest';
export type { EpochEnded, EpochEnded__Output } from './generated/aiaas/v1/EpochEnded';
export type { GetDatasetRequest, GetDatasetRequest__Output } from './generated/aiaas/v1/GetDatasetRequest';
export type { CancelJobRequest, CancelJobRequest__Output } from './generated/aiaas/v1/CancelJobRequest';
export type { GetJobRequest, GetJobRequest__Output } from './generated/aiaas/v1/GetJobRequest';
export type { GetModelRequest, GetModelRequest__Output } from './generated/aiaas/v1/GetModelRequest';
export type { SetTrafficSplitRequest, SetTrafficSplitRequest__Output } from './generated/aiaas/v1/SetTrafficSplitRequest';
export type { StartShadowRequest, StartShadowRequest__Output } from './generated/aiaas/v1/StartShadowRequest';
export type { StopShadowRequest, StopShadowRequest__Output } from './generated/aiaas/v1/StopShadowRequest';
export type { ApiKey, ApiKey__Output } from './generated/aiaas/v1/ApiKey';
export type { CreateApiKeyRequest, CreateApiKeyRequest__Output } from './generated/aiaas/v1/CreateApiKeyRequest';
export type { CreatedApiKey, CreatedApiKey__Output } from './generated/aiaas/v1/CreatedApiKey';
export type { ListApiKeysRequest, ListApiKeysRequest__Output } from './generated/aiaas/v1/ListApiKeysRequest';
export type { ListApiKeysResponse, ListApiKeysResponse__Output } from './generated/aiaas/v1/ListApiKeysResponse';
export type { RevokeApiKeyRequest, RevokeApiKeyRequest__Output } from './generated/aiaas/v1/RevokeApiKeyRequest';
export { Role } from './generated/aiaas/v1/Role';
export type { Role__Output } from './generated/aiaas/v1/Role';
export type { ListRequest, ListRequest__Output } from './generated/aiaas/v1/ListRequest';
export type { ListDatasetsResponse__Output } from './generated/aiaas/v1/ListDatasetsResponse';
export type { ListJobsResponse__Output } from './generated/aiaas/v1/ListJobsResponse';
export type { SetAliasRequest, SetAliasRequest__Output } from './generated/aiaas/v1/SetAliasRequest';
export type { RollbackAliasRequest, RollbackAliasRequest__Output } from './generated/aiaas/v1/RollbackAliasRequest';
export type { SetVersionPolicyRequest, SetVersionPolicyRequest__Output } from './generated/aiaas/v1/SetVersionPolicyRequest';
export type { VersionPolicy as VersionPolicyMessage, VersionPolicy__Output as VersionPolicyMessage__Output } from './generated/aiaas/v1/VersionPolicy';
export type { ShadowDeployment, ShadowDeployment__Output } from './generated/aiaas/v1/ShadowDeployment';
export type { ShadowTolerance, ShadowTolerance__Output } from './generated/aiaas/v1/ShadowTolerance';
export type { LatencySummary, LatencySummary__Output } from './generated/aiaas/v1/LatencySummary';
export { ShadowState } from './generated/aiaas/v1/ShadowState';
export type { ShadowState__Output } from './generated/aiaas/v1/ShadowState';
export type { Job, Job__Output } from './generated/aiaas/v1/Job';
export type { JobEvent, JobEvent__Output } from './generated/aiaas/v1/JobEvent';
export type { JobFinished, JobFinished__Output } from './generated/aiaas/v1/JobFinished';
export type { ListLoadedModelsRequest, ListLoadedModelsRequest__Output } from './generated/aiaas/v1/ListLoadedModelsRequest';
export type { ListLoadedModelsResponse, ListLoadedModelsResponse__Output } from './generated/aiaas/v1/ListLoadedModelsResponse';
export type { ListModelsRequest, ListModelsRequest__Output } from './generated/aiaas/v1/ListModelsRequest';
export type { ListModelsResponse, ListModelsResponse__Output } from './generated/aiaas/v1/ListModelsResponse';
export type { LoadModelRequest, LoadModelRequest__Output } from './generated/aiaas/v1/LoadModelRequest';
export type { LoadedModel, LoadedModel__Output } from './generated/aiaas/v1/LoadedModel';
export type { Model, Model__Output } from './generated/aiaas/v1/Model';
export type { ModelVersion, ModelVersion__Output } from './generated/aiaas/v1/ModelVersion';
export type { PredictRequest, PredictRequest__Output } from './generated/aiaas/v1/PredictRequest';
export type { PredictResponse, PredictResponse__Output } from './generated/aiaas/v1/PredictResponse';
export type { Record, Record__Output } from './generated/aiaas/v1/Record';
export type { RecordBatch, RecordBatch__Output } from './generated/aiaas/v1/RecordBatch';
export type { SplitSpec, SplitSpec__Output } from './generated/aiaas/v1/SplitSpec';
export type { StageCompleted, StageCompleted__Output } from './generated/aiaas/v1/StageCompleted';
export type { StageFailed, StageFailed__Output } from './generated/aiaas/v1/StageFailed';
export type { StageProgress, StageProgress__Output } from './generated/aiaas/v1/StageProgress';
export type { StageStarted, StageStarted__Output } from './generated/aiaas/v1/StageStarted';
export type { StageStatus, StageStatus__Output } from './generated/aiaas/v1/StageStatus';
export type { StartPipelineRequest, StartPipelineRequest__Output } from './generated/aiaas/v1/StartPipelineRequest';
export type { Tensor, Tensor__Output } from './generated/aiaas/v1/Tensor';
export type { TrainingSpec, TrainingSpec__Output } from './generated/aiaas/v1/TrainingSpec';
export type { TuningSpec, TuningSpec__Output } from './generated/aiaas/v1/TuningSpec';
export type { RecommendRequest, RecommendRequest__Output } from './generated/aiaas/v1/RecommendRequest';
export type { RecommendResponse, RecommendResponse__Output } from './generated/aiaas/v1/RecommendResponse';
export type { ScoredItem, ScoredItem__Output } from './generated/aiaas/v1/ScoredItem';
export type { ParameterSearch, ParameterSearch__Output } from './generated/aiaas/v1/ParameterSearch';
export type { ParameterRange, ParameterRange__Output } from './generated/aiaas/v1/ParameterRange';
export type { Activation__Output } from './generated/aiaas/v1/Activation';
export type { AdagradOptimizer, AdagradOptimizer__Output } from './generated/aiaas/v1/AdagradOptimizer';
export type { AdamOptimizer, AdamOptimizer__Output } from './generated/aiaas/v1/AdamOptimizer';
export type { ClassWeightMap, ClassWeightMap__Output } from './generated/aiaas/v1/ClassWeightMap';
export type { Conv1dEncoder, Conv1dEncoder__Output } from './generated/aiaas/v1/Conv1dEncoder';
export type { CosineSchedule, CosineSchedule__Output } from './generated/aiaas/v1/CosineSchedule';
export type { DenseLayer, DenseLayer__Output } from './generated/aiaas/v1/DenseLayer';
export type { EarlyStopping, EarlyStopping__Output } from './generated/aiaas/v1/EarlyStopping';
export type { ExponentialSchedule, ExponentialSchedule__Output } from './generated/aiaas/v1/ExponentialSchedule';
export type { ImplicitFeedback, ImplicitFeedback__Output } from './generated/aiaas/v1/ImplicitFeedback';
export type { Loss__Output } from './generated/aiaas/v1/Loss';
export type { MlpModel, MlpModel__Output } from './generated/aiaas/v1/MlpModel';
export type { MonitoredMetric__Output } from './generated/aiaas/v1/MonitoredMetric';
export type { Pooling__Output } from './generated/aiaas/v1/Pooling';
export type { PoolingEncoder, PoolingEncoder__Output } from './generated/aiaas/v1/PoolingEncoder';
export type { RecommenderModel, RecommenderModel__Output } from './generated/aiaas/v1/RecommenderModel';
export type { RmspropOptimizer, RmspropOptimizer__Output } from './generated/aiaas/v1/RmspropOptimizer';
export type { RnnCell__Output } from './generated/aiaas/v1/RnnCell';
export type { RnnEncoder, RnnEncoder__Output } from './generated/aiaas/v1/RnnEncoder';
export type { SgdOptimizer, SgdOptimizer__Output } from './generated/aiaas/v1/SgdOptimizer';
export type { StepSchedule, StepSchedule__Output } from './generated/aiaas/v1/StepSchedule';
export type { TextModel, TextModel__Output } from './generated/aiaas/v1/TextModel';
export type { Seq2seqModel, Seq2seqModel__Output } from './generated/aiaas/v1/Seq2seqModel';
export type { UnloadModelRequest, UnloadModelRequest__Output } from './generated/aiaas/v1/UnloadModelRequest';
export type { UnloadModelResponse, UnloadModelResponse__Output } from './generated/aiaas/v1/UnloadModelResponse';
export type { UploadDatasetHeader, UploadDatasetHeader__Output } from './generated/aiaas/v1/UploadDatasetHeader';
export type { UploadDatasetRequest, UploadDatasetRequest__Output } from './generated/aiaas/v1/UploadDatasetRequest';
export type { Value, Value__Output } from './generated/aiaas/v1/Value';
export type { WatchJobRequest, WatchJobRequest__Output } from './generated/aiaas/v1/WatchJobRequest';
export type { WorkerInfo, WorkerInfo__Output } from './generated/aiaas/v1/WorkerInfo';
export type { EvaluationServiceClient, EvaluationServiceHandlers } from './generated/aiaas/v1/EvaluationService';
export type { ExportModelRequest, ExportModelRequest__Output } from './generated/aiaas/v1/ExportModelRequest';
export type { ExportedTensor, ExportedTensor__Output } from './generated/aiaas/v1/ExportedTensor';
export type { ModelExport, ModelExport__Output } from './generated/aiaas/v1/ModelExport';
export type { Comparison, Comparison__Output } from './generated/aiaas/v1/Comparison';
export type { EvaluateModelRequest, EvaluateModelRequest__Output } from './generated/aiaas/v1/EvaluateModelRequest';
export type { Evaluation, Evaluation__Output } from './generated/aiaas/v1/Evaluation';
export type { EvaluationSpec, EvaluationSpec__Output } from './generated/aiaas/v1/EvaluationSpec';
export type { GetModelReportRequest, GetModelReportRequest__Output } from './generated/aiaas/v1/GetModelReportRequest';
export type { MetricThreshold, MetricThreshold__Output } from './generated/aiaas/v1/MetricThreshold';
export type { MetricTolerance, MetricTolerance__Output } from './generated/aiaas/v1/MetricTolerance';
export type { ModelReport, ModelReport__Output } from './generated/aiaas/v1/ModelReport';
export type { Promotion__Output } from './generated/aiaas/v1/Promotion';
export type { SliceMetrics, SliceMetrics__Output } from './generated/aiaas/v1/SliceMetrics';
export type { GatewayServiceClient, GatewayServiceHandlers } from './generated/aiaas/v1/GatewayService';
export type { InferenceServiceClient, InferenceServiceHandlers } from './generated/aiaas/v1/InferenceService';
export type { PreprocessingServiceClient, PreprocessingServiceHandlers } from './generated/aiaas/v1/PreprocessingService';
export type { TrainingServiceClient, TrainingServiceHandlers } from './generated/aiaas/v1/TrainingService';
export type { Timestamp, Timestamp__Output } from './generated/google/protobuf/Timestamp';
export { AnomalyKind } from './generated/aiaas/v1/AnomalyKind';
export type { AnomalyKind__Output } from './generated/aiaas/v1/AnomalyKind';
export { AnomalyPolicy } from './generated/aiaas/v1/AnomalyPolicy';
export type { AnomalyPolicy__Output } from './generated/aiaas/v1/AnomalyPolicy';
export { DataFormat } from './generated/aiaas/v1/DataFormat';
export type { DataFormat__Output } from './generated/aiaas/v1/DataFormat';
export { Task } from './generated/aiaas/v1/Task';
export type { Task__Output } from './generated/aiaas/v1/Task';
export type { Anomaly, Anomaly__Output } from './generated/aiaas/v1/Anomaly';
export type { ColumnPreprocessing, ColumnPreprocessing__Output } from './generated/aiaas/v1/ColumnPreprocessing';
export type { ColumnStatistics, ColumnStatistics__Output } from './generated/aiaas/v1/ColumnStatistics';
export type { DatasetStatistics, DatasetStatistics__Output } from './generated/aiaas/v1/DatasetStatistics';
export type { DeclaredColumn, DeclaredColumn__Output } from './generated/aiaas/v1/DeclaredColumn';
export type { GetDatasetStatsRequest, GetDatasetStatsRequest__Output } from './generated/aiaas/v1/GetDatasetStatsRequest';
export type { ImportDatasetRequest, ImportDatasetRequest__Output } from './generated/aiaas/v1/ImportDatasetRequest';
export type { Imputation, Imputation__Output } from './generated/aiaas/v1/Imputation';
export type { OutlierClipping, OutlierClipping__Output } from './generated/aiaas/v1/OutlierClipping';
export type { PreprocessingSpec, PreprocessingSpec__Output } from './generated/aiaas/v1/PreprocessingSpec';
export type { PreviewDatasetRequest, PreviewDatasetRequest__Output } from './generated/aiaas/v1/PreviewDatasetRequest';
export type { PreviewDatasetResponse, PreviewDatasetResponse__Output } from './generated/aiaas/v1/PreviewDatasetResponse';
export type { PreviewRow, PreviewRow__Output } from './generated/aiaas/v1/PreviewRow';
export type { TextEncoding, TextEncoding__Output } from './generated/aiaas/v1/TextEncoding';
export type { NumericEncoding, NumericEncoding__Output } from './generated/aiaas/v1/NumericEncoding';
export type { CategoricalEncoding, CategoricalEncoding__Output } from './generated/aiaas/v1/CategoricalEncoding';
export type { IdEncoding, IdEncoding__Output } from './generated/aiaas/v1/IdEncoding';
export type { TransformRecordsRequest, TransformRecordsRequest__Output } from './generated/aiaas/v1/TransformRecordsRequest';
export type { TransformRecordsResponse, TransformRecordsResponse__Output } from './generated/aiaas/v1/TransformRecordsResponse';
export type { NamedTensor, NamedTensor__Output } from './generated/aiaas/v1/NamedTensor';

// Open Inference Protocol v2 (package `inference`).
export type { GRPCInferenceServiceClient, GRPCInferenceServiceHandlers } from './generated/inference/GRPCInferenceService';
export type { InferParameter, InferParameter__Output } from './generated/inference/InferParameter';
export type { InferTensorContents, InferTensorContents__Output } from './generated/inference/InferTensorContents';
export type {
  ModelInferRequest,
  ModelInferRequest__Output,
  _inference_ModelInferRequest_InferInputTensor as InferInputTensor,
  _inference_ModelInferRequest_InferInputTensor__Output as InferInputTensor__Output,
  _inference_ModelInferRequest_InferRequestedOutputTensor as InferRequestedOutputTensor,
  _inference_ModelInferRequest_InferRequestedOutputTensor__Output as InferRequestedOutputTensor__Output,
} from './generated/inference/ModelInferRequest';
export type {
  ModelInferResponse,
  ModelInferResponse__Output,
  _inference_ModelInferResponse_InferOutputTensor as InferOutputTensor,
  _inference_ModelInferResponse_InferOutputTensor__Output as InferOutputTensor__Output,
} from './generated/inference/ModelInferResponse';
export type { ModelMetadataRequest, ModelMetadataRequest__Output } from './generated/inference/ModelMetadataRequest';
export type {
  ModelMetadataResponse,
  ModelMetadataResponse__Output,
  _inference_ModelMetadataResponse_TensorMetadata as TensorMetadata,
  _inference_ModelMetadataResponse_TensorMetadata__Output as TensorMetadata__Output,
} from './generated/inference/ModelMetadataResponse';
export type { ModelReadyRequest, ModelReadyRequest__Output } from './generated/inference/ModelReadyRequest';
export type { ModelReadyResponse, ModelReadyResponse__Output } from './generated/inference/ModelReadyResponse';
export type { ServerLiveRequest, ServerLiveRequest__Output } from './generated/inference/ServerLiveRequest';
export type { ServerLiveResponse, ServerLiveResponse__Output } from './generated/inference/ServerLiveResponse';
export type { ServerMetadataRequest, ServerMetadataRequest__Output } from './generated/inference/ServerMetadataRequest';
export type { ServerMetadataResponse, ServerMetadataResponse__Output } from './generated/inference/ServerMetadataResponse';
export type { ServerReadyRequest, ServerReadyRequest__Output } from './generated/inference/ServerReadyRequest';
export type { ServerReadyResponse, ServerReadyResponse__Output } from './generated/inference/ServerReadyResponse';
export { generateApiKey, parseApiKey } from './api-key-format';
export { clientTlsCredentials, readPemFile } from './tls';
export type { ClientTlsFiles } from './tls';
