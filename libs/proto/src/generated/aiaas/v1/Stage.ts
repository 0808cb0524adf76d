// Original file: protos/aiaas/v1/job.proto

export const Stage = {
  STAGE_UNSPECIFIED: 'STAGE_UNSPECIFIED',
  STAGE_PREPROCESS: 'STAGE_PREPROCESS',
  STAGE_TRAIN: 'STAGE_TRAIN',
  STAGE_EVALUATE: 'STAGE_EVALUATE',
  STAGE_DEPLOY: 'STAGE_DEPLOY',
} as const;

export type Stage =
  | 'STAGE_UNSPECIFIED'
  | 0
  | 'STAGE_PREPROCESS'
  | 1
  | 'STAGE_TRAIN'
  | 2
  | 'STAGE_EVALUATE'
  | 3
  | 'STAGE_DEPLOY'
  | 4

export type Stage__Output = typeof Stage[keyof typeof Stage]
