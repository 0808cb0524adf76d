/**
 * The platform's contracts: loads `protos/aiaas/v1` with the shared loader options, exposes
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
export { GatewayClient, InferenceClient, PreprocessingClient, WorkerClient } from './clients';
export type { ClientOptions } from './clients';
export { HealthClient } from './health-client';
export type { HealthStatus } from './health-client';
export { aiaasProtoFiles, loadAiaasProtos, PROTO_LOADER_OPTIONS, PROTO_ROOT } from './proto-loader';
export type { AiaasGrpcObject, AiaasProtos } from './proto-loader';
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
export type { ColumnSummary, ColumnSummary__Output } from './generated/aiaas/v1/ColumnSummary';
export type { Dataset, Dataset__Output } from './generated/aiaas/v1/Dataset';
export type { DescribeWorkerRequest, DescribeWorkerRequest__Output } from './generated/aiaas/v1/DescribeWorkerRequest';
export type { EpochEnded, EpochEnded__Output } from './generated/aiaas/v1/EpochEnded';
export type { GetDatasetRequest, GetDatasetRequest__Output } from './generated/aiaas/v1/GetDatasetRequest';
export type { GetJobRequest, GetJobRequest__Output } from './generated/aiaas/v1/GetJobRequest';
export type { GetModelRequest, GetModelRequest__Output } from './generated/aiaas/v1/GetModelRequest';
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
export type { UnloadModelRequest, UnloadModelRequest__Output } from './generated/aiaas/v1/UnloadModelRequest';
export type { UnloadModelResponse, UnloadModelResponse__Output } from './generated/aiaas/v1/UnloadModelResponse';
export type { UploadDatasetHeader, UploadDatasetHeader__Output } from './generated/aiaas/v1/UploadDatasetHeader';
export type { UploadDatasetRequest, UploadDatasetRequest__Output } from './generated/aiaas/v1/UploadDatasetRequest';
export type { Value, Value__Output } from './generated/aiaas/v1/Value';
export type { WatchJobRequest, WatchJobRequest__Output } from './generated/aiaas/v1/WatchJobRequest';
export type { WorkerInfo, WorkerInfo__Output } from './generated/aiaas/v1/WorkerInfo';
export type { EvaluationServiceClient, EvaluationServiceHandlers } from './generated/aiaas/v1/EvaluationService';
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
