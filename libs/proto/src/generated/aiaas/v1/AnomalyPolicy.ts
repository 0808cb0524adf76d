// Original file: protos/aiaas/v1/dataset.proto

export const AnomalyPolicy = {
  ANOMALY_POLICY_UNSPECIFIED: 'ANOMALY_POLICY_UNSPECIFIED',
  ANOMALY_POLICY_REJECT: 'ANOMALY_POLICY_REJECT',
  ANOMALY_POLICY_DROP: 'ANOMALY_POLICY_DROP',
  ANOMALY_POLICY_IMPUTE: 'ANOMALY_POLICY_IMPUTE',
} as const;

export type AnomalyPolicy =
  | 'ANOMALY_POLICY_UNSPECIFIED'
  | 0
  | 'ANOMALY_POLICY_REJECT'
  | 1
  | 'ANOMALY_POLICY_DROP'
  | 2
  | 'ANOMALY_POLICY_IMPUTE'
  | 3

export type AnomalyPolicy__Output = typeof AnomalyPolicy[keyof typeof AnomalyPolicy]
