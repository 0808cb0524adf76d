// Original file: protos/aiaas/v1/training_spec.proto


export interface SgdOptimizer {
  'momentum'?: (number | string);
  'nesterov'?: (boolean);
}

export interface SgdOptimizer__Output {
  'momentum': (number);
  'nesterov': (boolean);
}
