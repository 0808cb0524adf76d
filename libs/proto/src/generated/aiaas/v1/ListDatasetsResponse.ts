// Original file: protos/aiaas/v1/gateway.proto

import type { Dataset as _aiaas_v1_Dataset, Dataset__Output as _aiaas_v1_Dataset__Output } from '../../aiaas/v1/Dataset';

export interface ListDatasetsResponse {
  'datasets'?: (_aiaas_v1_Dataset)[];
}

export interface ListDatasetsResponse__Output {
  'datasets': (_aiaas_v1_Dataset__Output)[];
}
