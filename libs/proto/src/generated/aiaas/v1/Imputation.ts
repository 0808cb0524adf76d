// Original file: protos/aiaas/v1/preprocessing_spec.proto


// Original file: protos/aiaas/v1/preprocessing_spec.proto

export const _aiaas_v1_Imputation_Strategy = {
  STRATEGY_UNSPECIFIED: 'STRATEGY_UNSPECIFIED',
  STRATEGY_MEAN: 'STRATEGY_MEAN',
  STRATEGY_MEDIAN: 'STRATEGY_MEDIAN',
  STRATEGY_MODE: 'STRATEGY_MODE',
  STRATEGY_CONSTANT: 'STRATEGY_CONSTANT',
  STRATEGY_NONE: 'STRATEGY_NONE',
} as const;

export type _aiaas_v1_Imputation_Strategy =
  | 'STRATEGY_UNSPECIFIED'
  | 0
  | 'STRATEGY_MEAN'
  | 1
  | 'STRATEGY_MEDIAN'
  | 2
  | 'STRATEGY_MODE'
  | 3
  | 'STRATEGY_CONSTANT'
  | 4
  | 'STRATEGY_NONE'
  | 5

export type _aiaas_v1_Imputation_Strategy__Output = typeof _aiaas_v1_Imputation_Strategy[keyof typeof _aiaas_v1_Imputation_Strategy]

export interface Imputation {
  'strategy'?: (_aiaas_v1_Imputation_Strategy);
  'constant'?: (string);
}

export interface Imputation__Output {
  'strategy': (_aiaas_v1_Imputation_Strategy__Output);
  'constant': (string);
}
