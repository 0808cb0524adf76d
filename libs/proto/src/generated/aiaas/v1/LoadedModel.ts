// Original file: protos/aiaas/v1/inference.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

export interface LoadedModel {
  'model_name'?: (string);
  'version'?: (number);
  'backend'?: (string);
  'loaded_at'?: (_google_protobuf_Timestamp | null);
}

export interface LoadedModel__Output {
  'model_name': (string);
  'version': (number);
  'backend': (string);
  'loaded_at': (_google_protobuf_Timestamp__Output | null);
}
