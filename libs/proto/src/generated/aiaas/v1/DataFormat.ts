// Original file: protos/aiaas/v1/dataset.proto

export const DataFormat = {
  DATA_FORMAT_UNSPECIFIED: 'DATA_FORMAT_UNSPECIFIED',
  DATA_FORMAT_CSV: 'DATA_FORMAT_CSV',
  DATA_FORMAT_JSONL: 'DATA_FORMAT_JSONL',
} as const;

export type DataFormat =
  | 'DATA_FORMAT_UNSPECIFIED'
  | 0
  | 'DATA_FORMAT_CSV'
  | 1
  | 'DATA_FORMAT_JSONL'
  | 2

export type DataFormat__Output = typeof DataFormat[keyof typeof DataFormat]
