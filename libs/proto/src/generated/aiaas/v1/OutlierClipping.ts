// Original file: protos/aiaas/v1/preprocessing_spec.proto

import type { QuantileClipping as _aiaas_v1_QuantileClipping, QuantileClipping__Output as _aiaas_v1_QuantileClipping__Output } from '../../aiaas/v1/QuantileClipping';
import type { ZScoreClipping as _aiaas_v1_ZScoreClipping, ZScoreClipping__Output as _aiaas_v1_ZScoreClipping__Output } from '../../aiaas/v1/ZScoreClipping';

export interface OutlierClipping {
  'quantile'?: (_aiaas_v1_QuantileClipping | null);
  'z_score'?: (_aiaas_v1_ZScoreClipping | null);
  'method'?: "quantile"|"z_score";
}

export interface OutlierClipping__Output {
  'quantile'?: (_aiaas_v1_QuantileClipping__Output | null);
  'z_score'?: (_aiaas_v1_ZScoreClipping__Output | null);
  'method'?: "quantile"|"z_score";
}
