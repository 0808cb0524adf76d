// Original file: protos/aiaas/v1/evaluation.proto

export const Promotion = {
  PROMOTION_UNSPECIFIED: 'PROMOTION_UNSPECIFIED',
  PROMOTION_AUTO_DEPLOY: 'PROMOTION_AUTO_DEPLOY',
  PROMOTION_STAGE_ONLY: 'PROMOTION_STAGE_ONLY',
} as const;

export type Promotion =
  | 'PROMOTION_UNSPECIFIED'
  | 0
  | 'PROMOTION_AUTO_DEPLOY'
  | 1
  | 'PROMOTION_STAGE_ONLY'
  | 2

export type Promotion__Output = typeof Promotion[keyof typeof Promotion]
