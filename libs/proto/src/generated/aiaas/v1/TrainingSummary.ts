// Original file: protos/aiaas/v1/model.proto

import type { Long } from '@grpc/proto-loader';

export interface TrainingSummary {
  'model_family'?: (string);
  'train_rows'?: (number | string | Long);
  'validation_rows'?: (number | string | Long);
  'epochs_run'?: (number);
  'ending'?: (string);
  'kept_epoch'?: (number);
  'metrics'?: ({[key: string]: number | string});
  'loss_history'?: (number | string)[];
  'validation_loss_history'?: (number | string)[];
  'seconds'?: (number | string);
  'samples_per_second'?: (number | string);
}

export interface TrainingSummary__Output {
  'model_family': (string);
  'train_rows': (number);
  'validation_rows': (number);
  'epochs_run': (number);
  'ending': (string);
  'kept_epoch': (number);
  'metrics': ({[key: string]: number});
  'loss_history': (number)[];
  'validation_loss_history': (number)[];
  'seconds': (number);
  'samples_per_second': (number);
}
