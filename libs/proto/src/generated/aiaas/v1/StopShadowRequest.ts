// Original file: protos/aiaas/v1/model.proto


export interface StopShadowRequest {
  'model_name'?: (string);
}

export interface StopShadowRequest__Output {
  'model_name': (string);
}
