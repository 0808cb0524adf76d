// Original file: protos/aiaas/v1/preprocessing_spec.proto

import type { Task as _aiaas_v1_Task, Task__Output as _aiaas_v1_Task__Output } from '../../aiaas/v1/Task';
import type { OutlierClipping as _aiaas_v1_OutlierClipping, OutlierClipping__Output as _aiaas_v1_OutlierClipping__Output } from '../../aiaas/v1/OutlierClipping';
import type { ColumnPreprocessing as _aiaas_v1_ColumnPreprocessing, ColumnPreprocessing__Output as _aiaas_v1_ColumnPreprocessing__Output } from '../../aiaas/v1/ColumnPreprocessing';

export interface PreprocessingSpec {
  'task'?: (_aiaas_v1_Task);
  'drop_duplicates'?: (boolean);
  'clip'?: (_aiaas_v1_OutlierClipping | null);
  'columns'?: ({[key: string]: _aiaas_v1_ColumnPreprocessing});
  'exclude_columns'?: (string)[];
}

export interface PreprocessingSpec__Output {
  'task': (_aiaas_v1_Task__Output);
  'drop_duplicates': (boolean);
  'clip': (_aiaas_v1_OutlierClipping__Output | null);
  'columns': ({[key: string]: _aiaas_v1_ColumnPreprocessing__Output});
  'exclude_columns': (string)[];
}
