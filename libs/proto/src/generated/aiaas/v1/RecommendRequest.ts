// Original file: protos/aiaas/v1/predict.proto


export interface RecommendRequest {
  'model_name'?: (string);
  'version'?: (number);
  'alias'?: (string);
  'user'?: (string);
  'k'?: (number);
  'exclude_items'?: (string)[];
  'version_selector'?: "version"|"alias";
}

export interface RecommendRequest__Output {
  'model_name': (string);
  'version'?: (number);
  'alias'?: (string);
  'user': (string);
  'k': (number);
  'exclude_items': (string)[];
  'version_selector'?: "version"|"alias";
}
