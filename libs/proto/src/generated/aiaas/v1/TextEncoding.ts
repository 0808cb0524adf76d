// Original file: protos/aiaas/v1/preprocessing_spec.proto


// Original file: protos/aiaas/v1/preprocessing_spec.proto

export const _aiaas_v1_TextEncoding_Kind = {
  KIND_UNSPECIFIED: 'KIND_UNSPECIFIED',
  KIND_SEQUENCE: 'KIND_SEQUENCE',
  KIND_BAG_OF_WORDS: 'KIND_BAG_OF_WORDS',
  KIND_TF_IDF: 'KIND_TF_IDF',
} as const;

export type _aiaas_v1_TextEncoding_Kind =
  | 'KIND_UNSPECIFIED'
  | 0
  | 'KIND_SEQUENCE'
  | 1
  | 'KIND_BAG_OF_WORDS'
  | 2
  | 'KIND_TF_IDF'
  | 3

export type _aiaas_v1_TextEncoding_Kind__Output = typeof _aiaas_v1_TextEncoding_Kind[keyof typeof _aiaas_v1_TextEncoding_Kind]

export interface TextEncoding {
  'kind'?: (_aiaas_v1_TextEncoding_Kind);
  'vocabulary_size'?: (number);
  'min_frequency'?: (number);
  'sequence_length'?: (number);
  'pad_start'?: (boolean);
  'truncate_start'?: (boolean);
  'keep_case'?: (boolean);
  'keep_unicode_forms'?: (boolean);
  'keep_punctuation'?: (boolean);
  'strip_accents'?: (boolean);
  'remove_stop_words'?: (boolean);
}

export interface TextEncoding__Output {
  'kind': (_aiaas_v1_TextEncoding_Kind__Output);
  'vocabulary_size': (number);
  'min_frequency': (number);
  'sequence_length': (number);
  'pad_start': (boolean);
  'truncate_start': (boolean);
  'keep_case': (boolean);
  'keep_unicode_forms': (boolean);
  'keep_punctuation': (boolean);
  'strip_accents': (boolean);
  'remove_stop_words': (boolean);
}
