// Original file: protos/aiaas/v1/model.proto


export interface RollbackAliasRequest {
  'model_name'?: (string);
  'alias'?: (string);
}

export interface RollbackAliasRequest__Output {
  'model_name': (string);
  'alias': (string);
}
