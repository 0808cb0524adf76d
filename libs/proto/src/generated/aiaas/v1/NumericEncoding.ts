// Original file: protos/aiaas/v1/preprocessing_spec.proto


// Original file: protos/aiaas/v1/preprocessing_spec.proto

export const _aiaas_v1_NumericEncoding_Scaling = {
  SCALING_UNSPECIFIED: 'SCALING_UNSPECIFIED',
  SCALING_STANDARD: 'SCALING_STANDARD',
  SCALING_MIN_MAX: 'SCALING_MIN_MAX',
  SCALING_NONE: 'SCALING_NONE',
  SCALING_BUCKETIZE: 'SCALING_BUCKETIZE',
} as const;

export type _aiaas_v1_NumericEncoding_Scaling =
  | 'SCALING_UNSPECIFIED'
  | 0
  | 'SCALING_STANDARD'
  | 1
  | 'SCALING_MIN_MAX'
  | 2
  | 'SCALING_NONE'
  | 3
  | 'SCALING_BUCKETIZE'
  | 4

export type _aiaas_v1_NumericEncoding_Scaling__Output = typeof _aiaas_v1_NumericEncoding_Scaling[keyof typeof _aiaas_v1_NumericEncoding_Scaling]

export interface NumericEncoding {
  'scaling'?: (_aiaas_v1_NumericEncoding_Scaling);
  'buckets'?: (number);
}

export interface NumericEncoding__Output {
  'scaling': (_aiaas_v1_NumericEncoding_Scaling__Output);
  'buckets': (number);
}
