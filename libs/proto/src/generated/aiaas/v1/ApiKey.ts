// Original file: protos/aiaas/v1/auth.proto

import type { Role as _aiaas_v1_Role, Role__Output as _aiaas_v1_Role__Output } from '../../aiaas/v1/Role';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

export interface ApiKey {
  'key_id'?: (string);
  'tenant'?: (string);
  'roles'?: (_aiaas_v1_Role)[];
  'name'?: (string);
  'created_at'?: (_google_protobuf_Timestamp | null);
  'revoked_at'?: (_google_protobuf_Timestamp | null);
}

export interface ApiKey__Output {
  'key_id': (string);
  'tenant': (string);
  'roles': (_aiaas_v1_Role__Output)[];
  'name': (string);
  'created_at': (_google_protobuf_Timestamp__Output | null);
  'revoked_at': (_google_protobuf_Timestamp__Output | null);
}
