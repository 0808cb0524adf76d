// Original file: protos/aiaas/v1/auth.proto

import type { ApiKey as _aiaas_v1_ApiKey, ApiKey__Output as _aiaas_v1_ApiKey__Output } from '../../aiaas/v1/ApiKey';

export interface ListApiKeysResponse {
  'api_keys'?: (_aiaas_v1_ApiKey)[];
}

export interface ListApiKeysResponse__Output {
  'api_keys': (_aiaas_v1_ApiKey__Output)[];
}
