// Original file: protos/aiaas/v1/inference.proto


export interface LoadModelRequest {
  'model_name'?: (string);
  'version'?: (number);
}

export interface LoadModelRequest__Output {
  'model_name': (string);
  'version': (number);
}
