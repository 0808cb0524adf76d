// Original file: protos/aiaas/v1/training_spec.proto


export interface CosineSchedule {
  'min_learning_rate'?: (number | string);
}

export interface CosineSchedule__Output {
  'min_learning_rate': (number);
}
