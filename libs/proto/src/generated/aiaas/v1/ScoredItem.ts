// Original file: protos/aiaas/v1/predict.proto


export interface ScoredItem {
  'item'?: (string);
  'score'?: (number | string);
}

export interface ScoredItem__Output {
  'item': (string);
  'score': (number);
}
