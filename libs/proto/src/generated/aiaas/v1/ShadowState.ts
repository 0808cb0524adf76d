// Original file: protos/aiaas/v1/model.proto

export const ShadowState = {
  SHADOW_STATE_UNSPECIFIED: 'SHADOW_STATE_UNSPECIFIED',
  SHADOW_STATE_SHADOWING: 'SHADOW_STATE_SHADOWING',
  SHADOW_STATE_PROMOTED: 'SHADOW_STATE_PROMOTED',
  SHADOW_STATE_HELD: 'SHADOW_STATE_HELD',
  SHADOW_STATE_STOPPED: 'SHADOW_STATE_STOPPED',
} as const;

export type ShadowState =
  | 'SHADOW_STATE_UNSPECIFIED'
  | 0
  | 'SHADOW_STATE_SHADOWING'
  | 1
  | 'SHADOW_STATE_PROMOTED'
  | 2
  | 'SHADOW_STATE_HELD'
  | 3
  | 'SHADOW_STATE_STOPPED'
  | 4

export type ShadowState__Output = typeof ShadowState[keyof typeof ShadowState]
