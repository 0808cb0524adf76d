// Original file: protos/aiaas/v1/model.proto


export interface ShadowTolerance {
  'min_agreement'?: (number | string);
  'max_mean_abs_difference'?: (number | string);
  'max_latency_ratio'?: (number | string);
  '_min_agreement'?: "min_agreement";
  '_max_mean_abs_difference'?: "max_mean_abs_difference";
  '_max_latency_ratio'?: "max_latency_ratio";
}

export interface ShadowTolerance__Output {
  'min_agreement'?: (number);
  'max_mean_abs_difference'?: (number);
  'max_latency_ratio'?: (number);
  '_min_agreement'?: "min_agreement";
  '_max_mean_abs_difference'?: "max_mean_abs_difference";
  '_max_latency_ratio'?: "max_latency_ratio";
}
