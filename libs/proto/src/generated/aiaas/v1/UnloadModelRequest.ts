// Original file: protos/aiaas/v1/inference.proto


export interface UnloadModelRequest {
  'model_name'?: (string);
  'version'?: (number);
}

export interface UnloadModelRequest__Output {
  'model_name': (string);
  'version': (number);
}
