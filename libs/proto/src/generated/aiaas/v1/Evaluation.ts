// Original file: protos/aiaas/v1/evaluation.proto

import type { SliceMetrics as _aiaas_v1_SliceMetrics, SliceMetrics__Output as _aiaas_v1_SliceMetrics__Output } from '../../aiaas/v1/SliceMetrics';
import type { Comparison as _aiaas_v1_Comparison, Comparison__Output as _aiaas_v1_Comparison__Output } from '../../aiaas/v1/Comparison';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface Evaluation {
  'model_name'?: (string);
  'version'?: (number);
  'dataset_id'?: (string);
  'split'?: (string);
  'rows'?: (number | string | Long);
  'skipped_rows'?: (number | string | Long);
  'metrics'?: ({[key: string]: number | string});
  'undefined_metrics'?: ({[key: string]: string});
  'slices'?: (_aiaas_v1_SliceMetrics)[];
  'comparison'?: (_aiaas_v1_Comparison | null);
  'evaluated_at'?: (_google_protobuf_Timestamp | null);
}

export interface Evaluation__Output {
  'model_name': (string);
  'version': (number);
  'dataset_id': (string);
  'split': (string);
  'rows': (number);
  'skipped_rows': (number);
  'metrics': ({[key: string]: number});
  'undefined_metrics': ({[key: string]: string});
  'slices': (_aiaas_v1_SliceMetrics__Output)[];
  'comparison': (_aiaas_v1_Comparison__Output | null);
  'evaluated_at': (_google_protobuf_Timestamp__Output | null);
}
