// Original file: protos/aiaas/v1/preprocessing_spec.proto


export interface ZScoreClipping {
  'threshold'?: (number | string);
}

export interface ZScoreClipping__Output {
  'threshold': (number);
}
