// Original file: protos/aiaas/v1/auth.proto


export interface ListApiKeysRequest {
  'tenant'?: (string);
}

export interface ListApiKeysRequest__Output {
  'tenant': (string);
}
