// Original file: protos/aiaas/v1/model.proto


export interface SetAliasRequest {
  'model_name'?: (string);
  'alias'?: (string);
  'version'?: (number);
}

export interface SetAliasRequest__Output {
  'model_name': (string);
  'alias': (string);
  'version': (number);
}
