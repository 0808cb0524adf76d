// Original file: protos/aiaas/v1/job.proto

import type { SplitSpec as _aiaas_v1_SplitSpec, SplitSpec__Output as _aiaas_v1_SplitSpec__Output } from '../../aiaas/v1/SplitSpec';
import type { TrainingSpec as _aiaas_v1_TrainingSpec, TrainingSpec__Output as _aiaas_v1_TrainingSpec__Output } from '../../aiaas/v1/TrainingSpec';
import type { PreprocessingSpec as _aiaas_v1_PreprocessingSpec, PreprocessingSpec__Output as _aiaas_v1_PreprocessingSpec__Output } from '../../aiaas/v1/PreprocessingSpec';
import type { TuningSpec as _aiaas_v1_TuningSpec, TuningSpec__Output as _aiaas_v1_TuningSpec__Output } from '../../aiaas/v1/TuningSpec';
import type { EvaluationSpec as _aiaas_v1_EvaluationSpec, EvaluationSpec__Output as _aiaas_v1_EvaluationSpec__Output } from '../../aiaas/v1/EvaluationSpec';

export interface StartPipelineRequest {
  'dataset_id'?: (string);
  'target_column'?: (string);
  'model_name'?: (string);
  'split'?: (_aiaas_v1_SplitSpec | null);
  'training'?: (_aiaas_v1_TrainingSpec | null);
  'min_accuracy'?: (number | string);
  'preprocessing'?: (_aiaas_v1_PreprocessingSpec | null);
  'tuning'?: (_aiaas_v1_TuningSpec | null);
  'evaluation'?: (_aiaas_v1_EvaluationSpec | null);
}

export interface StartPipelineRequest__Output {
  'dataset_id': (string);
  'target_column': (string);
  'model_name': (string);
  'split': (_aiaas_v1_SplitSpec__Output | null);
  'training': (_aiaas_v1_TrainingSpec__Output | null);
  'min_accuracy': (number);
  'preprocessing': (_aiaas_v1_PreprocessingSpec__Output | null);
  'tuning': (_aiaas_v1_TuningSpec__Output | null);
  'evaluation': (_aiaas_v1_EvaluationSpec__Output | null);
}
