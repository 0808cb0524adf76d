// Original file: protos/aiaas/v1/evaluation.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DescribeWorkerRequest as _aiaas_v1_DescribeWorkerRequest, DescribeWorkerRequest__Output as _aiaas_v1_DescribeWorkerRequest__Output } from '../../aiaas/v1/DescribeWorkerRequest';
import type { EvaluateModelRequest as _aiaas_v1_EvaluateModelRequest, EvaluateModelRequest__Output as _aiaas_v1_EvaluateModelRequest__Output } from '../../aiaas/v1/EvaluateModelRequest';
import type { Evaluation as _aiaas_v1_Evaluation, Evaluation__Output as _aiaas_v1_Evaluation__Output } from '../../aiaas/v1/Evaluation';
import type { GetModelReportRequest as _aiaas_v1_GetModelReportRequest, GetModelReportRequest__Output as _aiaas_v1_GetModelReportRequest__Output } from '../../aiaas/v1/GetModelReportRequest';
import type { ModelReport as _aiaas_v1_ModelReport, ModelReport__Output as _aiaas_v1_ModelReport__Output } from '../../aiaas/v1/ModelReport';
import type { WorkerInfo as _aiaas_v1_WorkerInfo, WorkerInfo__Output as _aiaas_v1_WorkerInfo__Output } from '../../aiaas/v1/WorkerInfo';

export interface EvaluationServiceClient extends grpc.Client {
  DescribeWorker(argument: _aiaas_v1_DescribeWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  DescribeWorker(argument: _aiaas_v1_DescribeWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  DescribeWorker(argument: _aiaas_v1_DescribeWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  DescribeWorker(argument: _aiaas_v1_DescribeWorkerRequest, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  describeWorker(argument: _aiaas_v1_DescribeWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  describeWorker(argument: _aiaas_v1_DescribeWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  describeWorker(argument: _aiaas_v1_DescribeWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  describeWorker(argument: _aiaas_v1_DescribeWorkerRequest, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  
  EvaluateModel(argument: _aiaas_v1_EvaluateModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Evaluation__Output>): grpc.ClientUnaryCall;
  EvaluateModel(argument: _aiaas_v1_EvaluateModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Evaluation__Output>): grpc.ClientUnaryCall;
  EvaluateModel(argument: _aiaas_v1_EvaluateModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Evaluation__Output>): grpc.ClientUnaryCall;
  EvaluateModel(argument: _aiaas_v1_EvaluateModelRequest, callback: grpc.requestCallback<_aiaas_v1_Evaluation__Output>): grpc.ClientUnaryCall;
  evaluateModel(argument: _aiaas_v1_EvaluateModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Evaluation__Output>): grpc.ClientUnaryCall;
  evaluateModel(argument: _aiaas_v1_EvaluateModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_Evaluation__Output>): grpc.ClientUnaryCall;
  evaluateModel(argument: _aiaas_v1_EvaluateModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_Evaluation__Output>): grpc.ClientUnaryCall;
  evaluateModel(argument: _aiaas_v1_EvaluateModelRequest, callback: grpc.requestCallback<_aiaas_v1_Evaluation__Output>): grpc.ClientUnaryCall;
  
  GetModelReport(argument: _aiaas_v1_GetModelReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ModelReport__Output>): grpc.ClientUnaryCall;
  GetModelReport(argument: _aiaas_v1_GetModelReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ModelReport__Output>): grpc.ClientUnaryCall;
  GetModelReport(argument: _aiaas_v1_GetModelReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ModelReport__Output>): grpc.ClientUnaryCall;
  GetModelReport(argument: _aiaas_v1_GetModelReportRequest, callback: grpc.requestCallback<_aiaas_v1_ModelReport__Output>): grpc.ClientUnaryCall;
  getModelReport(argument: _aiaas_v1_GetModelReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ModelReport__Output>): grpc.ClientUnaryCall;
  getModelReport(argument: _aiaas_v1_GetModelReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_ModelReport__Output>): grpc.ClientUnaryCall;
  getModelReport(argument: _aiaas_v1_GetModelReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_ModelReport__Output>): grpc.ClientUnaryCall;
  getModelReport(argument: _aiaas_v1_GetModelReportRequest, callback: grpc.requestCallback<_aiaas_v1_ModelReport__Output>): grpc.ClientUnaryCall;
  
}

export interface EvaluationServiceHandlers extends grpc.UntypedServiceImplementation {
  DescribeWorker: grpc.handleUnaryCall<_aiaas_v1_DescribeWorkerRequest__Output, _aiaas_v1_WorkerInfo>;
  
  EvaluateModel: grpc.handleUnaryCall<_aiaas_v1_EvaluateModelRequest__Output, _aiaas_v1_Evaluation>;
  
  GetModelReport: grpc.handleUnaryCall<_aiaas_v1_GetModelReportRequest__Output, _aiaas_v1_ModelReport>;
  
}

export interface EvaluationServiceDefinition extends grpc.ServiceDefinition {
  DescribeWorker: MethodDefinition<_aiaas_v1_DescribeWorkerRequest, _aiaas_v1_WorkerInfo, _aiaas_v1_DescribeWorkerRequest__Output, _aiaas_v1_WorkerInfo__Output>
  EvaluateModel: MethodDefinition<_aiaas_v1_EvaluateModelRequest, _aiaas_v1_Evaluation, _aiaas_v1_EvaluateModelRequest__Output, _aiaas_v1_Evaluation__Output>
  GetModelReport: MethodDefinition<_aiaas_v1_GetModelReportRequest, _aiaas_v1_ModelReport, _aiaas_v1_GetModelReportRequest__Output, _aiaas_v1_ModelReport__Output>
}
