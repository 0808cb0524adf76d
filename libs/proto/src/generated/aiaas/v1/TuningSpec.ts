// Original file: protos/aiaas/v1/training_spec.proto

import type { ParameterSearch as _aiaas_v1_ParameterSearch, ParameterSearch__Output as _aiaas_v1_ParameterSearch__Output } from '../../aiaas/v1/ParameterSearch';

// Original file: protos/aiaas/v1/training_spec.proto

export const _aiaas_v1_TuningSpec_Strategy = {
  STRATEGY_UNSPECIFIED: 'STRATEGY_UNSPECIFIED',
  STRATEGY_GRID: 'STRATEGY_GRID',
  STRATEGY_RANDOM: 'STRATEGY_RANDOM',
  STRATEGY_SUCCESSIVE_HALVING: 'STRATEGY_SUCCESSIVE_HALVING',
} as const;

export type _aiaas_v1_TuningSpec_Strategy =
  | 'STRATEGY_UNSPECIFIED'
  | 0
  | 'STRATEGY_GRID'
  | 1
  | 'STRATEGY_RANDOM'
  | 2
  | 'STRATEGY_SUCCESSIVE_HALVING'
  | 3

export type _aiaas_v1_TuningSpec_Strategy__Output = typeof _aiaas_v1_TuningSpec_Strategy[keyof typeof _aiaas_v1_TuningSpec_Strategy]

export interface TuningSpec {
  'strategy'?: (_aiaas_v1_TuningSpec_Strategy);
  'parameters'?: (_aiaas_v1_ParameterSearch)[];
  'trials'?: (number);
  'objective'?: (string);
  'max_concurrent_trials'?: (number);
  'min_epochs'?: (number);
  'reduction_factor'?: (number);
  'seed'?: (number);
  '_seed'?: "seed";
}

export interface TuningSpec__Output {
  'strategy': (_aiaas_v1_TuningSpec_Strategy__Output);
  'parameters': (_aiaas_v1_ParameterSearch__Output)[];
  'trials': (number);
  'objective': (string);
  'max_concurrent_trials': (number);
  'min_epochs': (number);
  'reduction_factor': (number);
  'seed'?: (number);
  '_seed'?: "seed";
}
