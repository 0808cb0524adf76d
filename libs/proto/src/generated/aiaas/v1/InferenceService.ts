// Original file: protos/aiaas/v1/inference.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DescribeWorkerRequest as _aiaas_v1_DescribeWorkerRequest, DescribeWorkerRequest__Output as _aiaas_v1_DescribeWorkerRequest__Output } from '../../aiaas/v1/DescribeWorkerRequest';
import type { ExportModelRequest as _aiaas_v1_ExportModelRequest, ExportModelRequest__Output as _aiaas_v1_ExportModelRequest__Output } from '../../aiaas/v1/ExportModelRequest';
import type { ListLoadedModelsRequest as _aiaas_v1_ListLoadedModelsRequest, ListLoadedModelsRequest__Output as _aiaas_v1_ListLoadedModelsRequest__Output } from '../../aiaas/v1/ListLoadedModelsRequest';
import type { ListLoadedModelsResponse as _aiaas_v1_ListLoadedModelsResponse, ListLoadedModelsResponse__Output as _aiaas_v1_ListLoadedModelsResponse__Output } from '../../aiaas/v1/ListLoadedModelsResponse';
import type { LoadModelRequest as _aiaas_v1_LoadModelRequest, LoadModelRequest__Output as _aiaas_v1_LoadModelRequest__Output } from '../../aiaas/v1/LoadModelRequest';
import type { LoadedModel as _aiaas_v1_LoadedModel, LoadedModel__Output as _aiaas_v1_LoadedModel__Output } from '../../aiaas/v1/LoadedModel';
import type { ModelExport as _aiaas_v1_ModelExport, ModelExport__Output as _aiaas_v1_ModelExport__Output } from '../../aiaas/v1/ModelExport';
import type { PredictRequest as _aiaas_v1_PredictRequest, PredictRequest__Output as _aiaas_v1_PredictRequest__Output } from '../../aiaas/v1/PredictRequest';
import type { PredictResponse as _aiaas_v1_PredictResponse, PredictResponse__Output as _aiaas_v1_PredictResponse__Output } from '../../aiaas/v1/PredictResponse';
import type { RecommendRequest as _aiaas_v1_RecommendRequest, RecommendRequest__Output as _aiaas_v1_RecommendRequest__Output } from '../../aiaas/v1/RecommendRequest';
import type { RecommendResponse as _aiaas_v1_RecommendResponse, RecommendResponse__Output as _aiaas_v1_RecommendResponse__Output } from '../../aiaas/v1/RecommendResponse';
import type { TransformRecordsRequest as _aiaas_v1_TransformRecordsRequest, TransformRecordsRequest__Output as _aiaas_v1_TransformRecordsRequest__Output } from '../../aiaas/v1/TransformRecordsRequest';
import type { TransformRecordsResponse as _aiaas_v1_TransformRecordsResponse, TransformRecordsResponse__Output as _aiaas_v1_TransformRecordsResponse__Output } from '../../aiaas/v1/TransformRecordsResponse';
import type { UnloadModelRequest as _aiaas_v1_UnloadModelRequest, UnloadModelRequest__Output as _aiaas_v1_UnloadModelRequest__Output } from '../../aiaas/v1/UnloadModelRequest';
import type { UnloadModelResponse as _aiaas_v1_UnloadModelResponse, UnloadModelResponse__Output as _aiaas_v1_UnloadModelResponse__Output } from '../../aiaas/v1/UnloadModelResponse';
import type { WorkerInfo as _aiaas_v1_WorkerInfo, WorkerInfo__Output as _aiaas_v1_WorkerInfo__Output } from '../../aiaas/v1/WorkerInfo';

