// Original file: protos/aiaas/v1/job.proto


export interface EpochEnded {
  'epoch'?: (number);
  'epochs'?: (number);
  'metrics'?: ({[key: string]: number | string});
  'eta_seconds'?: (number | string);
}

export interface EpochEnded__Output {
  'epoch': (number);
  'epochs': (number);
  'metrics': ({[key: string]: number});
  'eta_seconds': (number);
}
