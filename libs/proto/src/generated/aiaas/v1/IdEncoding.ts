// Original file: protos/aiaas/v1/preprocessing_spec.proto


export interface IdEncoding {
  'index'?: (boolean);
}

export interface IdEncoding__Output {
  'index': (boolean);
}
