import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { DescribeWorkerRequest as _aiaas_v1_DescribeWorkerRequest, DescribeWorkerRequest__Output as _aiaas_v1_DescribeWorkerRequest__Output } from './aiaas/v1/DescribeWorkerRequest';
import type { EvaluationServiceClient as _aiaas_v1_EvaluationServiceClient, EvaluationServiceDefinition as _aiaas_v1_EvaluationServiceDefinition } from './aiaas/v1/EvaluationService';
import type { WorkerInfo as _aiaas_v1_WorkerInfo, WorkerInfo__Output as _aiaas_v1_WorkerInfo__Output } from './aiaas/v1/WorkerInfo';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  aiaas: {
    v1: {
      DescribeWorkerRequest: MessageTypeDefinition<_aiaas_v1_DescribeWorkerRequest, _aiaas_v1_DescribeWorkerRequest__Output>
      EvaluationService: SubtypeConstructor<typeof grpc.Client, _aiaas_v1_EvaluationServiceClient> & { service: _aiaas_v1_EvaluationServiceDefinition }
      WorkerInfo: MessageTypeDefinition<_aiaas_v1_WorkerInfo, _aiaas_v1_WorkerInfo__Output>
    }
  }
}

