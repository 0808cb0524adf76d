// Original file: protos/aiaas/v1/auth.proto

export const Role = {
  ROLE_UNSPECIFIED: 'ROLE_UNSPECIFIED',
  ROLE_ADMIN: 'ROLE_ADMIN',
  ROLE_TRAINER: 'ROLE_TRAINER',
  ROLE_PREDICTOR: 'ROLE_PREDICTOR',
} as const;

export type Role =
  | 'ROLE_UNSPECIFIED'
  | 0
  | 'ROLE_ADMIN'
  | 1
  | 'ROLE_TRAINER'
  | 2
  | 'ROLE_PREDICTOR'
  | 3

export type Role__Output = typeof Role[keyof typeof Role]
