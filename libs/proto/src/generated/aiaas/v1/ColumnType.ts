// Original file: protos/aiaas/v1/dataset.proto

export const ColumnType = {
  COLUMN_TYPE_UNSPECIFIED: 'COLUMN_TYPE_UNSPECIFIED',
  COLUMN_TYPE_NUMERIC: 'COLUMN_TYPE_NUMERIC',
  COLUMN_TYPE_CATEGORICAL: 'COLUMN_TYPE_CATEGORICAL',
} as const;

export type ColumnType =
  | 'COLUMN_TYPE_UNSPECIFIED'
  | 0
  | 'COLUMN_TYPE_NUMERIC'
  | 1
  | 'COLUMN_TYPE_CATEGORICAL'
  | 2

export type ColumnType__Output = typeof ColumnType[keyof typeof ColumnType]
