// Original file: protos/aiaas/v1/dataset.proto


export interface GetDatasetRequest {
  'dataset_id'?: (string);
}

export interface GetDatasetRequest__Output {
  'dataset_id': (string);
}
