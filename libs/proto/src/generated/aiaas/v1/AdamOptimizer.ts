// Original file: protos/aiaas/v1/training_spec.proto


export interface AdamOptimizer {
  'beta1'?: (number | string);
  'beta2'?: (number | string);
  'epsilon'?: (number | string);
}

export interface AdamOptimizer__Output {
  'beta1': (number);
  'beta2': (number);
  'epsilon': (number);
}
