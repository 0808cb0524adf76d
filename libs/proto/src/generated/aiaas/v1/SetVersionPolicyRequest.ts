// Original file: protos/aiaas/v1/model.proto

import type { VersionPolicy as _aiaas_v1_VersionPolicy, VersionPolicy__Output as _aiaas_v1_VersionPolicy__Output } from '../../aiaas/v1/VersionPolicy';

export interface SetVersionPolicyRequest {
  'model_name'?: (string);
  'policy'?: (_aiaas_v1_VersionPolicy | null);
}

export interface SetVersionPolicyRequest__Output {
  'model_name': (string);
  'policy': (_aiaas_v1_VersionPolicy__Output | null);
}
