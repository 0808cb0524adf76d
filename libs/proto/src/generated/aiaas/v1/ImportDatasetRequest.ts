// Original file: protos/aiaas/v1/dataset.proto

import type { UploadDatasetHeader as _aiaas_v1_UploadDatasetHeader, UploadDatasetHeader__Output as _aiaas_v1_UploadDatasetHeader__Output } from '../../aiaas/v1/UploadDatasetHeader';

export interface ImportDatasetRequest {
  'options'?: (_aiaas_v1_UploadDatasetHeader | null);
  'source_uri'?: (string);
}

export interface ImportDatasetRequest__Output {
  'options': (_aiaas_v1_UploadDatasetHeader__Output | null);
  'source_uri': (string);
}
