// Original file: protos/aiaas/v1/training_spec.proto

import type { ImplicitFeedback as _aiaas_v1_ImplicitFeedback, ImplicitFeedback__Output as _aiaas_v1_ImplicitFeedback__Output } from '../../aiaas/v1/ImplicitFeedback';

// Original file: protos/aiaas/v1/training_spec.proto

export const _aiaas_v1_RecommenderModel_Architecture = {
  ARCHITECTURE_UNSPECIFIED: 'ARCHITECTURE_UNSPECIFIED',
  ARCHITECTURE_MATRIX_FACTORIZATION: 'ARCHITECTURE_MATRIX_FACTORIZATION',
  ARCHITECTURE_TWO_TOWER: 'ARCHITECTURE_TWO_TOWER',
} as const;

export type _aiaas_v1_RecommenderModel_Architecture =
  | 'ARCHITECTURE_UNSPECIFIED'
  | 0
  | 'ARCHITECTURE_MATRIX_FACTORIZATION'
  | 1
  | 'ARCHITECTURE_TWO_TOWER'
  | 2

export type _aiaas_v1_RecommenderModel_Architecture__Output = typeof _aiaas_v1_RecommenderModel_Architecture[keyof typeof _aiaas_v1_RecommenderModel_Architecture]

export interface RecommenderModel {
  'architecture'?: (_aiaas_v1_RecommenderModel_Architecture);
  'user_column'?: (string);
  'item_column'?: (string);
  'embedding_dim'?: (number);
  'tower_units'?: (number)[];
  'l2'?: (number | string);
  'implicit'?: (_aiaas_v1_ImplicitFeedback | null);
}

export interface RecommenderModel__Output {
  'architecture': (_aiaas_v1_RecommenderModel_Architecture__Output);
  'user_column': (string);
  'item_column': (string);
  'embedding_dim': (number);
  'tower_units': (number)[];
  'l2': (number);
  'implicit': (_aiaas_v1_ImplicitFeedback__Output | null);
}
