// Original file: protos/aiaas/v1/model.proto

import type { ModelVersion as _aiaas_v1_ModelVersion, ModelVersion__Output as _aiaas_v1_ModelVersion__Output } from '../../aiaas/v1/ModelVersion';
import type { ShadowDeployment as _aiaas_v1_ShadowDeployment, ShadowDeployment__Output as _aiaas_v1_ShadowDeployment__Output } from '../../aiaas/v1/ShadowDeployment';
import type { VersionPolicy as _aiaas_v1_VersionPolicy, VersionPolicy__Output as _aiaas_v1_VersionPolicy__Output } from '../../aiaas/v1/VersionPolicy';

export interface Model {
  'name'?: (string);
  'versions'?: (_aiaas_v1_ModelVersion)[];
  'aliases'?: ({[key: string]: number});
  'canary_version'?: (number);
  'canary_percent'?: (number | string);
  'shadow'?: (_aiaas_v1_ShadowDeployment | null);
  'version_policy'?: (_aiaas_v1_VersionPolicy | null);
}

export interface Model__Output {
  'name': (string);
  'versions': (_aiaas_v1_ModelVersion__Output)[];
  'aliases': ({[key: string]: number});
  'canary_version': (number);
  'canary_percent': (number);
  'shadow': (_aiaas_v1_ShadowDeployment__Output | null);
  'version_policy': (_aiaas_v1_VersionPolicy__Output | null);
}
