// Original file: protos/aiaas/v1/preprocessing.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Dataset as _aiaas_v1_Dataset, Dataset__Output as _aiaas_v1_Dataset__Output } from '../../aiaas/v1/Dataset';
import type { DescribeWorkerRequest as _aiaas_v1_DescribeWorkerRequest, DescribeWorkerRequest__Output as _aiaas_v1_DescribeWorkerRequest__Output } from '../../aiaas/v1/DescribeWorkerRequest';
import type { GetDatasetRequest as _aiaas_v1_GetDatasetRequest, GetDatasetRequest__Output as _aiaas_v1_GetDatasetRequest__Output } from '../../aiaas/v1/GetDatasetRequest';
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
  
  IngestDataset(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  IngestDataset(metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  IngestDataset(options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  IngestDataset(callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  ingestDataset(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  ingestDataset(metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  ingestDataset(options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  ingestDataset(callback: grpc.requestCallback<_aiaas_v1_Dataset__Output>): grpc.ClientWritableStream<_aiaas_v1_UploadDatasetRequest>;
  
}

export interface PreprocessingServiceHandlers extends grpc.UntypedServiceImplementation {
  DescribeWorker: grpc.handleUnaryCall<_aiaas_v1_DescribeWorkerRequest__Output, _aiaas_v1_WorkerInfo>;
  
  GetDataset: grpc.handleUnaryCall<_aiaas_v1_GetDatasetRequest__Output, _aiaas_v1_Dataset>;
  
  IngestDataset: grpc.handleClientStreamingCall<_aiaas_v1_UploadDatasetRequest__Output, _aiaas_v1_Dataset>;
  
}

export interface PreprocessingServiceDefinition extends grpc.ServiceDefinition {
  DescribeWorker: MethodDefinition<_aiaas_v1_DescribeWorkerRequest, _aiaas_v1_WorkerInfo, _aiaas_v1_DescribeWorkerRequest__Output, _aiaas_v1_WorkerInfo__Output>
  GetDataset: MethodDefinition<_aiaas_v1_GetDatasetRequest, _aiaas_v1_Dataset, _aiaas_v1_GetDatasetRequest__Output, _aiaas_v1_Dataset__Output>
  IngestDataset: MethodDefinition<_aiaas_v1_UploadDatasetRequest, _aiaas_v1_Dataset, _aiaas_v1_UploadDatasetRequest__Output, _aiaas_v1_Dataset__Output>
}
