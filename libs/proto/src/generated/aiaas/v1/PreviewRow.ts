// Original file: protos/aiaas/v1/dataset.proto

import type { Long } from '@grpc/proto-loader';

export interface PreviewRow {
  'row_number'?: (number | string | Long);
  'values'?: (string)[];
}

export interface PreviewRow__Output {
  'row_number': (number);
  'values': (string)[];
}
