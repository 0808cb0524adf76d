// Original file: protos/aiaas/v1/training_spec.proto

import type { MlpModel as _aiaas_v1_MlpModel, MlpModel__Output as _aiaas_v1_MlpModel__Output } from '../../aiaas/v1/MlpModel';
import type { TextModel as _aiaas_v1_TextModel, TextModel__Output as _aiaas_v1_TextModel__Output } from '../../aiaas/v1/TextModel';
import type { RecommenderModel as _aiaas_v1_RecommenderModel, RecommenderModel__Output as _aiaas_v1_RecommenderModel__Output } from '../../aiaas/v1/RecommenderModel';
import type { Loss as _aiaas_v1_Loss, Loss__Output as _aiaas_v1_Loss__Output } from '../../aiaas/v1/Loss';
import type { SgdOptimizer as _aiaas_v1_SgdOptimizer, SgdOptimizer__Output as _aiaas_v1_SgdOptimizer__Output } from '../../aiaas/v1/SgdOptimizer';
import type { AdamOptimizer as _aiaas_v1_AdamOptimizer, AdamOptimizer__Output as _aiaas_v1_AdamOptimizer__Output } from '../../aiaas/v1/AdamOptimizer';
import type { RmspropOptimizer as _aiaas_v1_RmspropOptimizer, RmspropOptimizer__Output as _aiaas_v1_RmspropOptimizer__Output } from '../../aiaas/v1/RmspropOptimizer';
import type { AdagradOptimizer as _aiaas_v1_AdagradOptimizer, AdagradOptimizer__Output as _aiaas_v1_AdagradOptimizer__Output } from '../../aiaas/v1/AdagradOptimizer';
import type { StepSchedule as _aiaas_v1_StepSchedule, StepSchedule__Output as _aiaas_v1_StepSchedule__Output } from '../../aiaas/v1/StepSchedule';
import type { ExponentialSchedule as _aiaas_v1_ExponentialSchedule, ExponentialSchedule__Output as _aiaas_v1_ExponentialSchedule__Output } from '../../aiaas/v1/ExponentialSchedule';
import type { CosineSchedule as _aiaas_v1_CosineSchedule, CosineSchedule__Output as _aiaas_v1_CosineSchedule__Output } from '../../aiaas/v1/CosineSchedule';
import type { EarlyStopping as _aiaas_v1_EarlyStopping, EarlyStopping__Output as _aiaas_v1_EarlyStopping__Output } from '../../aiaas/v1/EarlyStopping';
import type { ClassWeightMap as _aiaas_v1_ClassWeightMap, ClassWeightMap__Output as _aiaas_v1_ClassWeightMap__Output } from '../../aiaas/v1/ClassWeightMap';
import type { Seq2seqModel as _aiaas_v1_Seq2seqModel, Seq2seqModel__Output as _aiaas_v1_Seq2seqModel__Output } from '../../aiaas/v1/Seq2seqModel';

export interface TrainingSpec {
  'hidden_units'?: (number)[];
  'epochs'?: (number);
  'batch_size'?: (number);
  'learning_rate'?: (number | string);
  'dropout'?: (number | string);
  'seed'?: (number);
  'mlp'?: (_aiaas_v1_MlpModel | null);
  'text'?: (_aiaas_v1_TextModel | null);
  'recommender'?: (_aiaas_v1_RecommenderModel | null);
  'loss'?: (_aiaas_v1_Loss);
  'huber_delta'?: (number | string);
  'sgd'?: (_aiaas_v1_SgdOptimizer | null);
  'adam'?: (_aiaas_v1_AdamOptimizer | null);
  'rmsprop'?: (_aiaas_v1_RmspropOptimizer | null);
  'adagrad'?: (_aiaas_v1_AdagradOptimizer | null);
  'step_schedule'?: (_aiaas_v1_StepSchedule | null);
  'exponential_schedule'?: (_aiaas_v1_ExponentialSchedule | null);
  'cosine_schedule'?: (_aiaas_v1_CosineSchedule | null);
  'validation_fraction'?: (number | string);
  'early_stopping'?: (_aiaas_v1_EarlyStopping | null);
  'balanced_class_weights'?: (boolean);
  'class_weight_map'?: (_aiaas_v1_ClassWeightMap | null);
  'progress_every_batches'?: (number);
  'seq2seq'?: (_aiaas_v1_Seq2seqModel | null);
  '_seed'?: "seed";
  'model'?: "mlp"|"text"|"recommender"|"seq2seq";
  'optimizer'?: "sgd"|"adam"|"rmsprop"|"adagrad";
  'schedule'?: "step_schedule"|"exponential_schedule"|"cosine_schedule";
  '_validation_fraction'?: "validation_fraction";
  'class_weights'?: "balanced_class_weights"|"class_weight_map";
}

export interface TrainingSpec__Output {
  'hidden_units': (number)[];
  'epochs': (number);
  'batch_size': (number);
  'learning_rate': (number);
  'dropout': (number);
  'seed'?: (number);
  'mlp'?: (_aiaas_v1_MlpModel__Output | null);
  'text'?: (_aiaas_v1_TextModel__Output | null);
  'recommender'?: (_aiaas_v1_RecommenderModel__Output | null);
  'loss': (_aiaas_v1_Loss__Output);
  'huber_delta': (number);
  'sgd'?: (_aiaas_v1_SgdOptimizer__Output | null);
  'adam'?: (_aiaas_v1_AdamOptimizer__Output | null);
  'rmsprop'?: (_aiaas_v1_RmspropOptimizer__Output | null);
  'adagrad'?: (_aiaas_v1_AdagradOptimizer__Output | null);
  'step_schedule'?: (_aiaas_v1_StepSchedule__Output | null);
  'exponential_schedule'?: (_aiaas_v1_ExponentialSchedule__Output | null);
  'cosine_schedule'?: (_aiaas_v1_CosineSchedule__Output | null);
  'validation_fraction'?: (number);
  'early_stopping': (_aiaas_v1_EarlyStopping__Output | null);
  'balanced_class_weights'?: (boolean);
  'class_weight_map'?: (_aiaas_v1_ClassWeightMap__Output | null);
  'progress_every_batches': (number);
  'seq2seq'?: (_aiaas_v1_Seq2seqModel__Output | null);
  '_seed'?: "seed";
  'model'?: "mlp"|"text"|"recommender"|"seq2seq";
  'optimizer'?: "sgd"|"adam"|"rmsprop"|"adagrad";
  'schedule'?: "step_schedule"|"exponential_schedule"|"cosine_schedule";
  '_validation_fraction'?: "validation_fraction";
  'class_weights'?: "balanced_class_weights"|"class_weight_map";
}
