// Original file: protos/aiaas/v1/dataset.proto

import type { UploadDatasetHeader as _aiaas_v1_UploadDatasetHeader, UploadDatasetHeader__Output as _aiaas_v1_UploadDatasetHeader__Output } from '../../aiaas/v1/UploadDatasetHeader';

export interface UploadDatasetRequest {
  'header'?: (_aiaas_v1_UploadDatasetHeader | null);
  'chunk'?: (Buffer | Uint8Array | string);
  'part'?: "header"|"chunk";
}

export interface UploadDatasetRequest__Output {
  'header'?: (_aiaas_v1_UploadDatasetHeader__Output | null);
  'chunk'?: (Buffer);
  'part'?: "header"|"chunk";
}
