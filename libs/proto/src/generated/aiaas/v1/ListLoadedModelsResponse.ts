// Original file: protos/aiaas/v1/inference.proto

import type { LoadedModel as _aiaas_v1_LoadedModel, LoadedModel__Output as _aiaas_v1_LoadedModel__Output } from '../../aiaas/v1/LoadedModel';

export interface ListLoadedModelsResponse {
  'models'?: (_aiaas_v1_LoadedModel)[];
}

export interface ListLoadedModelsResponse__Output {
  'models': (_aiaas_v1_LoadedModel__Output)[];
}
