import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AdagradOptimizer as _aiaas_v1_AdagradOptimizer, AdagradOptimizer__Output as _aiaas_v1_AdagradOptimizer__Output } from './aiaas/v1/AdagradOptimizer';
import type { AdamOptimizer as _aiaas_v1_AdamOptimizer, AdamOptimizer__Output as _aiaas_v1_AdamOptimizer__Output } from './aiaas/v1/AdamOptimizer';
import type { CancelJobRequest as _aiaas_v1_CancelJobRequest, CancelJobRequest__Output as _aiaas_v1_CancelJobRequest__Output } from './aiaas/v1/CancelJobRequest';
import type { CategoricalEncoding as _aiaas_v1_CategoricalEncoding, CategoricalEncoding__Output as _aiaas_v1_CategoricalEncoding__Output } from './aiaas/v1/CategoricalEncoding';
import type { ClassWeightMap as _aiaas_v1_ClassWeightMap, ClassWeightMap__Output as _aiaas_v1_ClassWeightMap__Output } from './aiaas/v1/ClassWeightMap';
import type { ColumnPreprocessing as _aiaas_v1_ColumnPreprocessing, ColumnPreprocessing__Output as _aiaas_v1_ColumnPreprocessing__Output } from './aiaas/v1/ColumnPreprocessing';
import type { Comparison as _aiaas_v1_Comparison, Comparison__Output as _aiaas_v1_Comparison__Output } from './aiaas/v1/Comparison';
import type { Conv1dEncoder as _aiaas_v1_Conv1dEncoder, Conv1dEncoder__Output as _aiaas_v1_Conv1dEncoder__Output } from './aiaas/v1/Conv1dEncoder';
import type { CosineSchedule as _aiaas_v1_CosineSchedule, CosineSchedule__Output as _aiaas_v1_CosineSchedule__Output } from './aiaas/v1/CosineSchedule';
import type { DenseLayer as _aiaas_v1_DenseLayer, DenseLayer__Output as _aiaas_v1_DenseLayer__Output } from './aiaas/v1/DenseLayer';
import type { DescribeWorkerRequest as _aiaas_v1_DescribeWorkerRequest, DescribeWorkerRequest__Output as _aiaas_v1_DescribeWorkerRequest__Output } from './aiaas/v1/DescribeWorkerRequest';
import type { EarlyStopping as _aiaas_v1_EarlyStopping, EarlyStopping__Output as _aiaas_v1_EarlyStopping__Output } from './aiaas/v1/EarlyStopping';
import type { EpochEnded as _aiaas_v1_EpochEnded, EpochEnded__Output as _aiaas_v1_EpochEnded__Output } from './aiaas/v1/EpochEnded';
import type { EvaluateModelRequest as _aiaas_v1_EvaluateModelRequest, EvaluateModelRequest__Output as _aiaas_v1_EvaluateModelRequest__Output } from './aiaas/v1/EvaluateModelRequest';
import type { Evaluation as _aiaas_v1_Evaluation, Evaluation__Output as _aiaas_v1_Evaluation__Output } from './aiaas/v1/Evaluation';
import type { EvaluationServiceClient as _aiaas_v1_EvaluationServiceClient, EvaluationServiceDefinition as _aiaas_v1_EvaluationServiceDefinition } from './aiaas/v1/EvaluationService';
import type { EvaluationSpec as _aiaas_v1_EvaluationSpec, EvaluationSpec__Output as _aiaas_v1_EvaluationSpec__Output } from './aiaas/v1/EvaluationSpec';
import type { ExponentialSchedule as _aiaas_v1_ExponentialSchedule, ExponentialSchedule__Output as _aiaas_v1_ExponentialSchedule__Output } from './aiaas/v1/ExponentialSchedule';
import type { GetJobRequest as _aiaas_v1_GetJobRequest, GetJobRequest__Output as _aiaas_v1_GetJobRequest__Output } from './aiaas/v1/GetJobRequest';
import type { GetModelReportRequest as _aiaas_v1_GetModelReportRequest, GetModelReportRequest__Output as _aiaas_v1_GetModelReportRequest__Output } from './aiaas/v1/GetModelReportRequest';
import type { IdEncoding as _aiaas_v1_IdEncoding, IdEncoding__Output as _aiaas_v1_IdEncoding__Output } from './aiaas/v1/IdEncoding';
import type { ImplicitFeedback as _aiaas_v1_ImplicitFeedback, ImplicitFeedback__Output as _aiaas_v1_ImplicitFeedback__Output } from './aiaas/v1/ImplicitFeedback';
import type { Imputation as _aiaas_v1_Imputation, Imputation__Output as _aiaas_v1_Imputation__Output } from './aiaas/v1/Imputation';
import type { Job as _aiaas_v1_Job, Job__Output as _aiaas_v1_Job__Output } from './aiaas/v1/Job';
import type { JobEvent as _aiaas_v1_JobEvent, JobEvent__Output as _aiaas_v1_JobEvent__Output } from './aiaas/v1/JobEvent';
import type { JobFinished as _aiaas_v1_JobFinished, JobFinished__Output as _aiaas_v1_JobFinished__Output } from './aiaas/v1/JobFinished';
import type { MetricThreshold as _aiaas_v1_MetricThreshold, MetricThreshold__Output as _aiaas_v1_MetricThreshold__Output } from './aiaas/v1/MetricThreshold';
import type { MetricTolerance as _aiaas_v1_MetricTolerance, MetricTolerance__Output as _aiaas_v1_MetricTolerance__Output } from './aiaas/v1/MetricTolerance';
import type { MlpModel as _aiaas_v1_MlpModel, MlpModel__Output as _aiaas_v1_MlpModel__Output } from './aiaas/v1/MlpModel';
import type { ModelReport as _aiaas_v1_ModelReport, ModelReport__Output as _aiaas_v1_ModelReport__Output } from './aiaas/v1/ModelReport';
import type { NumericEncoding as _aiaas_v1_NumericEncoding, NumericEncoding__Output as _aiaas_v1_NumericEncoding__Output } from './aiaas/v1/NumericEncoding';
import type { OutlierClipping as _aiaas_v1_OutlierClipping, OutlierClipping__Output as _aiaas_v1_OutlierClipping__Output } from './aiaas/v1/OutlierClipping';
import type { ParameterRange as _aiaas_v1_ParameterRange, ParameterRange__Output as _aiaas_v1_ParameterRange__Output } from './aiaas/v1/ParameterRange';
import type { ParameterSearch as _aiaas_v1_ParameterSearch, ParameterSearch__Output as _aiaas_v1_ParameterSearch__Output } from './aiaas/v1/ParameterSearch';
import type { PoolingEncoder as _aiaas_v1_PoolingEncoder, PoolingEncoder__Output as _aiaas_v1_PoolingEncoder__Output } from './aiaas/v1/PoolingEncoder';
import type { PreprocessingSpec as _aiaas_v1_PreprocessingSpec, PreprocessingSpec__Output as _aiaas_v1_PreprocessingSpec__Output } from './aiaas/v1/PreprocessingSpec';
import type { QuantileClipping as _aiaas_v1_QuantileClipping, QuantileClipping__Output as _aiaas_v1_QuantileClipping__Output } from './aiaas/v1/QuantileClipping';
import type { RecommenderModel as _aiaas_v1_RecommenderModel, RecommenderModel__Output as _aiaas_v1_RecommenderModel__Output } from './aiaas/v1/RecommenderModel';
import type { RmspropOptimizer as _aiaas_v1_RmspropOptimizer, RmspropOptimizer__Output as _aiaas_v1_RmspropOptimizer__Output } from './aiaas/v1/RmspropOptimizer';
import type { RnnEncoder as _aiaas_v1_RnnEncoder, RnnEncoder__Output as _aiaas_v1_RnnEncoder__Output } from './aiaas/v1/RnnEncoder';
import type { Seq2seqModel as _aiaas_v1_Seq2seqModel, Seq2seqModel__Output as _aiaas_v1_Seq2seqModel__Output } from './aiaas/v1/Seq2seqModel';
import type { SgdOptimizer as _aiaas_v1_SgdOptimizer, SgdOptimizer__Output as _aiaas_v1_SgdOptimizer__Output } from './aiaas/v1/SgdOptimizer';
import type { SliceMetrics as _aiaas_v1_SliceMetrics, SliceMetrics__Output as _aiaas_v1_SliceMetrics__Output } from './aiaas/v1/SliceMetrics';
import type { SplitSpec as _aiaas_v1_SplitSpec, SplitSpec__Output as _aiaas_v1_SplitSpec__Output } from './aiaas/v1/SplitSpec';
import type { StageCompleted as _aiaas_v1_StageCompleted, StageCompleted__Output as _aiaas_v1_StageCompleted__Output } from './aiaas/v1/StageCompleted';
import type { StageFailed as _aiaas_v1_StageFailed, StageFailed__Output as _aiaas_v1_StageFailed__Output } from './aiaas/v1/StageFailed';
import type { StageProgress as _aiaas_v1_StageProgress, StageProgress__Output as _aiaas_v1_StageProgress__Output } from './aiaas/v1/StageProgress';
import type { StageStarted as _aiaas_v1_StageStarted, StageStarted__Output as _aiaas_v1_StageStarted__Output } from './aiaas/v1/StageStarted';
import type { StageStatus as _aiaas_v1_StageStatus, StageStatus__Output as _aiaas_v1_StageStatus__Output } from './aiaas/v1/StageStatus';
import type { StartPipelineRequest as _aiaas_v1_StartPipelineRequest, StartPipelineRequest__Output as _aiaas_v1_StartPipelineRequest__Output } from './aiaas/v1/StartPipelineRequest';
import type { StepSchedule as _aiaas_v1_StepSchedule, StepSchedule__Output as _aiaas_v1_StepSchedule__Output } from './aiaas/v1/StepSchedule';
import type { TextEncoding as _aiaas_v1_TextEncoding, TextEncoding__Output as _aiaas_v1_TextEncoding__Output } from './aiaas/v1/TextEncoding';
import type { TextModel as _aiaas_v1_TextModel, TextModel__Output as _aiaas_v1_TextModel__Output } from './aiaas/v1/TextModel';
import type { TrainingSpec as _aiaas_v1_TrainingSpec, TrainingSpec__Output as _aiaas_v1_TrainingSpec__Output } from './aiaas/v1/TrainingSpec';
import type { TuningSpec as _aiaas_v1_TuningSpec, TuningSpec__Output as _aiaas_v1_TuningSpec__Output } from './aiaas/v1/TuningSpec';
import type { WatchJobRequest as _aiaas_v1_WatchJobRequest, WatchJobRequest__Output as _aiaas_v1_WatchJobRequest__Output } from './aiaas/v1/WatchJobRequest';
import type { WorkerInfo as _aiaas_v1_WorkerInfo, WorkerInfo__Output as _aiaas_v1_WorkerInfo__Output } from './aiaas/v1/WorkerInfo';
import type { ZScoreClipping as _aiaas_v1_ZScoreClipping, ZScoreClipping__Output as _aiaas_v1_ZScoreClipping__Output } from './aiaas/v1/ZScoreClipping';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  aiaas: {
    v1: {
      Activation: EnumTypeDefinition
      AdagradOptimizer: MessageTypeDefinition<_aiaas_v1_AdagradOptimizer, _aiaas_v1_AdagradOptimizer__Output>
      AdamOptimizer: MessageTypeDefinition<_aiaas_v1_AdamOptimizer, _aiaas_v1_AdamOptimizer__Output>
      CancelJobRequest: MessageTypeDefinition<_aiaas_v1_CancelJobRequest, _aiaas_v1_CancelJobRequest__Output>
      CategoricalEncoding: MessageTypeDefinition<_aiaas_v1_CategoricalEncoding, _aiaas_v1_CategoricalEncoding__Output>
      ClassWeightMap: MessageTypeDefinition<_aiaas_v1_ClassWeightMap, _aiaas_v1_ClassWeightMap__Output>
      ColumnPreprocessing: MessageTypeDefinition<_aiaas_v1_ColumnPreprocessing, _aiaas_v1_ColumnPreprocessing__Output>
      Comparison: MessageTypeDefinition<_aiaas_v1_Comparison, _aiaas_v1_Comparison__Output>
      Conv1dEncoder: MessageTypeDefinition<_aiaas_v1_Conv1dEncoder, _aiaas_v1_Conv1dEncoder__Output>
      CosineSchedule: MessageTypeDefinition<_aiaas_v1_CosineSchedule, _aiaas_v1_CosineSchedule__Output>
      DenseLayer: MessageTypeDefinition<_aiaas_v1_DenseLayer, _aiaas_v1_DenseLayer__Output>
      DescribeWorkerRequest: MessageTypeDefinition<_aiaas_v1_DescribeWorkerRequest, _aiaas_v1_DescribeWorkerRequest__Output>
      EarlyStopping: MessageTypeDefinition<_aiaas_v1_EarlyStopping, _aiaas_v1_EarlyStopping__Output>
      EpochEnded: MessageTypeDefinition<_aiaas_v1_EpochEnded, _aiaas_v1_EpochEnded__Output>
      EvaluateModelRequest: MessageTypeDefinition<_aiaas_v1_EvaluateModelRequest, _aiaas_v1_EvaluateModelRequest__Output>
      Evaluation: MessageTypeDefinition<_aiaas_v1_Evaluation, _aiaas_v1_Evaluation__Output>
      EvaluationService: SubtypeConstructor<typeof grpc.Client, _aiaas_v1_EvaluationServiceClient> & { service: _aiaas_v1_EvaluationServiceDefinition }
      EvaluationSpec: MessageTypeDefinition<_aiaas_v1_EvaluationSpec, _aiaas_v1_EvaluationSpec__Output>
      ExponentialSchedule: MessageTypeDefinition<_aiaas_v1_ExponentialSchedule, _aiaas_v1_ExponentialSchedule__Output>
      GetJobRequest: MessageTypeDefinition<_aiaas_v1_GetJobRequest, _aiaas_v1_GetJobRequest__Output>
      GetModelReportRequest: MessageTypeDefinition<_aiaas_v1_GetModelReportRequest, _aiaas_v1_GetModelReportRequest__Output>
      IdEncoding: MessageTypeDefinition<_aiaas_v1_IdEncoding, _aiaas_v1_IdEncoding__Output>
      ImplicitFeedback: MessageTypeDefinition<_aiaas_v1_ImplicitFeedback, _aiaas_v1_ImplicitFeedback__Output>
      Imputation: MessageTypeDefinition<_aiaas_v1_Imputation, _aiaas_v1_Imputation__Output>
      Job: MessageTypeDefinition<_aiaas_v1_Job, _aiaas_v1_Job__Output>
      JobEvent: MessageTypeDefinition<_aiaas_v1_JobEvent, _aiaas_v1_JobEvent__Output>
      JobFinished: MessageTypeDefinition<_aiaas_v1_JobFinished, _aiaas_v1_JobFinished__Output>
      JobState: EnumTypeDefinition
      Loss: EnumTypeDefinition
      MetricThreshold: MessageTypeDefinition<_aiaas_v1_MetricThreshold, _aiaas_v1_MetricThreshold__Output>
      MetricTolerance: MessageTypeDefinition<_aiaas_v1_MetricTolerance, _aiaas_v1_MetricTolerance__Output>
      MlpModel: MessageTypeDefinition<_aiaas_v1_MlpModel, _aiaas_v1_MlpModel__Output>
      ModelReport: MessageTypeDefinition<_aiaas_v1_ModelReport, _aiaas_v1_ModelReport__Output>
      MonitoredMetric: EnumTypeDefinition
      NumericEncoding: MessageTypeDefinition<_aiaas_v1_NumericEncoding, _aiaas_v1_NumericEncoding__Output>
      OutlierClipping: MessageTypeDefinition<_aiaas_v1_OutlierClipping, _aiaas_v1_OutlierClipping__Output>
      ParameterRange: MessageTypeDefinition<_aiaas_v1_ParameterRange, _aiaas_v1_ParameterRange__Output>
      ParameterSearch: MessageTypeDefinition<_aiaas_v1_ParameterSearch, _aiaas_v1_ParameterSearch__Output>
      Pooling: EnumTypeDefinition
      PoolingEncoder: MessageTypeDefinition<_aiaas_v1_PoolingEncoder, _aiaas_v1_PoolingEncoder__Output>
      PreprocessingSpec: MessageTypeDefinition<_aiaas_v1_PreprocessingSpec, _aiaas_v1_PreprocessingSpec__Output>
      Promotion: EnumTypeDefinition
      QuantileClipping: MessageTypeDefinition<_aiaas_v1_QuantileClipping, _aiaas_v1_QuantileClipping__Output>
      RecommenderModel: MessageTypeDefinition<_aiaas_v1_RecommenderModel, _aiaas_v1_RecommenderModel__Output>
      RmspropOptimizer: MessageTypeDefinition<_aiaas_v1_RmspropOptimizer, _aiaas_v1_RmspropOptimizer__Output>
      RnnCell: EnumTypeDefinition
      RnnEncoder: MessageTypeDefinition<_aiaas_v1_RnnEncoder, _aiaas_v1_RnnEncoder__Output>
      Seq2seqModel: MessageTypeDefinition<_aiaas_v1_Seq2seqModel, _aiaas_v1_Seq2seqModel__Output>
      SgdOptimizer: MessageTypeDefinition<_aiaas_v1_SgdOptimizer, _aiaas_v1_SgdOptimizer__Output>
      SliceMetrics: MessageTypeDefinition<_aiaas_v1_SliceMetrics, _aiaas_v1_SliceMetrics__Output>
      SplitSpec: MessageTypeDefinition<_aiaas_v1_SplitSpec, _aiaas_v1_SplitSpec__Output>
      Stage: EnumTypeDefinition
      StageCompleted: MessageTypeDefinition<_aiaas_v1_StageCompleted, _aiaas_v1_StageCompleted__Output>
      StageFailed: MessageTypeDefinition<_aiaas_v1_StageFailed, _aiaas_v1_StageFailed__Output>
      StageProgress: MessageTypeDefinition<_aiaas_v1_StageProgress, _aiaas_v1_StageProgress__Output>
      StageStarted: MessageTypeDefinition<_aiaas_v1_StageStarted, _aiaas_v1_StageStarted__Output>
      StageStatus: MessageTypeDefinition<_aiaas_v1_StageStatus, _aiaas_v1_StageStatus__Output>
      StartPipelineRequest: MessageTypeDefinition<_aiaas_v1_StartPipelineRequest, _aiaas_v1_StartPipelineRequest__Output>
      StepSchedule: MessageTypeDefinition<_aiaas_v1_StepSchedule, _aiaas_v1_StepSchedule__Output>
      Task: EnumTypeDefinition
      TextEncoding: MessageTypeDefinition<_aiaas_v1_TextEncoding, _aiaas_v1_TextEncoding__Output>
      TextModel: MessageTypeDefinition<_aiaas_v1_TextModel, _aiaas_v1_TextModel__Output>
      TrainingSpec: MessageTypeDefinition<_aiaas_v1_TrainingSpec, _aiaas_v1_TrainingSpec__Output>
      TuningSpec: MessageTypeDefinition<_aiaas_v1_TuningSpec, _aiaas_v1_TuningSpec__Output>
      WatchJobRequest: MessageTypeDefinition<_aiaas_v1_WatchJobRequest, _aiaas_v1_WatchJobRequest__Output>
      WorkerInfo: MessageTypeDefinition<_aiaas_v1_WorkerInfo, _aiaas_v1_WorkerInfo__Output>
      ZScoreClipping: MessageTypeDefinition<_aiaas_v1_ZScoreClipping, _aiaas_v1_ZScoreClipping__Output>
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

