// Original file: protos/aiaas/v1/dataset.proto


export interface PreviewDatasetRequest {
  'dataset_id'?: (string);
  'limit'?: (number);
}

export interface PreviewDatasetRequest__Output {
  'dataset_id': (string);
  'limit': (number);
}
