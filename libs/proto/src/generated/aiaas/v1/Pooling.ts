// Original file: protos/aiaas/v1/training_spec.proto

export const Pooling = {
  POOLING_UNSPECIFIED: 'POOLING_UNSPECIFIED',
  POOLING_AVERAGE: 'POOLING_AVERAGE',
  POOLING_MAX: 'POOLING_MAX',
} as const;

export type Pooling =
  | 'POOLING_UNSPECIFIED'
  | 0
  | 'POOLING_AVERAGE'
  | 1
  | 'POOLING_MAX'
  | 2

export type Pooling__Output = typeof Pooling[keyof typeof Pooling]
