// Original file: protos/aiaas/v1/model.proto


export interface SetTrafficSplitRequest {
  'model_name'?: (string);
  'canary_version'?: (number);
  'canary_percent'?: (number | string);
}

export interface SetTrafficSplitRequest__Output {
  'model_name': (string);
  'canary_version': (number);
  'canary_percent': (number);
}
