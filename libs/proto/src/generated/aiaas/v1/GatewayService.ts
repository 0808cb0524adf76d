// Original file: protos/aiaas/v1/gateway.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ApiKey as _aiaas_v1_ApiKey, ApiKey__Output as _aiaas_v1_ApiKey__Output } from '../../aiaas/v1/ApiKey';
import type { CancelJobRequest as _aiaas_v1_CancelJobRequest, CancelJobRequest__Output as _aiaas_v1_CancelJobRequest__Output } from '../../aiaas/v1/CancelJobRequest';
import type { CreateApiKeyRequest as _aiaas_v1_CreateApiKeyRequest, CreateApiKeyRequest__Output as _aiaas_v1_CreateApiKeyRequest__Output } from '../../aiaas/v1/CreateApiKeyRequest';
import type { CreatedApiKey as _aiaas_v1_CreatedApiKey, CreatedApiKey__Output as _aiaas_v1_CreatedApiKey__Output } from '../../aiaas/v1/CreatedApiKey';
import type { Dataset as _aiaas_v1_Dataset, Dataset__Output as _aiaas_v1_Dataset__Output } from '../../aiaas/v1/Dataset';
import type { DatasetStatistics as _aiaas_v1_DatasetStatistics, DatasetStatistics__Output as _aiaas_v1_DatasetStatistics__Output } from '../../aiaas/v1/DatasetStatistics';
import type { EvaluateModelRequest as _aiaas_v1_EvaluateModelRequest, EvaluateModelRequest__Output as _aiaas_v1_EvaluateModelRequest__Output } from '../../aiaas/v1/EvaluateModelRequest';
import type { Evaluation as _aiaas_v1_Evaluation, Evaluation__Output as _aiaas_v1_Evaluation__Output } from '../../aiaas/v1/Evaluation';
import type { ExportModelRequest as _aiaas_v1_ExportModelRequest, ExportModelRequest__Output as _aiaas_v1_ExportModelRequest__Output } from '../../aiaas/v1/ExportModelRequest';
import type { GetDatasetRequest as _aiaas_v1_GetDatasetRequest, GetDatasetRequest__Output as _aiaas_v1_GetDatasetRequest__Output } from '../../aiaas/v1/GetDatasetRequest';
import type { GetDatasetStatsRequest as _aiaas_v1_GetDatasetStatsRequest, GetDatasetStatsRequest__Output as _aiaas_v1_GetDatasetStatsRequest__Output } from '../../aiaas/v1/GetDatasetStatsRequest';
import type { GetJobRequest as _aiaas_v1_GetJobRequest, GetJobRequest__Output as _aiaas_v1_GetJobRequest__Output } from '../../aiaas/v1/GetJobRequest';
import type { GetModelReportRequest as _aiaas_v1_GetModelReportRequest, GetModelReportRequest__Output as _aiaas_v1_GetModelReportRequest__Output } from '../../aiaas/v1/GetModelReportRequest';
import type { GetModelRequest as _aiaas_v1_GetModelRequest, GetModelRequest__Output as _aiaas_v1_GetModelRequest__Output } from '../../aiaas/v1/GetModelRequest';
import type { ImportDatasetRequest as _aiaas_v1_ImportDatasetRequest, ImportDatasetRequest__Output as _aiaas_v1_ImportDatasetRequest__Output } from '../../aiaas/v1/ImportDatasetRequest';
import type { Job as _aiaas_v1_Job, Job__Output as _aiaas_v1_Job__Output } from '../../aiaas/v1/Job';
import type { JobEvent as _aiaas_v1_JobEvent, JobEvent__Output as _aiaas_v1_JobEvent__Output } from '../../aiaas/v1/JobEvent';
import type { ListApiKeysRequest as _aiaas_v1_ListApiKeysRequest, ListApiKeysRequest__Output as _aiaas_v1_ListApiKeysRequest__Output } from '../../aiaas/v1/ListApiKeysRequest';
import type { ListApiKeysResponse as _aiaas_v1_ListApiKeysResponse, ListApiKeysResponse__Output as _aiaas_v1_ListApiKeysResponse__Output } from '../../aiaas/v1/ListApiKeysResponse';
import type { ListDatasetsResponse as _aiaas_v1_ListDatasetsResponse, ListDatasetsResponse__Output as _aiaas_v1_ListDatasetsResponse__Output } from '../../aiaas/v1/ListDatasetsResponse';
import type { ListJobsResponse as _aiaas_v1_ListJobsResponse, ListJobsResponse__Output as _aiaas_v1_ListJobsResponse__Output } from '../../aiaas/v1/ListJobsResponse';
import type { ListModelsRequest as _aiaas_v1_ListModelsRequest, ListModelsRequest__Output as _aiaas_v1_ListModelsRequest__Output } from '../../aiaas/v1/ListModelsRequest';
import type { ListModelsResponse as _aiaas_v1_ListModelsResponse, ListModelsResponse__Output as _aiaas_v1_ListModelsResponse__Output } from '../../aiaas/v1/ListModelsResponse';
import type { ListRequest as _aiaas_v1_ListRequest, ListRequest__Output as _aiaas_v1_ListRequest__Output } from '../../aiaas/v1/ListRequest';
import type { Model as _aiaas_v1_Model, Model__Output as _aiaas_v1_Model__Output } from '../../aiaas/v1/Model';
import type { ModelExport as _aiaas_v1_ModelExport, ModelExport__Output as _aiaas_v1_ModelExport__Output } from '../../aiaas/v1/ModelExport';
import type { ModelReport as _aiaas_v1_ModelReport, ModelReport__Output as _aiaas_v1_ModelReport__Output } from '../../aiaas/v1/ModelReport';
import type { PredictRequest as _aiaas_v1_PredictRequest, PredictRequest__Output as _aiaas_v1_PredictRequest__Output } from '../../aiaas/v1/PredictRequest';
import type { PredictResponse as _aiaas_v1_PredictResponse, PredictResponse__Output as _aiaas_v1_PredictResponse__Output } from '../../aiaas/v1/PredictResponse';
import type { PreviewDatasetRequest as _aiaas_v1_PreviewDatasetRequest, PreviewDatasetRequest__Output as _aiaas_v1_PreviewDatasetRequest__Output } from '../../aiaas/v1/PreviewDatasetRequest';
import type { PreviewDatasetResponse as _aiaas_v1_PreviewDatasetResponse, PreviewDatasetResponse__Output as _aiaas_v1_PreviewDatasetResponse__Output } from '../../aiaas/v1/PreviewDatasetResponse';
import type { RecommendRequest as _aiaas_v1_RecommendRequest, RecommendRequest__Output as _aiaas_v1_RecommendRequest__Output } from '../../aiaas/v1/RecommendRequest';
import type { RecommendResponse as _aiaas_v1_RecommendResponse, RecommendResponse__Output as _aiaas_v1_RecommendResponse__Output } from '../../aiaas/v1/RecommendResponse';
import type { RevokeApiKeyRequest as _aiaas_v1_RevokeApiKeyRequest, RevokeApiKeyRequest__Output as _aiaas_v1_RevokeApiKeyRequest__Output } from '../../aiaas/v1/RevokeApiKeyRequest';
import type { RollbackAliasRequest as _aiaas_v1_RollbackAliasRequest, RollbackAliasRequest__Output as _aiaas_v1_RollbackAliasRequest__Output } from '../../aiaas/v1/RollbackAliasRequest';
import type { SetAliasRequest as _aiaas_v1_SetAliasRequest, SetAliasRequest__Output as _aiaas_v1_SetAliasRequest__Output } from '../../aiaas/v1/SetAliasRequest';
import type { SetTrafficSplitRequest as _aiaas_v1_SetTrafficSplitRequest, SetTrafficSplitRequest__Output as _aiaas_v1_SetTrafficSplitRequest__Output } from '../../aiaas/v1/SetTrafficSplitRequest';
import type { SetVersionPolicyRequest as _aiaas_v1_SetVersionPolicyRequest, SetVersionPolicyRequest__Output as _aiaas_v1_SetVersionPolicyRequest__Output } from '../../aiaas/v1/SetVersionPolicyRequest';
import type { StartPipelineRequest as _aiaas_v1_StartPipelineRequest, StartPipelineRequest__Output as _aiaas_v1_StartPipelineRequest__Output } from '../../aiaas/v1/StartPipelineRequest';
import type { StartShadowRequest as _aiaas_v1_StartShadowRequest, StartShadowRequest__Output as _aiaas_v1_StartShadowRequest__Output } from '../../aiaas/v1/StartShadowRequest';
import type { StopShadowRequest as _aiaas_v1_StopShadowRequest, StopShadowRequest__Output as _aiaas_v1_StopShadowRequest__Output } from '../../aiaas/v1/StopShadowRequest';
import type { TransformRecordsRequest as _aiaas_v1_TransformRecordsRequest, TransformRecordsRequest__Output as _aiaas_v1_TransformRecordsRequest__Output } from '../../aiaas/v1/TransformRecordsRequest';
import type { TransformRecordsResponse as _aiaas_v1_TransformRecordsResponse, TransformRecordsResponse__Output as _aiaas_v1_TransformRecordsResponse__Output } from '../../aiaas/v1/TransformRecordsResponse';
import type { UploadDatasetRequest as _aiaas_v1_UploadDatasetRequest, UploadDatasetRequest__Output as _aiaas_v1_UploadDatasetRequest__Output } from '../../aiaas/v1/UploadDatasetRequest';
import type { WatchJobRequest as _aiaas_v1_WatchJobRequest, WatchJobRequest__Output as _aiaas_v1_WatchJobRequest__Output } from '../../aiaas/v1/WatchJobRequest';

