// Original file: protos/aiaas/v1/gateway.proto


export interface ListRequest {
  'limit'?: (number);
  'offset'?: (number);
}

export interface ListRequest__Output {
  'limit': (number);
  'offset': (number);
}
