// Original file: protos/aiaas/v1/training_spec.proto


export interface RmspropOptimizer {
  'rho'?: (number | string);
  'momentum'?: (number | string);
  'epsilon'?: (number | string);
}

export interface RmspropOptimizer__Output {
  'rho': (number);
  'momentum': (number);
  'epsilon': (number);
}
