// Original file: protos/aiaas/v1/dataset.proto

import type { Dataset as _aiaas_v1_Dataset, Dataset__Output as _aiaas_v1_Dataset__Output } from '../../aiaas/v1/Dataset';
import type { PreviewRow as _aiaas_v1_PreviewRow, PreviewRow__Output as _aiaas_v1_PreviewRow__Output } from '../../aiaas/v1/PreviewRow';

export interface PreviewDatasetResponse {
  'dataset'?: (_aiaas_v1_Dataset | null);
  'rows'?: (_aiaas_v1_PreviewRow)[];
}

export interface PreviewDatasetResponse__Output {
  'dataset': (_aiaas_v1_Dataset__Output | null);
  'rows': (_aiaas_v1_PreviewRow__Output)[];
}
