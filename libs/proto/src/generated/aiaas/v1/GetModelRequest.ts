// Original file: protos/aiaas/v1/model.proto


export interface GetModelRequest {
  'model_name'?: (string);
}

export interface GetModelRequest__Output {
  'model_name': (string);
}
