// Original file: protos/aiaas/v1/auth.proto


export interface RevokeApiKeyRequest {
  'key_id'?: (string);
}

export interface RevokeApiKeyRequest__Output {
  'key_id': (string);
}
