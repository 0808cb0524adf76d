// Original file: protos/aiaas/v1/inference.proto


export interface UnloadModelResponse {
  'unloaded'?: (boolean);
}

export interface UnloadModelResponse__Output {
  'unloaded': (boolean);
}
