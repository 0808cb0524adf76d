// Original file: protos/aiaas/v1/model.proto

import type { ShadowTolerance as _aiaas_v1_ShadowTolerance, ShadowTolerance__Output as _aiaas_v1_ShadowTolerance__Output } from '../../aiaas/v1/ShadowTolerance';
import type { ShadowState as _aiaas_v1_ShadowState, ShadowState__Output as _aiaas_v1_ShadowState__Output } from '../../aiaas/v1/ShadowState';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { LatencySummary as _aiaas_v1_LatencySummary, LatencySummary__Output as _aiaas_v1_LatencySummary__Output } from '../../aiaas/v1/LatencySummary';
import type { Long } from '@grpc/proto-loader';

export interface ShadowDeployment {
  'candidate_version'?: (number);
  'alias'?: (string);
  'baseline_version'?: (number);
  'sample_percent'?: (number | string);
  'min_requests'?: (number);
  'tolerance'?: (_aiaas_v1_ShadowTolerance | null);
  'state'?: (_aiaas_v1_ShadowState);
  'reason'?: (string);
  'started_at'?: (_google_protobuf_Timestamp | null);
  'concluded_at'?: (_google_protobuf_Timestamp | null);
  'compared_requests'?: (number | string | Long);
  'compared_rows'?: (number | string | Long);
  'failed_requests'?: (number | string | Long);
  'last_failure'?: (string);
  'skipped_requests'?: (number | string | Long);
  'agreement'?: (number | string);
  'mean_abs_difference'?: (number | string);
  'baseline_latency'?: (_aiaas_v1_LatencySummary | null);
  'candidate_latency'?: (_aiaas_v1_LatencySummary | null);
  '_agreement'?: "agreement";
  '_mean_abs_difference'?: "mean_abs_difference";
}

export interface ShadowDeployment__Output {
  'candidate_version': (number);
  'alias': (string);
  'baseline_version': (number);
  'sample_percent': (number);
  'min_requests': (number);
  'tolerance': (_aiaas_v1_ShadowTolerance__Output | null);
  'state': (_aiaas_v1_ShadowState__Output);
  'reason': (string);
  'started_at': (_google_protobuf_Timestamp__Output | null);
  'concluded_at': (_google_protobuf_Timestamp__Output | null);
  'compared_requests': (number);
  'compared_rows': (number);
  'failed_requests': (number);
  'last_failure': (string);
  'skipped_requests': (number);
  'agreement'?: (number);
  'mean_abs_difference'?: (number);
  'baseline_latency': (_aiaas_v1_LatencySummary__Output | null);
  'candidate_latency': (_aiaas_v1_LatencySummary__Output | null);
  '_agreement'?: "agreement";
  '_mean_abs_difference'?: "mean_abs_difference";
}
