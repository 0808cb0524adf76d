// Original file: protos/aiaas/v1/training.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DescribeWorkerRequest as _aiaas_v1_DescribeWorkerRequest, DescribeWorkerRequest__Output as _aiaas_v1_DescribeWorkerRequest__Output } from '../../aiaas/v1/DescribeWorkerRequest';
import type { WorkerInfo as _aiaas_v1_WorkerInfo, WorkerInfo__Output as _aiaas_v1_WorkerInfo__Output } from '../../aiaas/v1/WorkerInfo';

export interface TrainingServiceClient extends grpc.Client {
  DescribeWorker(argument: _aiaas_v1_DescribeWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  DescribeWorker(argument: _aiaas_v1_DescribeWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  DescribeWorker(argument: _aiaas_v1_DescribeWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  DescribeWorker(argument: _aiaas_v1_DescribeWorkerRequest, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  describeWorker(argument: _aiaas_v1_DescribeWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  describeWorker(argument: _aiaas_v1_DescribeWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  describeWorker(argument: _aiaas_v1_DescribeWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  describeWorker(argument: _aiaas_v1_DescribeWorkerRequest, callback: grpc.requestCallback<_aiaas_v1_WorkerInfo__Output>): grpc.ClientUnaryCall;
  
}

export interface TrainingServiceHandlers extends grpc.UntypedServiceImplementation {
  DescribeWorker: grpc.handleUnaryCall<_aiaas_v1_DescribeWorkerRequest__Output, _aiaas_v1_WorkerInfo>;
  
}

export interface TrainingServiceDefinition extends grpc.ServiceDefinition {
  DescribeWorker: MethodDefinition<_aiaas_v1_DescribeWorkerRequest, _aiaas_v1_WorkerInfo, _aiaas_v1_DescribeWorkerRequest__Output, _aiaas_v1_WorkerInfo__Output>
}
