import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ColumnSummary as _aiaas_v1_ColumnSummary, ColumnSummary__Output as _aiaas_v1_ColumnSummary__Output } from './aiaas/v1/ColumnSummary';
import type { Dataset as _aiaas_v1_Dataset, Dataset__Output as _aiaas_v1_Dataset__Output } from './aiaas/v1/Dataset';
import type { DescribeWorkerRequest as _aiaas_v1_DescribeWorkerRequest, DescribeWorkerRequest__Output as _aiaas_v1_DescribeWorkerRequest__Output } from './aiaas/v1/DescribeWorkerRequest';
import type { GetDatasetRequest as _aiaas_v1_GetDatasetRequest, GetDatasetRequest__Output as _aiaas_v1_GetDatasetRequest__Output } from './aiaas/v1/GetDatasetRequest';
import type { PreprocessingServiceClient as _aiaas_v1_PreprocessingServiceClient, PreprocessingServiceDefinition as _aiaas_v1_PreprocessingServiceDefinition } from './aiaas/v1/PreprocessingService';
import type { UploadDatasetHeader as _aiaas_v1_UploadDatasetHeader, UploadDatasetHeader__Output as _aiaas_v1_UploadDatasetHeader__Output } from './aiaas/v1/UploadDatasetHeader';
import type { UploadDatasetRequest as _aiaas_v1_UploadDatasetRequest, UploadDatasetRequest__Output as _aiaas_v1_UploadDatasetRequest__Output } from './aiaas/v1/UploadDatasetRequest';
import type { WorkerInfo as _aiaas_v1_WorkerInfo, WorkerInfo__Output as _aiaas_v1_WorkerInfo__Output } from './aiaas/v1/WorkerInfo';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  aiaas: {
    v1: {
      ColumnSummary: MessageTypeDefinition<_aiaas_v1_ColumnSummary, _aiaas_v1_ColumnSummary__Output>
      ColumnType: EnumTypeDefinition
      Dataset: MessageTypeDefinition<_aiaas_v1_Dataset, _aiaas_v1_Dataset__Output>
      DescribeWorkerRequest: MessageTypeDefinition<_aiaas_v1_DescribeWorkerRequest, _aiaas_v1_DescribeWorkerRequest__Output>
      GetDatasetRequest: MessageTypeDefinition<_aiaas_v1_GetDatasetRequest, _aiaas_v1_GetDatasetRequest__Output>
      PreprocessingService: SubtypeConstructor<typeof grpc.Client, _aiaas_v1_PreprocessingServiceClient> & { service: _aiaas_v1_PreprocessingServiceDefinition }
      UploadDatasetHeader: MessageTypeDefinition<_aiaas_v1_UploadDatasetHeader, _aiaas_v1_UploadDatasetHeader__Output>
      UploadDatasetRequest: MessageTypeDefinition<_aiaas_v1_UploadDatasetRequest, _aiaas_v1_UploadDatasetRequest__Output>
      WorkerInfo: MessageTypeDefinition<_aiaas_v1_WorkerInfo, _aiaas_v1_WorkerInfo__Output>
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

