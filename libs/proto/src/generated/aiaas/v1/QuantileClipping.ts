// Original file: protos/aiaas/v1/preprocessing_spec.proto


export interface QuantileClipping {
  'lower'?: (number | string);
  'upper'?: (number | string);
}

export interface QuantileClipping__Output {
  'lower': (number);
  'upper': (number);
}
