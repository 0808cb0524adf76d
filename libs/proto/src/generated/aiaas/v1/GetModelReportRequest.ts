// Original file: protos/aiaas/v1/evaluation.proto


export interface GetModelReportRequest {
  'model_name'?: (string);
  'version'?: (number);
  'alias'?: (string);
  'dataset_id'?: (string);
  'version_selector'?: "version"|"alias";
}

export interface GetModelReportRequest__Output {
  'model_name': (string);
  'version'?: (number);
  'alias'?: (string);
  'dataset_id': (string);
  'version_selector'?: "version"|"alias";
}
