// Original file: protos/aiaas/v1/evaluation.proto


export interface EvaluateModelRequest {
  'model_name'?: (string);
  'version'?: (number);
  'alias'?: (string);
  'dataset_id'?: (string);
  'slice_columns'?: (string)[];
  'version_selector'?: "version"|"alias";
}

export interface EvaluateModelRequest__Output {
  'model_name': (string);
  'version'?: (number);
  'alias'?: (string);
  'dataset_id': (string);
  'slice_columns': (string)[];
  'version_selector'?: "version"|"alias";
}
