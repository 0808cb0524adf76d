// Original file: protos/aiaas/v1/preprocessing_spec.proto

import type { Imputation as _aiaas_v1_Imputation, Imputation__Output as _aiaas_v1_Imputation__Output } from '../../aiaas/v1/Imputation';
import type { OutlierClipping as _aiaas_v1_OutlierClipping, OutlierClipping__Output as _aiaas_v1_OutlierClipping__Output } from '../../aiaas/v1/OutlierClipping';
import type { NumericEncoding as _aiaas_v1_NumericEncoding, NumericEncoding__Output as _aiaas_v1_NumericEncoding__Output } from '../../aiaas/v1/NumericEncoding';
import type { CategoricalEncoding as _aiaas_v1_CategoricalEncoding, CategoricalEncoding__Output as _aiaas_v1_CategoricalEncoding__Output } from '../../aiaas/v1/CategoricalEncoding';
import type { TextEncoding as _aiaas_v1_TextEncoding, TextEncoding__Output as _aiaas_v1_TextEncoding__Output } from '../../aiaas/v1/TextEncoding';
import type { IdEncoding as _aiaas_v1_IdEncoding, IdEncoding__Output as _aiaas_v1_IdEncoding__Output } from '../../aiaas/v1/IdEncoding';

export interface ColumnPreprocessing {
  'impute'?: (_aiaas_v1_Imputation | null);
  'clip'?: (_aiaas_v1_OutlierClipping | null);
  'numeric'?: (_aiaas_v1_NumericEncoding | null);
  'categorical'?: (_aiaas_v1_CategoricalEncoding | null);
  'text'?: (_aiaas_v1_TextEncoding | null);
  'id'?: (_aiaas_v1_IdEncoding | null);
  'encoding'?: "numeric"|"categorical"|"text"|"id";
}

export interface ColumnPreprocessing__Output {
  'impute': (_aiaas_v1_Imputation__Output | null);
  'clip': (_aiaas_v1_OutlierClipping__Output | null);
  'numeric'?: (_aiaas_v1_NumericEncoding__Output | null);
  'categorical'?: (_aiaas_v1_CategoricalEncoding__Output | null);
  'text'?: (_aiaas_v1_TextEncoding__Output | null);
  'id'?: (_aiaas_v1_IdEncoding__Output | null);
  'encoding'?: "numeric"|"categorical"|"text"|"id";
}
