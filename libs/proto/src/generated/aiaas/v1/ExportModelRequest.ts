// Original file: protos/aiaas/v1/predict.proto


export interface ExportModelRequest {
  'model_name'?: (string);
  'version'?: (number);
  'alias'?: (string);
  'version_selector'?: "version"|"alias";
}

export interface ExportModelRequest__Output {
  'model_name': (string);
  'version'?: (number);
  'alias'?: (string);
  'version_selector'?: "version"|"alias";
}
