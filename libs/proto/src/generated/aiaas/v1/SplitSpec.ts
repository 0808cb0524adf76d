// Original file: protos/aiaas/v1/job.proto


export interface SplitSpec {
  'test_fraction'?: (number | string);
  'seed'?: (number);
  '_seed'?: "seed";
}

export interface SplitSpec__Output {
  'test_fraction': (number);
  'seed'?: (number);
  '_seed'?: "seed";
}
