// Original file: protos/aiaas/v1/model.proto

import type { ShadowTolerance as _aiaas_v1_ShadowTolerance, ShadowTolerance__Output as _aiaas_v1_ShadowTolerance__Output } from '../../aiaas/v1/ShadowTolerance';

export interface StartShadowRequest {
  'model_name'?: (string);
  'candidate_version'?: (number);
  'alias'?: (string);
  'sample_percent'?: (number | string);
  'min_requests'?: (number);
  'tolerance'?: (_aiaas_v1_ShadowTolerance | null);
}

export interface StartShadowRequest__Output {
  'model_name': (string);
  'candidate_version': (number);
  'alias': (string);
  'sample_percent': (number);
  'min_requests': (number);
  'tolerance': (_aiaas_v1_ShadowTolerance__Output | null);
}
