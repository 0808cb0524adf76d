// Original file: protos/aiaas/v1/record.proto

import type { Record as _aiaas_v1_Record, Record__Output as _aiaas_v1_Record__Output } from '../../aiaas/v1/Record';

export interface RecordBatch {
  'records'?: (_aiaas_v1_Record)[];
}

export interface RecordBatch__Output {
  'records': (_aiaas_v1_Record__Output)[];
}
