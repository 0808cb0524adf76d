// Original file: protos/aiaas/v1/tensor.proto

export const DataType = {
  DATA_TYPE_UNSPECIFIED: 'DATA_TYPE_UNSPECIFIED',
  DATA_TYPE_FLOAT32: 'DATA_TYPE_FLOAT32',
  DATA_TYPE_INT32: 'DATA_TYPE_INT32',
} as const;

export type DataType =
  | 'DATA_TYPE_UNSPECIFIED'
  | 0
  | 'DATA_TYPE_FLOAT32'
  | 1
  | 'DATA_TYPE_INT32'
  | 2

export type DataType__Output = typeof DataType[keyof typeof DataType]