export interface GatewayServiceClient extends grpc.Client {
  CancelJob(argument: _aiaas_v1_CancelJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  CancelJob(argument: _aiaas_v1_CancelJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  CancelJob(argument: _aiaas_v1_CancelJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  CancelJob(argument: _aiaas_v1_CancelJobRequest, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  cancelJob(argument: _aiaas_v1_CancelJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  cancelJob(argument: _aiaas_v1_CancelJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  cancelJob(argument: _aiaas_v1_CancelJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  cancelJob(argument: _aiaas_v1_CancelJobRequest, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  
  CreateApiKey(argument: _aiaas_v1_CreateApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_CreatedApiKey__Output>): grpc.ClientUnaryCall;
  CreateApiKey(argument: _aiaas_v1_CreateApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_CreatedApiKey__Output>): grpc.ClientUnaryCall;
  CreateApiKey(argument: _aiaas_v1_CreateApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_CreatedApiKey__Output>): grpc.ClientUnaryCall;
  CreateApiKey(argument: _aiaas_v1_CreateApiKeyRequest, callback: grpc.requestCallback<_aiaas_v1_CreatedApiKey__Output>): grpc.ClientUnaryCall;
  createApiKey(argument: _aiaas_v1_CreateApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_CreatedApiKey__Output>): grpc.ClientUnaryCall;
  createApiKey(argument: _aiaas_v1_CreateApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_CreatedApiKey__Output>): grpc.ClientUnaryCall;
  createApiKey(argument: _aiaas_v1_CreateApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_CreatedApiKey__Output>): grpc.ClientUnaryCall;
  createApiKey(argument: _aiaas_v1_CreateApiKeyRequest, callback: grpc.requestCallback<_aiaas_v1_CreatedApiKey__Output>): grpc.ClientUnaryCall;
  
  EvaluateModel(argument: _aiaas_v1_EvaluateModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Evaluation__Output>): grpc.ClientUnaryCall;
  EvaluateModel(argument: _aiaas_v1_EvaluateModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Evaluation__Output>): grpc.ClientUnaryCall;
  EvaluateModel(argument: _aiaas_v1_EvaluateModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Evaluation__Output>): grpc.ClientUnaryCall;
  EvaluateModel(argument: _aiaas_v1_EvaluateModelRequest, callback: grpc.requestCallback<_aiaas_v1_Evaluation__Output>): grpc.ClientUnaryCall;
  evaluateModel(argument: _aiaas_v1_EvaluateModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Evaluation__Output>): grpc.ClientUnaryCall;
  evaluateModel(argument: _aiaas_v1_EvaluateModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Evaluation__Output>): grpc.ClientUnaryCall;
  evaluateModel(argument: _aiaas_v1_EvaluateModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Evaluation__Output>): grpc.ClientUnaryCall;
  evaluateModel(argument: _aiaas_v1_EvaluateModelRequest, callback: grpc.requestCallback<_aiaas_v1_Evaluation__Output>): grpc.ClientUnaryCall;
  
  ExportModel(argument: _aiaas_v1_ExportModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ModelExport__Output>): grpc.ClientUnaryCall;
  ExportModel(argument: _aiaas_v1_ExportModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ModelExport__Output>): grpc.ClientUnaryCall;
  ExportModel(argument: _aiaas_v1_ExportModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ModelExport__Output>): grpc.ClientUnaryCall;
  ExportModel(argument: _aiaas_v1_ExportModelRequest, callback: grpc.requestCallback<_aiaas_v1_ModelExport__Output>): grpc.ClientUnaryCall;
  exportModel(argument: _aiaas_v1_ExportModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ModelExport__Output>): grpc.ClientUnaryCall;
  exportModel(argument: _aiaas_v1_ExportModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ModelExport__Output>): grpc.ClientUnaryCall;
  exportModel(argument: _aiaas_v1_ExportModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ModelExport__Output>): grpc.ClientUnaryCall;
  exportModel(argument: _aiaas_v1_ExportModelRequest, callback: grpc.requestCallback<_aiaas_v1_ModelExport__Output>): grpc.ClientUnaryCall;
  
  GetDataset(argument: _aiaas_v1_GetDatasetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  GetDataset(argument: _aiaas_v1_GetDatasetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  GetDataset(argument: _aiaas_v1_GetDatasetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  GetDataset(argument: _aiaas_v1_GetDatasetRequest, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  getDataset(argument: _aiaas_v1_GetDatasetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  getDataset(argument: _aiaas_v1_GetDatasetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  getDataset(argument: _aiaas_v1_GetDatasetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  getDataset(argument: _aiaas_v1_GetDatasetRequest, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  
  GetDatasetStats(argument: _aiaas_v1_GetDatasetStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_DatasetStatistics__Output>): grpc.ClientUnaryCall;
  GetDatasetStats(argument: _aiaas_v1_GetDatasetStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_DatasetStatistics__Output>): grpc.ClientUnaryCall;
  GetDatasetStats(argument: _aiaas_v1_GetDatasetStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_DatasetStatistics__Output>): grpc.ClientUnaryCall;
  GetDatasetStats(argument: _aiaas_v1_GetDatasetStatsRequest, callback: grpc.requestCallback<_aiaas_v1_DatasetStatistics__Output>): grpc.ClientUnaryCall;
  getDatasetStats(argument: _aiaas_v1_GetDatasetStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_DatasetStatistics__Output>): grpc.ClientUnaryCall;
  getDatasetStats(argument: _aiaas_v1_GetDatasetStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_DatasetStatistics__Output>): grpc.ClientUnaryCall;
  getDatasetStats(argument: _aiaas_v1_GetDatasetStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_DatasetStatistics__Output>): grpc.ClientUnaryCall;
  getDatasetStats(argument: _aiaas_v1_GetDatasetStatsRequest, callback: grpc.requestCallback<_aiaas_v1_DatasetStatistics__Output>): grpc.ClientUnaryCall;
  
  GetJob(argument: _aiaas_v1_GetJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  GetJob(argument: _aiaas_v1_GetJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  GetJob(argument: _aiaas_v1_GetJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  GetJob(argument: _aiaas_v1_GetJobRequest, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  getJob(argument: _aiaas_v1_GetJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  getJob(argument: _aiaas_v1_GetJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  getJob(argument: _aiaas_v1_GetJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  getJob(argument: _aiaas_v1_GetJobRequest, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  
  GetModel(argument: _aiaas_v1_GetModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  GetModel(argument: _aiaas_v1_GetModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  GetModel(argument: _aiaas_v1_GetModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  GetModel(argument: _aiaas_v1_GetModelRequest, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  getModel(argument: _aiaas_v1_GetModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  getModel(argument: _aiaas_v1_GetModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  getModel(argument: _aiaas_v1_GetModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  getModel(argument: _aiaas_v1_GetModelRequest, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  
  GetModelReport(argument: _aiaas_v1_GetModelReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ModelReport__Output>): grpc.ClientUnaryCall;
  GetModelReport(argument: _aiaas_v1_GetModelReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ModelReport__Output>): grpc.ClientUnaryCall;
  GetModelReport(argument: _aiaas_v1_GetModelReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ModelReport__Output>): grpc.ClientUnaryCall;
  GetModelReport(argument: _aiaas_v1_GetModelReportRequest, callback: grpc.requestCallback<_aiaas_v1_ModelReport__Output>): grpc.ClientUnaryCall;
  getModelReport(argument: _aiaas_v1_GetModelReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ModelReport__Output>): grpc.ClientUnaryCall;
  getModelReport(argument: _aiaas_v1_GetModelReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ModelReport__Output>): grpc.ClientUnaryCall;
  getModelReport(argument: _aiaas_v1_GetModelReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ModelReport__Output>): grpc.ClientUnaryCall;
  getModelReport(argument: _aiaas_v1_GetModelReportRequest, callback: grpc.requestCallback<_aiaas_v1_ModelReport__Output>): grpc.ClientUnaryCall;
  
  ImportDataset(argument: _aiaas_v1_ImportDatasetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  ImportDataset(argument: _aiaas_v1_ImportDatasetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  ImportDataset(argument: _aiaas_v1_ImportDatasetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  ImportDataset(argument: _aiaas_v1_ImportDatasetRequest, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  importDataset(argument: _aiaas_v1_ImportDatasetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  importDataset(argument: _aiaas_v1_ImportDatasetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  importDataset(argument: _aiaas_v1_ImportDatasetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  importDataset(argument: _aiaas_v1_ImportDatasetRequest, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  
  ListApiKeys(argument: _aiaas_v1_ListApiKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  ListApiKeys(argument: _aiaas_v1_ListApiKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  ListApiKeys(argument: _aiaas_v1_ListApiKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  ListApiKeys(argument: _aiaas_v1_ListApiKeysRequest, callback: grpc.requestCallback<_aiaas_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  listApiKeys(argument: _aiaas_v1_ListApiKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  listApiKeys(argument: _aiaas_v1_ListApiKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  listApiKeys(argument: _aiaas_v1_ListApiKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  listApiKeys(argument: _aiaas_v1_ListApiKeysRequest, callback: grpc.requestCallback<_aiaas_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  
  ListDatasets(argument: _aiaas_v1_ListRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  ListDatasets(argument: _aiaas_v1_ListRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  ListDatasets(argument: _aiaas_v1_ListRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  ListDatasets(argument: _aiaas_v1_ListRequest, callback: grpc.requestCallback<_aiaas_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  listDatasets(argument: _aiaas_v1_ListRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  listDatasets(argument: _aiaas_v1_ListRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  listDatasets(argument: _aiaas_v1_ListRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  listDatasets(argument: _aiaas_v1_ListRequest, callback: grpc.requestCallback<_aiaas_v1_ListDatasetsResponse__Output>): grpc.ClientUnaryCall;
  
  ListJobs(argument: _aiaas_v1_ListRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  ListJobs(argument: _aiaas_v1_ListRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  ListJobs(argument: _aiaas_v1_ListRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  ListJobs(argument: _aiaas_v1_ListRequest, callback: grpc.requestCallback<_aiaas_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  listJobs(argument: _aiaas_v1_ListRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  listJobs(argument: _aiaas_v1_ListRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  listJobs(argument: _aiaas_v1_ListRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  listJobs(argument: _aiaas_v1_ListRequest, callback: grpc.requestCallback<_aiaas_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  
  ListModels(argument: _aiaas_v1_ListModelsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _aiaas_v1_ListModelsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _aiaas_v1_ListModelsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _aiaas_v1_ListModelsRequest, callback: grpc.requestCallback<_aiaas_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _aiaas_v1_ListModelsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _aiaas_v1_ListModelsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _aiaas_v1_ListModelsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _aiaas_v1_ListModelsRequest, callback: grpc.requestCallback<_aiaas_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  
  Predict(argument: _aiaas_v1_PredictRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_PredictResponse__Output>): grpc.ClientUnaryCall;
  Predict(argument: _aiaas_v1_PredictRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_PredictResponse__Output>): grpc.ClientUnaryCall;
  Predict(argument: _aiaas_v1_PredictRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_PredictResponse__Output>): grpc.ClientUnaryCall;
  Predict(argument: _aiaas_v1_PredictRequest, callback: grpc.requestCallback<_aiaas_v1_PredictResponse__Output>): grpc.ClientUnaryCall;
  predict(argument: _aiaas_v1_PredictRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_PredictResponse__Output>): grpc.ClientUnaryCall;
  predict(argument: _aiaas_v1_PredictRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_PredictResponse__Output>): grpc.ClientUnaryCall;
  predict(argument: _aiaas_v1_PredictRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_PredictResponse__Output>): grpc.ClientUnaryCall;
  predict(argument: _aiaas_v1_PredictRequest, callback: grpc.requestCallback<_aiaas_v1_PredictResponse__Output>): grpc.ClientUnaryCall;
  
  PredictStream(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_aiaas_v1_PredictRequest, _aiaas_v1_PredictResponse__Output>;
  PredictStream(options?: grpc.CallOptions): grpc.ClientDuplexStream<_aiaas_v1_PredictRequest, _aiaas_v1_PredictResponse__Output>;
  predictStream(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_aiaas_v1_PredictRequest, _aiaas_v1_PredictResponse__Output>;
  predictStream(options?: grpc.CallOptions): grpc.ClientDuplexStream<_aiaas_v1_PredictRequest, _aiaas_v1_PredictResponse__Output>;
  
  PreviewDataset(argument: _aiaas_v1_PreviewDatasetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_PreviewDatasetResponse__Output>): grpc.ClientUnaryCall;
  PreviewDataset(argument: _aiaas_v1_PreviewDatasetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_PreviewDatasetResponse__Output>): grpc.ClientUnaryCall;
  PreviewDataset(argument: _aiaas_v1_PreviewDatasetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_PreviewDatasetResponse__Output>): grpc.ClientUnaryCall;
  PreviewDataset(argument: _aiaas_v1_PreviewDatasetRequest, callback: grpc.requestCallback<_aiaas_v1_PreviewDatasetResponse__Output>): grpc.ClientUnaryCall;
  previewDataset(argument: _aiaas_v1_PreviewDatasetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_PreviewDatasetResponse__Output>): grpc.ClientUnaryCall;
  previewDataset(argument: _aiaas_v1_PreviewDatasetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_PreviewDatasetResponse__Output>): grpc.ClientUnaryCall;
  previewDataset(argument: _aiaas_v1_PreviewDatasetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_PreviewDatasetResponse__Output>): grpc.ClientUnaryCall;
  previewDataset(argument: _aiaas_v1_PreviewDatasetRequest, callback: grpc.requestCallback<_aiaas_v1_PreviewDatasetResponse__Output>): grpc.ClientUnaryCall;
  
  Recommend(argument: _aiaas_v1_RecommendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  Recommend(argument: _aiaas_v1_RecommendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  Recommend(argument: _aiaas_v1_RecommendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  Recommend(argument: _aiaas_v1_RecommendRequest, callback: grpc.requestCallback<_aiaas_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  recommend(argument: _aiaas_v1_RecommendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  recommend(argument: _aiaas_v1_RecommendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  recommend(argument: _aiaas_v1_RecommendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  recommend(argument: _aiaas_v1_RecommendRequest, callback: grpc.requestCallback<_aiaas_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  
  RevokeApiKey(argument: _aiaas_v1_RevokeApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ApiKey__Output>): grpc.ClientUnaryCall;
  RevokeApiKey(argument: _aiaas_v1_RevokeApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ApiKey__Output>): grpc.ClientUnaryCall;
  RevokeApiKey(argument: _aiaas_v1_RevokeApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ApiKey__Output>): grpc.ClientUnaryCall;
  RevokeApiKey(argument: _aiaas_v1_RevokeApiKeyRequest, callback: grpc.requestCallback<_aiaas_v1_ApiKey__Output>): grpc.ClientUnaryCall;
  revokeApiKey(argument: _aiaas_v1_RevokeApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ApiKey__Output>): grpc.ClientUnaryCall;
  revokeApiKey(argument: _aiaas_v1_RevokeApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ApiKey__Output>): grpc.ClientUnaryCall;
  revokeApiKey(argument: _aiaas_v1_RevokeApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ApiKey__Output>): grpc.ClientUnaryCall;
  revokeApiKey(argument: _aiaas_v1_RevokeApiKeyRequest, callback: grpc.requestCallback<_aiaas_v1_ApiKey__Output>): grpc.ClientUnaryCall;
  
  RollbackAlias(argument: _aiaas_v1_RollbackAliasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  RollbackAlias(argument: _aiaas_v1_RollbackAliasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  RollbackAlias(argument: _aiaas_v1_RollbackAliasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  RollbackAlias(argument: _aiaas_v1_RollbackAliasRequest, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  rollbackAlias(argument: _aiaas_v1_RollbackAliasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  rollbackAlias(argument: _aiaas_v1_RollbackAliasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  rollbackAlias(argument: _aiaas_v1_RollbackAliasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  rollbackAlias(argument: _aiaas_v1_RollbackAliasRequest, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  
  SetAlias(argument: _aiaas_v1_SetAliasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  SetAlias(argument: _aiaas_v1_SetAliasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  SetAlias(argument: _aiaas_v1_SetAliasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  SetAlias(argument: _aiaas_v1_SetAliasRequest, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  setAlias(argument: _aiaas_v1_SetAliasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  setAlias(argument: _aiaas_v1_SetAliasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  setAlias(argument: _aiaas_v1_SetAliasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  setAlias(argument: _aiaas_v1_SetAliasRequest, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  
  SetTrafficSplit(argument: _aiaas_v1_SetTrafficSplitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  SetTrafficSplit(argument: _aiaas_v1_SetTrafficSplitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  SetTrafficSplit(argument: _aiaas_v1_SetTrafficSplitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  SetTrafficSplit(argument: _aiaas_v1_SetTrafficSplitRequest, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  setTrafficSplit(argument: _aiaas_v1_SetTrafficSplitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  setTrafficSplit(argument: _aiaas_v1_SetTrafficSplitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  setTrafficSplit(argument: _aiaas_v1_SetTrafficSplitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  setTrafficSplit(argument: _aiaas_v1_SetTrafficSplitRequest, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  
  SetVersionPolicy(argument: _aiaas_v1_SetVersionPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  SetVersionPolicy(argument: _aiaas_v1_SetVersionPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  SetVersionPolicy(argument: _aiaas_v1_SetVersionPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  SetVersionPolicy(argument: _aiaas_v1_SetVersionPolicyRequest, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  setVersionPolicy(argument: _aiaas_v1_SetVersionPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  setVersionPolicy(argument: _aiaas_v1_SetVersionPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  setVersionPolicy(argument: _aiaas_v1_SetVersionPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  setVersionPolicy(argument: _aiaas_v1_SetVersionPolicyRequest, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  
  StartPipeline(argument: _aiaas_v1_StartPipelineRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  StartPipeline(argument: _aiaas_v1_StartPipelineRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  StartPipeline(argument: _aiaas_v1_StartPipelineRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  StartPipeline(argument: _aiaas_v1_StartPipelineRequest, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  startPipeline(argument: _aiaas_v1_StartPipelineRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  startPipeline(argument: _aiaas_v1_StartPipelineRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  startPipeline(argument: _aiaas_v1_StartPipelineRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  startPipeline(argument: _aiaas_v1_StartPipelineRequest, callback: grpc.requestCallback<_aiaas_v1_Job__Output>): grpc.ClientUnaryCall;
  
  StartShadow(argument: _aiaas_v1_StartShadowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  StartShadow(argument: _aiaas_v1_StartShadowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  StartShadow(argument: _aiaas_v1_StartShadowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  StartShadow(argument: _aiaas_v1_StartShadowRequest, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  startShadow(argument: _aiaas_v1_StartShadowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  startShadow(argument: _aiaas_v1_StartShadowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  startShadow(argument: _aiaas_v1_StartShadowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  startShadow(argument: _aiaas_v1_StartShadowRequest, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  
  StopShadow(argument: _aiaas_v1_StopShadowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  StopShadow(argument: _aiaas_v1_StopShadowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  StopShadow(argument: _aiaas_v1_StopShadowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  StopShadow(argument: _aiaas_v1_StopShadowRequest, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  stopShadow(argument: _aiaas_v1_StopShadowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  stopShadow(argument: _aiaas_v1_StopShadowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  stopShadow(argument: _aiaas_v1_StopShadowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  stopShadow(argument: _aiaas_v1_StopShadowRequest, callback: grpc.requestCallback<_aiaas_v1_Model__Output>): grpc.ClientUnaryCall;
  
  TransformRecords(argument: _aiaas_v1_TransformRecordsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_TransformRecordsResponse__Output>): grpc.ClientUnaryCall;
  TransformRecords(argument: _aiaas_v1_TransformRecordsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_TransformRecordsResponse__Output>): grpc.ClientUnaryCall;
  TransformRecords(argument: _aiaas_v1_TransformRecordsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_TransformRecordsResponse__Output>): grpc.ClientUnaryCall;
  TransformRecords(argument: _aiaas_v1_TransformRecordsRequest, callback: grpc.requestCallback<_aiaas_v1_TransformRecordsResponse__Output>): grpc.ClientUnaryCall;
  transformRecords(argument: _aiaas_v1_TransformRecordsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_TransformRecordsResponse__Output>): grpc.ClientUnaryCall;
  transformRecords(argument: _aiaas_v1_TransformRecordsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_TransformRecordsResponse__Output>): grpc.ClientUnaryCall;
  transformRecords(argument: _aiaas_v1_TransformRecordsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_TransformRecordsResponse__Output>): grpc.ClientUnaryCall;
  transformRecords(argument: _aiaas_v1_TransformRecordsRequest, callback: grpc.requestCallback<_aiaas_v1_TransformRecordsResponse__Output>): grpc.ClientUnaryCall;
  
  UploadDataset(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  UploadDataset(metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  UploadDataset(options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  UploadDataset(callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  uploadDataset(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  uploadDataset(metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  uploadDataset(options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  uploadDataset(callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  
  WatchJob(argument: _aiaas_v1_WatchJobRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_aiaas_v1_JobEvent__Output>;
  WatchJob(argument: _aiaas_v1_WatchJobRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_aiaas_v1_JobEvent__Output>;
  watchJob(argument: _aiaas_v1_WatchJobRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_aiaas_v1_JobEvent__Output>;
  watchJob(argument: _aiaas_v1_WatchJobRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_aiaas_v1_JobEvent__Output>;
  
}

export interface GatewayServiceHandlers extends grpc.UntypedServiceImplementation {
  CancelJob: grpc.handleUnaryCall<_aiaas_v1_CancelJobRequest__Output, _aiaas_v1_Job>;
  
  CreateApiKey: grpc.handleUnaryCall<_aiaas_v1_CreateApiKeyRequest__Output, _aiaas_v1_CreatedApiKey>;
  
  EvaluateModel: grpc.handleUnaryCall<_aiaas_v1_EvaluateModelRequest__Output, _aiaas_v1_Evaluation>;
  
  ExportModel: grpc.handleUnaryCall<_aiaas_v1_ExportModelRequest__Output, _aiaas_v1_ModelExport>;
  
  GetDataset: grpc.handleUnaryCall<_aiaas_v1_GetDatasetRequest__Output, _aiaas_v1_Dataset>;
  
  GetDatasetStats: grpc.handleUnaryCall<_aiaas_v1_GetDatasetStatsRequest__Output, _aiaas_v1_DatasetStatistics>;
  
  GetJob: grpc.handleUnaryCall<_aiaas_v1_GetJobRequest__Output, _aiaas_v1_Job>;
  
  GetModel: grpc.handleUnaryCall<_aiaas_v1_GetModelRequest__Output, _aiaas_v1_Model>;
  
  GetModelReport: grpc.handleUnaryCall<_aiaas_v1_GetModelReportRequest__Output, _aiaas_v1_ModelReport>;
  
  ImportDataset: grpc.handleUnaryCall<_aiaas_v1_ImportDatasetRequest__Output, _aiaas_v1_Dataset>;
  
  ListApiKeys: grpc.handleUnaryCall<_aiaas_v1_ListApiKeysRequest__Output, _aiaas_v1_ListApiKeysResponse>;
  
  ListDatasets: grpc.handleUnaryCall<_aiaas_v1_ListRequest__Output, _aiaas_v1_ListDatasetsResponse>;
  
  ListJobs: grpc.handleUnaryCall<_aiaas_v1_ListRequest__Output, _aiaas_v1_ListJobsResponse>;
  
  ListModels: grpc.handleUnaryCall<_aiaas_v1_ListModelsRequest__Output, _aiaas_v1_ListModelsResponse>;
  
  Predict: grpc.handleUnaryCall<_aiaas_v1_PredictRequest__Output, _aiaas_v1_PredictResponse>;
  
  PredictStream: grpc.handleBidiStreamingCall<_aiaas_v1_PredictRequest__Output, _aiaas_v1_PredictResponse>;
  
  PreviewDataset: grpc.handleUnaryCall<_aiaas_v1_PreviewDatasetRequest__Output, _aiaas_v1_PreviewDatasetResponse>;
  
  Recommend: grpc.handleUnaryCall<_aiaas_v1_RecommendRequest__Output, _aiaas_v1_RecommendResponse>;
  
  RevokeApiKey: grpc.handleUnaryCall<_aiaas_v1_RevokeApiKeyRequest__Output, _aiaas_v1_ApiKey>;
  
  RollbackAlias: grpc.handleUnaryCall<_aiaas_v1_RollbackAliasRequest__Output, _aiaas_v1_Model>;
  
  SetAlias: grpc.handleUnaryCall<_aiaas_v1_SetAliasRequest__Output, _aiaas_v1_Model>;
  
  SetTrafficSplit: grpc.handleUnaryCall<_aiaas_v1_SetTrafficSplitRequest__Output, _aiaas_v1_Model>;
  
  SetVersionPolicy: grpc.handleUnaryCall<_aiaas_v1_SetVersionPolicyRequest__Output, _aiaas_v1_Model>;
  
  StartPipeline: grpc.handleUnaryCall<_aiaas_v1_StartPipelineRequest__Output, _aiaas_v1_Job>;
  
  StartShadow: grpc.handleUnaryCall<_aiaas_v1_StartShadowRequest__Output, _aiaas_v1_Model>;
  
  StopShadow: grpc.handleUnaryCall<_aiaas_v1_StopShadowRequest__Output, _aiaas_v1_Model>;
  
  TransformRecords: grpc.handleUnaryCall<_aiaas_v1_TransformRecordsRequest__Output, _aiaas_v1_TransformRecordsResponse>;
  
  UploadDataset: grpc.handleClientStreamingCall<_aiaas_v1_UploadDatasetRequest__Output, _aiaas_v1_Dataset>;
  
  WatchJob: grpc.handleServerStreamingCall<_aiaas_v1_WatchJobRequest__Output, _aiaas_v1_JobEvent>;
  
}

export interface GatewayServiceDefinition extends grpc.ServiceDefinition {
  CancelJob: MethodDefinition<_aiaas_v1_CancelJobRequest, _aiaas_v1_Job, _aiaas_v1_CancelJobRequest__Output, _aiaas_v1_Job__Output>
  CreateApiKey: MethodDefinition<_aiaas_v1_CreateApiKeyRequest, _aiaas_v1_CreatedApiKey, _aiaas_v1_CreateApiKeyRequest__Output, _aiaas_v1_CreatedApiKey__Output>
  EvaluateModel: MethodDefinition<_aiaas_v1_EvaluateModelRequest, _aiaas_v1_Evaluation, _aiaas_v1_EvaluateModelRequest__Output, _aiaas_v1_Evaluation__Output>
  ExportModel: MethodDefinition<_aiaas_v1_ExportModelRequest, _aiaas_v1_ModelExport, _aiaas_v1_ExportModelRequest__Output, _aiaas_v1_ModelExport__Output>
  GetDataset: MethodDefinition<_aiaas_v1_GetDatasetRequest, _aiaas_v1_Dataset, _aiaas_v1_GetDatasetRequest__Output, _aiaas_v1_Dataset__Output>
  GetDatasetStats: MethodDefinition<_aiaas_v1_GetDatasetStatsRequest, _aiaas_v1_DatasetStatistics, _aiaas_v1_GetDatasetStatsRequest__Output, _aiaas_v1_DatasetStatistics__Output>
  GetJob: MethodDefinition<_aiaas_v1_GetJobRequest, _aiaas_v1_Job, _aiaas_v1_GetJobRequest__Output, _aiaas_v1_Job__Output>
  GetModel: MethodDefinition<_aiaas_v1_GetModelRequest, _aiaas_v1_Model, _aiaas_v1_GetModelRequest__Output, _aiaas_v1_Model__Output>
  GetModelReport: MethodDefinition<_aiaas_v1_GetModelReportRequest, _aiaas_v1_ModelReport, _aiaas_v1_GetModelReportRequest__Output, _aiaas_v1_ModelReport__Output>
  ImportDataset: MethodDefinition<_aiaas_v1_ImportDatasetRequest, _aiaas_v1_Dataset, _aiaas_v1_ImportDatasetRequest__Output, _aiaas_v1_Dataset__Output>
  ListApiKeys: MethodDefinition<_aiaas_v1_ListApiKeysRequest, _aiaas_v1_ListApiKeysResponse, _aiaas_v1_ListApiKeysRequest__Output, _aiaas_v1_ListApiKeysResponse__Output>
  ListDatasets: MethodDefinition<_aiaas_v1_ListRequest, _aiaas_v1_ListDatasetsResponse, _aiaas_v1_ListRequest__Output, _aiaas_v1_ListDatasetsResponse__Output>
  ListJobs: MethodDefinition<_aiaas_v1_ListRequest, _aiaas_v1_ListJobsResponse, _aiaas_v1_ListRequest__Output, _aiaas_v1_ListJobsResponse__Output>
  ListModels: MethodDefinition<_aiaas_v1_ListModelsRequest, _aiaas_v1_ListModelsResponse, _aiaas_v1_ListModelsRequest__Output, _aiaas_v1_ListModelsResponse__Output>
  Predict: MethodDefinition<_aiaas_v1_PredictRequest, _aiaas_v1_PredictResponse, _aiaas_v1_PredictRequest__Output, _aiaas_v1_PredictResponse__Output>
  PredictStream: MethodDefinition<_aiaas_v1_PredictRequest, _aiaas_v1_PredictResponse, _aiaas_v1_PredictRequest__Output, _aiaas_v1_PredictResponse__Output>
  PreviewDataset: MethodDefinition<_aiaas_v1_PreviewDatasetRequest, _aiaas_v1_PreviewDatasetResponse, _aiaas_v1_PreviewDatasetRequest__Output, _aiaas_v1_PreviewDatasetResponse__Output>
  Recommend: MethodDefinition<_aiaas_v1_RecommendRequest, _aiaas_v1_RecommendResponse, _aiaas_v1_RecommendRequest__Output, _aiaas_v1_RecommendResponse__Output>
  RevokeApiKey: MethodDefinition<_aiaas_v1_RevokeApiKeyRequest, _aiaas_v1_ApiKey, _aiaas_v1_RevokeApiKeyRequest__Output, _aiaas_v1_ApiKey__Output>
  RollbackAlias: MethodDefinition<_aiaas_v1_RollbackAliasRequest, _aiaas_v1_Model, _aiaas_v1_RollbackAliasRequest__Output, _aiaas_v1_Model__Output>
  SetAlias: MethodDefinition<_aiaas_v1_SetAliasRequest, _aiaas_v1_Model, _aiaas_v1_SetAliasRequest__Output, _aiaas_v1_Model__Output>
  SetTrafficSplit: MethodDefinition<_aiaas_v1_SetTrafficSplitRequest, _aiaas_v1_Model, _aiaas_v1_SetTrafficSplitRequest__Output, _aiaas_v1_Model__Output>
  SetVersionPolicy: MethodDefinition<_aiaas_v1_SetVersionPolicyRequest, _aiaas_v1_Model, _aiaas_v1_SetVersionPolicyRequest__Output, _aiaas_v1_Model__Output>
  StartPipeline: MethodDefinition<_aiaas_v1_StartPipelineRequest, _aiaas_v1_Job, _aiaas_v1_StartPipelineRequest__Output, _aiaas_v1_Job__Output>
  StartShadow: MethodDefinition<_aiaas_v1_StartShadowRequest, _aiaas_v1_Model, _aiaas_v1_StartShadowRequest__Output, _aiaas_v1_Model__Output>
  StopShadow: MethodDefinition<_aiaas_v1_StopShadowRequest, _aiaas_v1_Model, _aiaas_v1_StopShadowRequest__Output, _aiaas_v1_Model__Output>
  TransformRecords: MethodDefinition<_aiaas_v1_TransformRecordsRequest, _aiaas_v1_TransformRecordsResponse, _aiaas_v1_TransformRecordsRequest__Output, _aiaas_v1_TransformRecordsResponse__Output>
  UploadDataset: MethodDefinition<_aiaas_v1_UploadDatasetRequest, _aiaas_v1_Dataset, _aiaas_v1_UploadDatasetRequest__Output, _aiaas_v1_Dataset__Output>
  WatchJob: MethodDefinition<_aiaas_v1_WatchJobRequest, _aiaas_v1_JobEvent, _aiaas_v1_WatchJobRequest__Output, _aiaas_v1_JobEvent__Output>
}
