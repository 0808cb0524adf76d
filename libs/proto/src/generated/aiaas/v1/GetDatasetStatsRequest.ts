// Original file: protos/aiaas/v1/dataset.proto


export interface GetDatasetStatsRequest {
  'dataset_id'?: (string);
}

export interface GetDatasetStatsRequest__Output {
  'dataset_id': (string);
}
