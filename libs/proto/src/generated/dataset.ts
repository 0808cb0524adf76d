import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Anomaly as _aiaas_v1_Anomaly, Anomaly__Output as _aiaas_v1_Anomaly__Output } from './aiaas/v1/Anomaly';
import type { BooleanStatistics as _aiaas_v1_BooleanStatistics, BooleanStatistics__Output as _aiaas_v1_BooleanStatistics__Output } from './aiaas/v1/BooleanStatistics';
import type { ColumnStatistics as _aiaas_v1_ColumnStatistics, ColumnStatistics__Output as _aiaas_v1_ColumnStatistics__Output } from './aiaas/v1/ColumnStatistics';
import type { ColumnSummary as _aiaas_v1_ColumnSummary, ColumnSummary__Output as _aiaas_v1_ColumnSummary__Output } from './aiaas/v1/ColumnSummary';
import type { Dataset as _aiaas_v1_Dataset, Dataset__Output as _aiaas_v1_Dataset__Output } from './aiaas/v1/Dataset';
import type { DatasetStatistics as _aiaas_v1_DatasetStatistics, DatasetStatistics__Output as _aiaas_v1_DatasetStatistics__Output } from './aiaas/v1/DatasetStatistics';
import type { DeclaredColumn as _aiaas_v1_DeclaredColumn, DeclaredColumn__Output as _aiaas_v1_DeclaredColumn__Output } from './aiaas/v1/DeclaredColumn';
import type { GetDatasetRequest as _aiaas_v1_GetDatasetRequest, GetDatasetRequest__Output as _aiaas_v1_GetDatasetRequest__Output } from './aiaas/v1/GetDatasetRequest';
import type { GetDatasetStatsRequest as _aiaas_v1_GetDatasetStatsRequest, GetDatasetStatsRequest__Output as _aiaas_v1_GetDatasetStatsRequest__Output } from './aiaas/v1/GetDatasetStatsRequest';
import type { ImportDatasetRequest as _aiaas_v1_ImportDatasetRequest, ImportDatasetRequest__Output as _aiaas_v1_ImportDatasetRequest__Output } from './aiaas/v1/ImportDatasetRequest';
import type { LengthBucket as _aiaas_v1_LengthBucket, LengthBucket__Output as _aiaas_v1_LengthBucket__Output } from './aiaas/v1/LengthBucket';
import type { NumericStatistics as _aiaas_v1_NumericStatistics, NumericStatistics__Output as _aiaas_v1_NumericStatistics__Output } from './aiaas/v1/NumericStatistics';
import type { PreviewDatasetRequest as _aiaas_v1_PreviewDatasetRequest, PreviewDatasetRequest__Output as _aiaas_v1_PreviewDatasetRequest__Output } from './aiaas/v1/PreviewDatasetRequest';
import type { PreviewDatasetResponse as _aiaas_v1_PreviewDatasetResponse, PreviewDatasetResponse__Output as _aiaas_v1_PreviewDatasetResponse__Output } from './aiaas/v1/PreviewDatasetResponse';
import type { PreviewRow as _aiaas_v1_PreviewRow, PreviewRow__Output as _aiaas_v1_PreviewRow__Output } from './aiaas/v1/PreviewRow';
import type { TextStatistics as _aiaas_v1_TextStatistics, TextStatistics__Output as _aiaas_v1_TextStatistics__Output } from './aiaas/v1/TextStatistics';
import type { UploadDatasetHeader as _aiaas_v1_UploadDatasetHeader, UploadDatasetHeader__Output as _aiaas_v1_UploadDatasetHeader__Output } from './aiaas/v1/UploadDatasetHeader';
import type { UploadDatasetRequest as _aiaas_v1_UploadDatasetRequest, UploadDatasetRequest__Output as _aiaas_v1_UploadDatasetRequest__Output } from './aiaas/v1/UploadDatasetRequest';
import type { ValueCount as _aiaas_v1_ValueCount, ValueCount__Output as _aiaas_v1_ValueCount__Output } from './aiaas/v1/ValueCount';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  aiaas: {
    v1: {
      Anomaly: MessageTypeDefinition<_aiaas_v1_Anomaly, _aiaas_v1_Anomaly__Output>
      AnomalyKind: EnumTypeDefinition
      AnomalyPolicy: EnumTypeDefinition
      BooleanStatistics: MessageTypeDefinition<_aiaas_v1_BooleanStatistics, _aiaas_v1_BooleanStatistics__Output>
      ColumnStatistics: MessageTypeDefinition<_aiaas_v1_ColumnStatistics, _aiaas_v1_ColumnStatistics__Output>
      ColumnSummary: MessageTypeDefinition<_aiaas_v1_ColumnSummary, _aiaas_v1_ColumnSummary__Output>
      ColumnType: EnumTypeDefinition
      DataFormat: EnumTypeDefinition
      Dataset: MessageTypeDefinition<_aiaas_v1_Dataset, _aiaas_v1_Dataset__Output>
      DatasetStatistics: MessageTypeDefinition<_aiaas_v1_DatasetStatistics, _aiaas_v1_DatasetStatistics__Output>
      DeclaredColumn: MessageTypeDefinition<_aiaas_v1_DeclaredColumn, _aiaas_v1_DeclaredColumn__Output>
      GetDatasetRequest: MessageTypeDefinition<_aiaas_v1_GetDatasetRequest, _aiaas_v1_GetDatasetRequest__Output>
      GetDatasetStatsRequest: MessageTypeDefinition<_aiaas_v1_GetDatasetStatsRequest, _aiaas_v1_GetDatasetStatsRequest__Output>
      ImportDatasetRequest: MessageTypeDefinition<_aiaas_v1_ImportDatasetRequest, _aiaas_v1_ImportDatasetRequest__Output>
      LengthBucket: MessageTypeDefinition<_aiaas_v1_LengthBucket, _aiaas_v1_LengthBucket__Output>
      NumericStatistics: MessageTypeDefinition<_aiaas_v1_NumericStatistics, _aiaas_v1_NumericStatistics__Output>
      PreviewDatasetRequest: MessageTypeDefinition<_aiaas_v1_PreviewDatasetRequest, _aiaas_v1_PreviewDatasetRequest__Output>
      PreviewDatasetResponse: MessageTypeDefinition<_aiaas_v1_PreviewDatasetResponse, _aiaas_v1_PreviewDatasetResponse__Output>
      PreviewRow: MessageTypeDefinition<_aiaas_v1_PreviewRow, _aiaas_v1_PreviewRow__Output>
      TextStatistics: MessageTypeDefinition<_aiaas_v1_TextStatistics, _aiaas_v1_TextStatistics__Output>
      UploadDatasetHeader: MessageTypeDefinition<_aiaas_v1_UploadDatasetHeader, _aiaas_v1_UploadDatasetHeader__Output>
      UploadDatasetRequest: MessageTypeDefinition<_aiaas_v1_UploadDatasetRequest, _aiaas_v1_UploadDatasetRequest__Output>
      ValueCount: MessageTypeDefinition<_aiaas_v1_ValueCount, _aiaas_v1_ValueCount__Output>
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

