// Original file: protos/aiaas/v1/preprocessing_spec.proto

export const Task = {
  TASK_UNSPECIFIED: 'TASK_UNSPECIFIED',
  TASK_CLASSIFICATION: 'TASK_CLASSIFICATION',
  TASK_REGRESSION: 'TASK_REGRESSION',
  TASK_SEQUENCE: 'TASK_SEQUENCE',
} as const;

export type Task =
  | 'TASK_UNSPECIFIED'
  | 0
  | 'TASK_CLASSIFICATION'
  | 1
  | 'TASK_REGRESSION'
  | 2
  | 'TASK_SEQUENCE'
  | 3

export type Task__Output = typeof Task[keyof typeof Task]
