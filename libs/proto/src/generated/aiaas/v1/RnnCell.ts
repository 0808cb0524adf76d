// Original file: protos/aiaas/v1/training_spec.proto

export const RnnCell = {
  RNN_CELL_UNSPECIFIED: 'RNN_CELL_UNSPECIFIED',
  RNN_CELL_LSTM: 'RNN_CELL_LSTM',
  RNN_CELL_GRU: 'RNN_CELL_GRU',
} as const;

export type RnnCell =
  | 'RNN_CELL_UNSPECIFIED'
  | 0
  | 'RNN_CELL_LSTM'
  | 1
  | 'RNN_CELL_GRU'
  | 2

export type RnnCell__Output = typeof RnnCell[keyof typeof RnnCell]
