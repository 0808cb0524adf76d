// Original file: protos/aiaas/v1/training_spec.proto


export interface Seq2seqModel {
  'source_input'?: (string);
  'embedding_dim'?: (number);
  'units'?: (number);
}

export interface Seq2seqModel__Output {
  'source_input': (string);
  'embedding_dim': (number);
  'units': (number);
}
