// Original file: protos/aiaas/v1/model.proto


export interface _aiaas_v1_VersionPolicy_All {
}

export interface _aiaas_v1_VersionPolicy_All__Output {
}

export interface _aiaas_v1_VersionPolicy_Latest {
  'count'?: (number);
}

export interface _aiaas_v1_VersionPolicy_Latest__Output {
  'count': (number);
}

export interface _aiaas_v1_VersionPolicy_Specific {
  'versions'?: (number)[];
}

export interface _aiaas_v1_VersionPolicy_Specific__Output {
  'versions': (number)[];
}

export interface VersionPolicy {
  'all'?: (_aiaas_v1_VersionPolicy_All | null);
  'latest'?: (_aiaas_v1_VersionPolicy_Latest | null);
  'specific'?: (_aiaas_v1_VersionPolicy_Specific | null);
  'policy'?: "all"|"latest"|"specific";
}

export interface VersionPolicy__Output {
  'all'?: (_aiaas_v1_VersionPolicy_All__Output | null);
  'latest'?: (_aiaas_v1_VersionPolicy_Latest__Output | null);
  'specific'?: (_aiaas_v1_VersionPolicy_Specific__Output | null);
  'policy'?: "all"|"latest"|"specific";
}