export interface InferenceServiceClient extends grpc.Client {
  DescribeWorker(argument: _aiaas_v1_DescribeWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  DescribeWorker(argument: _aiaas_v1_DescribeWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  DescribeWorker(argument: _aiaas_v1_DescribeWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  DescribeWorker(argument: _aiaas_v1_DescribeWorkerRequest, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  describeWorker(argument: _aiaas_v1_DescribeWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  describeWorker(argument: _aiaas_v1_DescribeWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  describeWorker(argument: _aiaas_v1_DescribeWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  describeWorker(argument: _aiaas_v1_DescribeWorkerRequest, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  
  ExportModel(argument: _aiaas_v1_ExportModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ModelExport__Output>): grpc.ClientUnaryCall;
  ExportModel(argument: _aiaas_v1_ExportModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ModelExport__Output>): grpc.ClientUnaryCall;
  ExportModel(argument: _aiaas_v1_ExportModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ModelExport__Output>): grpc.ClientUnaryCall;
  ExportModel(argument: _aiaas_v1_ExportModelRequest, callback: grpc.requestCallback<_aiaas_v1_ModelExport__Output>): grpc.ClientUnaryCall;
  exportModel(argument: _aiaas_v1_ExportModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ModelExport__Output>): grpc.ClientUnaryCall;
  exportModel(argument: _aiaas_v1_ExportModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ModelExport__Output>): grpc.ClientUnaryCall;
  exportModel(argument: _aiaas_v1_ExportModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ModelExport__Output>): grpc.ClientUnaryCall;
  exportModel(argument: _aiaas_v1_ExportModelRequest, callback: grpc.requestCallback<_aiaas_v1_ModelExport__Output>): grpc.ClientUnaryCall;
  
  ListLoadedModels(argument: _aiaas_v1_ListLoadedModelsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListLoadedModelsResponse__Output>): grpc.ClientUnaryCall;
  ListLoadedModels(argument: _aiaas_v1_ListLoadedModelsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ListLoadedModelsResponse__Output>): grpc.ClientUnaryCall;
  ListLoadedModels(argument: _aiaas_v1_ListLoadedModelsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListLoadedModelsResponse__Output>): grpc.ClientUnaryCall;
  ListLoadedModels(argument: _aiaas_v1_ListLoadedModelsRequest, callback: grpc.requestCallback<_aiaas_v1_ListLoadedModelsResponse__Output>): grpc.ClientUnaryCall;
  listLoadedModels(argument: _aiaas_v1_ListLoadedModelsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListLoadedModelsResponse__Output>): grpc.ClientUnaryCall;
  listLoadedModels(argument: _aiaas_v1_ListLoadedModelsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ListLoadedModelsResponse__Output>): grpc.ClientUnaryCall;
  listLoadedModels(argument: _aiaas_v1_ListLoadedModelsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ListLoadedModelsResponse__Output>): grpc.ClientUnaryCall;
  listLoadedModels(argument: _aiaas_v1_ListLoadedModelsRequest, callback: grpc.requestCallback<_aiaas_v1_ListLoadedModelsResponse__Output>): grpc.ClientUnaryCall;
  
  LoadModel(argument: _aiaas_v1_LoadModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_LoadedModel__Output>): grpc.ClientUnaryCall;
  LoadModel(argument: _aiaas_v1_LoadModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_LoadedModel__Output>): grpc.ClientUnaryCall;
  LoadModel(argument: _aiaas_v1_LoadModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_LoadedModel__Output>): grpc.ClientUnaryCall;
  LoadModel(argument: _aiaas_v1_LoadModelRequest, callback: grpc.requestCallback<_aiaas_v1_LoadedModel__Output>): grpc.ClientUnaryCall;
  loadModel(argument: _aiaas_v1_LoadModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_LoadedModel__Output>): grpc.ClientUnaryCall;
  loadModel(argument: _aiaas_v1_LoadModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_LoadedModel__Output>): grpc.ClientUnaryCall;
  loadModel(argument: _aiaas_v1_LoadModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_LoadedModel__Output>): grpc.ClientUnaryCall;
  loadModel(argument: _aiaas_v1_LoadModelRequest, callback: grpc.requestCallback<_aiaas_v1_LoadedModel__Output>): grpc.ClientUnaryCall;
  
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
  
  Recommend(argument: _aiaas_v1_RecommendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  Recommend(argument: _aiaas_v1_RecommendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  Recommend(argument: _aiaas_v1_RecommendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  Recommend(argument: _aiaas_v1_RecommendRequest, callback: grpc.requestCallback<_aiaas_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  recommend(argument: _aiaas_v1_RecommendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  recommend(argument: _aiaas_v1_RecommendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  recommend(argument: _aiaas_v1_RecommendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  recommend(argument: _aiaas_v1_RecommendRequest, callback: grpc.requestCallback<_aiaas_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  
  TransformRecords(argument: _aiaas_v1_TransformRecordsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_TransformRecordsResponse__Output>): grpc.ClientUnaryCall;
  TransformRecords(argument: _aiaas_v1_TransformRecordsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_TransformRecordsResponse__Output>): grpc.ClientUnaryCall;
  TransformRecords(argument: _aiaas_v1_TransformRecordsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_TransformRecordsResponse__Output>): grpc.ClientUnaryCall;
  TransformRecords(argument: _aiaas_v1_TransformRecordsRequest, callback: grpc.requestCallback<_aiaas_v1_TransformRecordsResponse__Output>): grpc.ClientUnaryCall;
  transformRecords(argument: _aiaas_v1_TransformRecordsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_TransformRecordsResponse__Output>): grpc.ClientUnaryCall;
  transformRecords(argument: _aiaas_v1_TransformRecordsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_TransformRecordsResponse__Output>): grpc.ClientUnaryCall;
  transformRecords(argument: _aiaas_v1_TransformRecordsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_TransformRecordsResponse__Output>): grpc.ClientUnaryCall;
  transformRecords(argument: _aiaas_v1_TransformRecordsRequest, callback: grpc.requestCallback<_aiaas_v1_TransformRecordsResponse__Output>): grpc.ClientUnaryCall;
  
  UnloadModel(argument: _aiaas_v1_UnloadModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_UnloadModelResponse__Output>): grpc.ClientUnaryCall;
  UnloadModel(argument: _aiaas_v1_UnloadModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_UnloadModelResponse__Output>): grpc.ClientUnaryCall;
  UnloadModel(argument: _aiaas_v1_UnloadModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_UnloadModelResponse__Output>): grpc.ClientUnaryCall;
  UnloadModel(argument: _aiaas_v1_UnloadModelRequest, callback: grpc.requestCallback<_aiaas_v1_UnloadModelResponse__Output>): grpc.ClientUnaryCall;
  unloadModel(argument: _aiaas_v1_UnloadModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_UnloadModelResponse__Output>): grpc.ClientUnaryCall;
  unloadModel(argument: _aiaas_v1_UnloadModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_UnloadModelResponse__Output>): grpc.ClientUnaryCall;
  unloadModel(argument: _aiaas_v1_UnloadModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_UnloadModelResponse__Output>): grpc.ClientUnaryCall;
  unloadModel(argument: _aiaas_v1_UnloadModelRequest, callback: grpc.requestCallback<_aiaas_v1_UnloadModelResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface InferenceServiceHandlers extends grpc.UntypedServiceImplementation {
  DescribeWorker: grpc.handleUnaryCall<_aiaas_v1_DescribeWorkerRequest__Output, _aiaas_v1_WorkerInfo>;
  
  ExportModel: grpc.handleUnaryCall<_aiaas_v1_ExportModelRequest__Output, _aiaas_v1_ModelExport>;
  
  ListLoadedModels: grpc.handleUnaryCall<_aiaas_v1_ListLoadedModelsRequest__Output, _aiaas_v1_ListLoadedModelsResponse>;
  
  LoadModel: grpc.handleUnaryCall<_aiaas_v1_LoadModelRequest__Output, _aiaas_v1_LoadedModel>;
  
  Predict: grpc.handleUnaryCall<_aiaas_v1_PredictRequest__Output, _aiaas_v1_PredictResponse>;
  
  PredictStream: grpc.handleBidiStreamingCall<_aiaas_v1_PredictRequest__Output, _aiaas_v1_PredictResponse>;
  
  Recommend: grpc.handleUnaryCall<_aiaas_v1_RecommendRequest__Output, _aiaas_v1_RecommendResponse>;
  
  TransformRecords: grpc.handleUnaryCall<_aiaas_v1_TransformRecordsRequest__Output, _aiaas_v1_TransformRecordsResponse>;
  
  UnloadModel: grpc.handleUnaryCall<_aiaas_v1_UnloadModelRequest__Output, _aiaas_v1_UnloadModelResponse>;
  
}

export interface InferenceServiceDefinition extends grpc.ServiceDefinition {
  DescribeWorker: MethodDefinition<_aiaas_v1_DescribeWorkerRequest, _aiaas_v1_WorkerInfo, _aiaas_v1_DescribeWorkerRequest__Output, _aiaas_v1_WorkerInfo__Output>
  ExportModel: MethodDefinition<_aiaas_v1_ExportModelRequest, _aiaas_v1_ModelExport, _aiaas_v1_ExportModelRequest__Output, _aiaas_v1_ModelExport__Output>
  ListLoadedModels: MethodDefinition<_aiaas_v1_ListLoadedModelsRequest, _aiaas_v1_ListLoadedModelsResponse, _aiaas_v1_ListLoadedModelsRequest__Output, _aiaas_v1_ListLoadedModelsResponse__Output>
  LoadModel: MethodDefinition<_aiaas_v1_LoadModelRequest, _aiaas_v1_LoadedModel, _aiaas_v1_LoadModelRequest__Output, _aiaas_v1_LoadedModel__Output>
  Predict: MethodDefinition<_aiaas_v1_PredictRequest, _aiaas_v1_PredictResponse, _aiaas_v1_PredictRequest__Output, _aiaas_v1_PredictResponse__Output>
  PredictStream: MethodDefinition<_aiaas_v1_PredictRequest, _aiaas_v1_PredictResponse, _aiaas_v1_PredictRequest__Output, _aiaas_v1_PredictResponse__Output>
  Recommend: MethodDefinition<_aiaas_v1_RecommendRequest, _aiaas_v1_RecommendResponse, _aiaas_v1_RecommendRequest__Output, _aiaas_v1_RecommendResponse__Output>
  TransformRecords: MethodDefinition<_aiaas_v1_TransformRecordsRequest, _aiaas_v1_TransformRecordsResponse, _aiaas_v1_TransformRecordsRequest__Output, _aiaas_v1_TransformRecordsResponse__Output>
  UnloadModel: MethodDefinition<_aiaas_v1_UnloadModelRequest, _aiaas_v1_UnloadModelResponse, _aiaas_v1_UnloadModelRequest__Output, _aiaas_v1_UnloadModelResponse__Output>
}
