// Original file: protos/aiaas/v1/predict.proto

import type { Long } from '@grpc/proto-loader';

export interface ExportedTensor {
  'name'?: (string);
  'dtype'?: (string);
  'shape'?: (number | string | Long)[];
}

export interface ExportedTensor__Output {
  'name': (string);
  'dtype': (string);
  'shape': (number)[];
}
