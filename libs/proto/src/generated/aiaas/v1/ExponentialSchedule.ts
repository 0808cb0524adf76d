// Original file: protos/aiaas/v1/training_spec.proto


export interface ExponentialSchedule {
  'decay_per_epoch'?: (number | string);
}

export interface ExponentialSchedule__Output {
  'decay_per_epoch': (number);
}
