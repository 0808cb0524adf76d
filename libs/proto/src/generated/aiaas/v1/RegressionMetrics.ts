// Original file: protos/aiaas/v1/model.proto

import type { Long } from '@grpc/proto-loader';

export interface RegressionMetrics {
  'rmse'?: (number | string);
  'mae'?: (number | string);
  'r2'?: (number | string);
  'test_rows'?: (number | string | Long);
}

export interface RegressionMetrics__Output {
  'rmse': (number);
  'mae': (number);
  'r2': (number);
  'test_rows': (number);
}
