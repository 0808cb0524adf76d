// Original file: protos/aiaas/v1/job.proto


export interface TrainingSpec {
  'hidden_units'?: (number)[];
  'epochs'?: (number);
  'batch_size'?: (number);
  'learning_rate'?: (number | string);
  'dropout'?: (number | string);
  'seed'?: (number);
  '_seed'?: "seed";
}

export interface TrainingSpec__Output {
  'hidden_units': (number)[];
  'epochs': (number);
  'batch_size': (number);
  'learning_rate': (number);
  'dropout': (number);
  'seed'?: (number);
  '_seed'?: "seed";
}
