// Original file: protos/aiaas/v1/predict.proto

import type { ScoredItem as _aiaas_v1_ScoredItem, ScoredItem__Output as _aiaas_v1_ScoredItem__Output } from '../../aiaas/v1/ScoredItem';

export interface RecommendResponse {
  'model_name'?: (string);
  'version'?: (number);
  'items'?: (_aiaas_v1_ScoredItem)[];
}

export interface RecommendResponse__Output {
  'model_name': (string);
  'version': (number);
  'items': (_aiaas_v1_ScoredItem__Output)[];
}
