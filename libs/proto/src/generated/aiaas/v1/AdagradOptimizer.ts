// Original file: protos/aiaas/v1/training_spec.proto


export interface AdagradOptimizer {
  'initial_accumulator_value'?: (number | string);
}

export interface AdagradOptimizer__Output {
  'initial_accumulator_value': (number);
}
