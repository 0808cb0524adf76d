// Original file: protos/aiaas/v1/training_spec.proto

import type { PoolingEncoder as _aiaas_v1_PoolingEncoder, PoolingEncoder__Output as _aiaas_v1_PoolingEncoder__Output } from '../../aiaas/v1/PoolingEncoder';
import type { Conv1dEncoder as _aiaas_v1_Conv1dEncoder, Conv1dEncoder__Output as _aiaas_v1_Conv1dEncoder__Output } from '../../aiaas/v1/Conv1dEncoder';
import type { RnnEncoder as _aiaas_v1_RnnEncoder, RnnEncoder__Output as _aiaas_v1_RnnEncoder__Output } from '../../aiaas/v1/RnnEncoder';
import type { DenseLayer as _aiaas_v1_DenseLayer, DenseLayer__Output as _aiaas_v1_DenseLayer__Output } from '../../aiaas/v1/DenseLayer';

export interface TextModel {
  'sequence_input'?: (string);
  'embedding_dim'?: (number);
  'pooling'?: (_aiaas_v1_PoolingEncoder | null);
  'conv1d'?: (_aiaas_v1_Conv1dEncoder | null);
  'rnn'?: (_aiaas_v1_RnnEncoder | null);
  'hidden_layers'?: (_aiaas_v1_DenseLayer)[];
  'encoder'?: "pooling"|"conv1d"|"rnn";
}

export interface TextModel__Output {
  'sequence_input': (string);
  'embedding_dim': (number);
  'pooling'?: (_aiaas_v1_PoolingEncoder__Output | null);
  'conv1d'?: (_aiaas_v1_Conv1dEncoder__Output | null);
  'rnn'?: (_aiaas_v1_RnnEncoder__Output | null);
  'hidden_layers': (_aiaas_v1_DenseLayer__Output)[];
  'encoder'?: "pooling"|"conv1d"|"rnn";
}
