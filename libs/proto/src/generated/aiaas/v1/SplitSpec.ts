// Original file: protos/aiaas/v1/job.proto


// Original file: protos/aiaas/v1/job.proto

export const _aiaas_v1_SplitSpec_Strategy = {
  STRATEGY_UNSPECIFIED: 'STRATEGY_UNSPECIFIED',
  STRATEGY_RATIO: 'STRATEGY_RATIO',
  STRATEGY_TIME: 'STRATEGY_TIME',
  STRATEGY_GROUP: 'STRATEGY_GROUP',
} as const;

export type _aiaas_v1_SplitSpec_Strategy =
  | 'STRATEGY_UNSPECIFIED'
  | 0
  | 'STRATEGY_RATIO'
  | 1
  | 'STRATEGY_TIME'
  | 2
  | 'STRATEGY_GROUP'
  | 3

export type _aiaas_v1_SplitSpec_Strategy__Output = typeof _aiaas_v1_SplitSpec_Strategy[keyof typeof _aiaas_v1_SplitSpec_Strategy]

export interface SplitSpec {
  'test_fraction'?: (number | string);
  'seed'?: (number);
  'validation_fraction'?: (number | string);
  'strategy'?: (_aiaas_v1_SplitSpec_Strategy);
  'column'?: (string);
  '_seed'?: "seed";
}

export interface SplitSpec__Output {
  'test_fraction': (number);
  'seed'?: (number);
  'validation_fraction': (number);
  'strategy': (_aiaas_v1_SplitSpec_Strategy__Output);
  'column': (string);
  '_seed'?: "seed";
}
