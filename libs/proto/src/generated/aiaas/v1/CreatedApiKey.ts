// Original file: protos/aiaas/v1/auth.proto

import type { ApiKey as _aiaas_v1_ApiKey, ApiKey__Output as _aiaas_v1_ApiKey__Output } from '../../aiaas/v1/ApiKey';

export interface CreatedApiKey {
  'api_key'?: (_aiaas_v1_ApiKey | null);
  'key'?: (string);
}

export interface CreatedApiKey__Output {
  'api_key': (_aiaas_v1_ApiKey__Output | null);
  'key': (string);
}
