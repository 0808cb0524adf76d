// Original file: protos/aiaas/v1/preprocessing_spec.proto


// Original file: protos/aiaas/v1/preprocessing_spec.proto

export const _aiaas_v1_CategoricalEncoding_Kind = {
  KIND_UNSPECIFIED: 'KIND_UNSPECIFIED',
  KIND_ONE_HOT: 'KIND_ONE_HOT',
  KIND_INDEX: 'KIND_INDEX',
} as const;

export type _aiaas_v1_CategoricalEncoding_Kind =
  | 'KIND_UNSPECIFIED'
  | 0
  | 'KIND_ONE_HOT'
  | 1
  | 'KIND_INDEX'
  | 2

export type _aiaas_v1_CategoricalEncoding_Kind__Output = typeof _aiaas_v1_CategoricalEncoding_Kind[keyof typeof _aiaas_v1_CategoricalEncoding_Kind]

export interface CategoricalEncoding {
  'kind'?: (_aiaas_v1_CategoricalEncoding_Kind);
  'max_vocabulary'?: (number);
  'min_frequency'?: (number);
}

export interface CategoricalEncoding__Output {
  'kind': (_aiaas_v1_CategoricalEncoding_Kind__Output);
  'max_vocabulary': (number);
  'min_frequency': (number);
}
