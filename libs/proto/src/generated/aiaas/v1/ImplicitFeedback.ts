// Original file: protos/aiaas/v1/training_spec.proto


export interface ImplicitFeedback {
  'negatives_per_positive'?: (number);
}

export interface ImplicitFeedback__Output {
  'negatives_per_positive': (number);
}
