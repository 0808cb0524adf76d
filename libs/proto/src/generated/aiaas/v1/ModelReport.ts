// Original file: protos/aiaas/v1/evaluation.proto


export interface ModelReport {
  'model_name'?: (string);
  'version'?: (number);
  'json'?: (string);
  'html'?: (string);
}

export interface ModelReport__Output {
  'model_name': (string);
  'version': (number);
  'json': (string);
  'html': (string);
}
