// Original file: protos/aiaas/v1/training_spec.proto


export interface ParameterRange {
  'min'?: (number | string);
  'max'?: (number | string);
  'log'?: (boolean);
}

export interface ParameterRange__Output {
  'min': (number);
  'max': (number);
  'log': (boolean);
}
