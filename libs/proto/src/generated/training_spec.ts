import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AdagradOptimizer as _aiaas_v1_AdagradOptimizer, AdagradOptimizer__Output as _aiaas_v1_AdagradOptimizer__Output } from './aiaas/v1/AdagradOptimizer';
import type { AdamOptimizer as _aiaas_v1_AdamOptimizer, AdamOptimizer__Output as _aiaas_v1_AdamOptimizer__Output } from './aiaas/v1/AdamOptimizer';
import type { ClassWeightMap as _aiaas_v1_ClassWeightMap, ClassWeightMap__Output as _aiaas_v1_ClassWeightMap__Output } from './aiaas/v1/ClassWeightMap';
import type { Conv1dEncoder as _aiaas_v1_Conv1dEncoder, Conv1dEncoder__Output as _aiaas_v1_Conv1dEncoder__Output } from './aiaas/v1/Conv1dEncoder';
import type { CosineSchedule as _aiaas_v1_CosineSchedule, CosineSchedule__Output as _aiaas_v1_CosineSchedule__Output } from './aiaas/v1/CosineSchedule';
import type { DenseLayer as _aiaas_v1_DenseLayer, DenseLayer__Output as _aiaas_v1_DenseLayer__Output } from './aiaas/v1/DenseLayer';
import type { EarlyStopping as _aiaas_v1_EarlyStopping, EarlyStopping__Output as _aiaas_v1_EarlyStopping__Output } from './aiaas/v1/EarlyStopping';
import type { ExponentialSchedule as _aiaas_v1_ExponentialSchedule, ExponentialSchedule__Output as _aiaas_v1_ExponentialSchedule__Output } from './aiaas/v1/ExponentialSchedule';
import type { ImplicitFeedback as _aiaas_v1_ImplicitFeedback, ImplicitFeedback__Output as _aiaas_v1_ImplicitFeedback__Output } from './aiaas/v1/ImplicitFeedback';
import type { MlpModel as _aiaas_v1_MlpModel, MlpModel__Output as _aiaas_v1_MlpModel__Output } from './aiaas/v1/MlpModel';
import type { ParameterRange as _aiaas_v1_ParameterRange, ParameterRange__Output as _aiaas_v1_ParameterRange__Output } from './aiaas/v1/ParameterRange';
import type { ParameterSearch as _aiaas_v1_ParameterSearch, ParameterSearch__Output as _aiaas_v1_ParameterSearch__Output } from './aiaas/v1/ParameterSearch';
import type { PoolingEncoder as _aiaas_v1_PoolingEncoder, PoolingEncoder__Output as _aiaas_v1_PoolingEncoder__Output } from './aiaas/v1/PoolingEncoder';
import type { RecommenderModel as _aiaas_v1_RecommenderModel, RecommenderModel__Output as _aiaas_v1_RecommenderModel__Output } from './aiaas/v1/RecommenderModel';
import type { RmspropOptimizer as _aiaas_v1_RmspropOptimizer, RmspropOptimizer__Output as _aiaas_v1_RmspropOptimizer__Output } from './aiaas/v1/RmspropOptimizer';
import type { RnnEncoder as _aiaas_v1_RnnEncoder, RnnEncoder__Output as _aiaas_v1_RnnEncoder__Output } from './aiaas/v1/RnnEncoder';
import type { Seq2seqModel as _aiaas_v1_Seq2seqModel, Seq2seqModel__Output as _aiaas_v1_Seq2seqModel__Output } from './aiaas/v1/Seq2seqModel';
import type { SgdOptimizer as _aiaas_v1_SgdOptimizer, SgdOptimizer__Output as _aiaas_v1_SgdOptimizer__Output } from './aiaas/v1/SgdOptimizer';
import type { StepSchedule as _aiaas_v1_StepSchedule, StepSchedule__Output as _aiaas_v1_StepSchedule__Output } from './aiaas/v1/StepSchedule';
import type { TextModel as _aiaas_v1_TextModel, TextModel__Output as _aiaas_v1_TextModel__Output } from './aiaas/v1/TextModel';
import type { TrainingSpec as _aiaas_v1_TrainingSpec, TrainingSpec__Output as _aiaas_v1_TrainingSpec__Output } from './aiaas/v1/TrainingSpec';
import type { TuningSpec as _aiaas_v1_TuningSpec, TuningSpec__Output as _aiaas_v1_TuningSpec__Output } from './aiaas/v1/TuningSpec';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  aiaas: {
    v1: {
      Activation: EnumTypeDefinition
      AdagradOptimizer: MessageTypeDefinition<_aiaas_v1_AdagradOptimizer, _aiaas_v1_AdagradOptimizer__Output>
      AdamOptimizer: MessageTypeDefinition<_aiaas_v1_AdamOptimizer, _aiaas_v1_AdamOptimizer__Output>
      ClassWeightMap: MessageTypeDefinition<_aiaas_v1_ClassWeightMap, _aiaas_v1_ClassWeightMap__Output>
      Conv1dEncoder: MessageTypeDefinition<_aiaas_v1_Conv1dEncoder, _aiaas_v1_Conv1dEncoder__Output>
      CosineSchedule: MessageTypeDefinition<_aiaas_v1_CosineSchedule, _aiaas_v1_CosineSchedule__Output>
      DenseLayer: MessageTypeDefinition<_aiaas_v1_DenseLayer, _aiaas_v1_DenseLayer__Output>
      EarlyStopping: MessageTypeDefinition<_aiaas_v1_EarlyStopping, _aiaas_v1_EarlyStopping__Output>
      ExponentialSchedule: MessageTypeDefinition<_aiaas_v1_ExponentialSchedule, _aiaas_v1_ExponentialSchedule__Output>
      ImplicitFeedback: MessageTypeDefinition<_aiaas_v1_ImplicitFeedback, _aiaas_v1_ImplicitFeedback__Output>
      Loss: EnumTypeDefinition
      MlpModel: MessageTypeDefinition<_aiaas_v1_MlpModel, _aiaas_v1_MlpModel__Output>
      MonitoredMetric: EnumTypeDefinition
      ParameterRange: MessageTypeDefinition<_aiaas_v1_ParameterRange, _aiaas_v1_ParameterRange__Output>
      ParameterSearch: MessageTypeDefinition<_aiaas_v1_ParameterSearch, _aiaas_v1_ParameterSearch__Output>
      Pooling: EnumTypeDefinition
      PoolingEncoder: MessageTypeDefinition<_aiaas_v1_PoolingEncoder, _aiaas_v1_PoolingEncoder__Output>
      RecommenderModel: MessageTypeDefinition<_aiaas_v1_RecommenderModel, _aiaas_v1_RecommenderModel__Output>
      RmspropOptimizer: MessageTypeDefinition<_aiaas_v1_RmspropOptimizer, _aiaas_v1_RmspropOptimizer__Output>
      RnnCell: EnumTypeDefinition
      RnnEncoder: MessageTypeDefinition<_aiaas_v1_RnnEncoder, _aiaas_v1_RnnEncoder__Output>
      Seq2seqModel: MessageTypeDefinition<_aiaas_v1_Seq2seqModel, _aiaas_v1_Seq2seqModel__Output>
      SgdOptimizer: MessageTypeDefinition<_aiaas_v1_SgdOptimizer, _aiaas_v1_SgdOptimizer__Output>
      StepSchedule: MessageTypeDefinition<_aiaas_v1_StepSchedule, _aiaas_v1_StepSchedule__Output>
      TextModel: MessageTypeDefinition<_aiaas_v1_TextModel, _aiaas_v1_TextModel__Output>
      TrainingSpec: MessageTypeDefinition<_aiaas_v1_TrainingSpec, _aiaas_v1_TrainingSpec__Output>
      TuningSpec: MessageTypeDefinition<_aiaas_v1_TuningSpec, _aiaas_v1_TuningSpec__Output>
    }
  }
}

