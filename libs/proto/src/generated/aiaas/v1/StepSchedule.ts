// Original file: protos/aiaas/v1/training_spec.proto


export interface StepSchedule {
  'every_epochs'?: (number);
  'factor'?: (number | string);
}

export interface StepSchedule__Output {
  'every_epochs': (number);
  'factor': (number);
}
