// Original file: protos/aiaas/v1/preprocessing.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Dataset as _aiaas_v1_Dataset, Dataset__Output as _aiaas_v1_Dataset__Output } from '../../aiaas/v1/Dataset';
import type { DatasetStatistics as _aiaas_v1_DatasetStatistics, DatasetStatistics__Output as _aiaas_v1_DatasetStatistics__Output } from '../../aiaas/v1/DatasetStatistics';
import type { DescribeWorkerRequest as _aiaas_v1_DescribeWorkerRequest, DescribeWorkerRequest__Output as _aiaas_v1_DescribeWorkerRequest__Output } from '../../aiaas/v1/DescribeWorkerRequest';
import type { GetDatasetRequest as _aiaas_v1_GetDatasetRequest, GetDatasetRequest__Output as _aiaas_v1_GetDatasetRequest__Output } from '../../aiaas/v1/GetDatasetRequest';
import type { GetDatasetStatsRequest as _aiaas_v1_GetDatasetStatsRequest, GetDatasetStatsRequest__Output as _aiaas_v1_GetDatasetStatsRequest__Output } from '../../aiaas/v1/GetDatasetStatsRequest';
import type { ImportDatasetRequest as _aiaas_v1_ImportDatasetRequest, ImportDatasetRequest__Output as _aiaas_v1_ImportDatasetRequest__Output } from '../../aiaas/v1/ImportDatasetRequest';
import type { PreviewDatasetRequest as _aiaas_v1_PreviewDatasetRequest, PreviewDatasetRequest__Output as _aiaas_v1_PreviewDatasetRequest__Output } from '../../aiaas/v1/PreviewDatasetRequest';
import type { PreviewDatasetResponse as _aiaas_v1_PreviewDatasetResponse, PreviewDatasetResponse__Output as _aiaas_v1_PreviewDatasetResponse__Output } from '../../aiaas/v1/PreviewDatasetResponse';
import type { UploadDatasetRequest as _aiaas_v1_UploadDatasetRequest, UploadDatasetRequest__Output as _aiaas_v1_UploadDatasetRequest__Output } from '../../aiaas/v1/UploadDatasetRequest';
import type { WorkerInfo as _aiaas_v1_WorkerInfo, WorkerInfo__Output as _aiaas_v1_WorkerInfo__Output } from '../../aiaas/v1/WorkerInfo';

export interface PreprocessingServiceClient extends grpc.Client {
  DescribeWorker(argument: _aiaas_v1_DescribeWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  DescribeWorker(argument: _aiaas_v1_DescribeWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  DescribeWorker(argument: _aiaas_v1_DescribeWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  DescribeWorker(argument: _aiaas_v1_DescribeWorkerRequest, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  describeWorker(argument: _aiaas_v1_DescribeWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  describeWorker(argument: _aiaas_v1_DescribeWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  describeWorker(argument: _aiaas_v1_DescribeWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  describeWorker(argument: _aiaas_v1_DescribeWorkerRequest, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  
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
  
  ImportDataset(argument: _aiaas_v1_ImportDatasetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  ImportDataset(argument: _aiaas_v1_ImportDatasetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  ImportDataset(argument: _aiaas_v1_ImportDatasetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  ImportDataset(argument: _aiaas_v1_ImportDatasetRequest, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  importDataset(argument: _aiaas_v1_ImportDatasetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  importDataset(argument: _aiaas_v1_ImportDatasetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  importDataset(argument: _aiaas_v1_ImportDatasetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  importDataset(argument: _aiaas_v1_ImportDatasetRequest, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientUnaryCall;
  
  IngestDataset(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  IngestDataset(metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  IngestDataset(options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  IngestDataset(callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  ingestDataset(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  ingestDataset(metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  ingestDataset(options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  ingestDataset(callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  
  PreviewDataset(argument: _aiaas_v1_PreviewDatasetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_PreviewDatasetResponse__Output>): grpc.ClientUnaryCall;
  PreviewDataset(argument: _aiaas_v1_PreviewDatasetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_PreviewDatasetResponse__Output>): grpc.ClientUnaryCall;
  PreviewDataset(argument: _aiaas_v1_PreviewDatasetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_PreviewDatasetResponse__Output>): grpc.ClientUnaryCall;
  PreviewDataset(argument: _aiaas_v1_PreviewDatasetRequest, callback: grpc.requestCallback<_aiaas_v1_PreviewDatasetResponse__Output>): grpc.ClientUnaryCall;
  previewDataset(argument: _aiaas_v1_PreviewDatasetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_PreviewDatasetResponse__Output>): grpc.ClientUnaryCall;
  previewDataset(argument: _aiaas_v1_PreviewDatasetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_PreviewDatasetResponse__Output>): grpc.ClientUnaryCall;
  previewDataset(argument: _aiaas_v1_PreviewDatasetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_PreviewDatasetResponse__Output>): grpc.ClientUnaryCall;
  previewDataset(argument: _aiaas_v1_PreviewDatasetRequest, callback: grpc.requestCallback<_aiaas_v1_PreviewDatasetResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface PreprocessingServiceHandlers extends grpc.UntypedServiceImplementation {
  DescribeWorker: grpc.handleUnaryCall<_aiaas_v1_DescribeWorkerRequest__Output, _aiaas_v1_WorkerInfo>;
  
  GetDataset: grpc.handleUnaryCall<_aiaas_v1_GetDatasetRequest__Output, _aiaas_v1_Dataset>;
  
  GetDatasetStats: grpc.handleUnaryCall<_aiaas_v1_GetDatasetStatsRequest__Output, _aiaas_v1_DatasetStatistics>;
  
  ImportDataset: grpc.handleUnaryCall<_aiaas_v1_ImportDatasetRequest__Output, _aiaas_v1_Dataset>;
  
  IngestDataset: grpc.handleClientStreamingCall<_aiaas_v1_UploadDatasetRequest__Output, _aiaas_v1_Dataset>;
  
  PreviewDataset: grpc.handleUnaryCall<_aiaas_v1_PreviewDatasetRequest__Output, _aiaas_v1_PreviewDatasetResponse>;
  
}

export interface PreprocessingServiceDefinition extends grpc.ServiceDefinition {
  DescribeWorker: MethodDefinition<_aiaas_v1_DescribeWorkerRequest, _aiaas_v1_WorkerInfo, _aiaas_v1_DescribeWorkerRequest__Output, _aiaas_v1_WorkerInfo__Output>
  GetDataset: MethodDefinition<_aiaas_v1_GetDatasetRequest, _aiaas_v1_Dataset, _aiaas_v1_GetDatasetRequest__Output, _aiaas_v1_Dataset__Output>
  GetDatasetStats: MethodDefinition<_aiaas_v1_GetDatasetStatsRequest, _aiaas_v1_DatasetStatistics, _aiaas_v1_GetDatasetStatsRequest__Output, _aiaas_v1_DatasetStatistics__Output>
  ImportDataset: MethodDefinition<_aiaas_v1_ImportDatasetRequest, _aiaas_v1_Dataset, _aiaas_v1_ImportDatasetRequest__Output, _aiaas_v1_Dataset__Output>
  IngestDataset: MethodDefinition<_aiaas_v1_UploadDatasetRequest, _aiaas_v1_Dataset, _aiaas_v1_UploadDatasetRequest__Output, _aiaas_v1_Dataset__Output>
  PreviewDataset: MethodDefinition<_aiaas_v1_PreviewDatasetRequest, _aiaas_v1_PreviewDatasetResponse, _aiaas_v1_PreviewDatasetRequest__Output, _aiaas_v1_PreviewDatasetResponse__Output>
}
