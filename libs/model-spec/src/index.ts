/**
 * The declarative model and training spec: what a user asks training to build and how to fit
 * it, validated with zod and free of TensorFlow.js, so the gateway can check requests and the
 * registry can store them without loading a compute backend.
 *
 * @example
 * ```ts
 * import { planTraining, trainingSpecSchema } from '@aiaas/model-spec';
 * const spec = trainingSpecSchema.parse({ model: { family: 'text', encoder: { kind: 'rnn', cell: 'gru' } }, epochs: 5 });
 * const plan = planTraining(spec, { task: 'classification', classLabels: ['ham', 'spam'], hasValidation: true,
 *   outputs: [{ kind: 'sequence', name: 'body', width: 64, cardinality: 5002 }] });
 * plan.head; // { kind: 'sigmoid' }: two classes, binary cross-entropy
 * ```
 */
export { learningRateAt } from './learning-rate-schedule';
export {
  ACTIVATIONS,
  denseLayerSchema,
  feedbackSchema,
  MODEL_FAMILIES,
  mlpSpecSchema,
  modelSpecSchema,
  recommenderSpecSchema,
  sequenceEncoderSchema,
  seq2seqSpecSchema,
  textSpecSchema,
} from './model-spec';
export type { Activation, DenseLayerSpec, FeedbackSpec, MlpSpec, ModelFamily, ModelSpec, RecommenderSpec, SequenceEncoderSpec, Seq2seqSpec, TextSpec } from './model-spec';
export { checkTrainingSpec, DECODER_INPUT, planTraining } from './training-plan';
export type { DataOutput, LabelKind, ModelHead, ModelInput, OutputKind, TargetSequence, TrainingData, TrainingDataShape, TrainingPlan } from './training-plan';
export {
  classWeightsSchema,
  earlyStoppingSchema,
  LOSSES,
  MONITORED_METRICS,
  optimizerSchema,
  scheduleSchema,
  trainingSpecSchema,
} from './training-spec';
export type {
  ClassWeightsSpec,
  EarlyStoppingSpec,
  LossName,
  MonitoredMetric,
  OptimizerKind,
  OptimizerSpec,
  ScheduleSpec,
  TrainingSpec,
  TrainingSpecInput,
} from './training-spec';
export { isBetterObjective, parameterSearchSchema, rungsOf, trialParameters, TUNABLE_PARAMETERS, tuningSpecSchema, withParameters } from './tuning-spec';
export type { ParameterSearch, TrialParameters, TunableParameter, TuningSpec, TuningSpecInput } from './tuning-spec';
