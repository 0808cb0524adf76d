// Original file: protos/aiaas/v1/auth.proto

import type { Role as _aiaas_v1_Role, Role__Output as _aiaas_v1_Role__Output } from '../../aiaas/v1/Role';

export interface CreateApiKeyRequest {
  'tenant'?: (string);
  'roles'?: (_aiaas_v1_Role)[];
  'name'?: (string);
}

export interface CreateApiKeyRequest__Output {
  'tenant': (string);
  'roles': (_aiaas_v1_Role__Output)[];
  'name': (string);
}
