// Original file: protos/aiaas/v1/model.proto

import type { Model as _aiaas_v1_Model, Model__Output as _aiaas_v1_Model__Output } from '../../aiaas/v1/Model';

export interface ListModelsResponse {
  'models'?: (_aiaas_v1_Model)[];
}

export interface ListModelsResponse__Output {
  'models': (_aiaas_v1_Model__Output)[];
}
