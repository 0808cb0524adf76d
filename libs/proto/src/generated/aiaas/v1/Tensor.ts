// Original file: protos/aiaas/v1/tensor.proto

import type { DataType as _aiaas_v1_DataType, DataType__Output as _aiaas_v1_DataType__Output } from '../../aiaas/v1/DataType';
import type { Long } from '@grpc/proto-loader';

export interface Tensor {
  'dtype'?: (_aiaas_v1_DataType);
  'shape'?: (number | string | Long)[];
  'raw_data'?: (Buffer | Uint8Array | string);
  'float_values'?: (number | string)[];
  'int_values'?: (number)[];
}

export interface Tensor__Output {
  'dtype': (_aiaas_v1_DataType__Output);
  'shape': (number)[];
  'raw_data': (Buffer);
  'float_values': (number)[];
  'int_values': (number)[];
}
