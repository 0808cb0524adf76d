import { z } from 'zod';
import { modelSpecSchema } from './model-spec';

/** Loss functions; `auto` picks the usual one for the task and model (see `planTraining`). */
export const LOSSES = ['auto', 'mse', 'mae', 'huber', 'binary-crossentropy', 'categorical-crossentropy', 'sparse-categorical-crossentropy'] as const;
export type LossName = (typeof LOSSES)[number];

/** The optimiser and its own settings; the learning rate and its schedule are separate. */
export const optimizerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sgd'), momentum: z.number().min(0).lt(1).default(0), nesterov: z.boolean().default(false) }),
  z.object({
    kind: z.literal('adam'),
    beta1: z.number().min(0).lt(1).default(0.9),
    beta2: z.number().min(0).lt(1).default(0.999),
    epsilon: z.number().positive().default(1e-7),
  }),
  z.object({
    kind: z.literal('rmsprop'),
    rho: z.number().min(0).lt(1).default(0.9),
    momentum: z.number().min(0).lt(1).default(0),
    epsilon: z.number().positive().default(1e-7),
  }),
  z.object({ kind: z.literal('adagrad'), initialAccumulatorValue: z.number().positive().default(0.1) }),
]);
export type OptimizerSpec = z.infer<typeof optimizerSchema>;
export type OptimizerKind = OptimizerSpec['kind'];

/**
 * How the learning rate changes with training progress, measured in epochs (fractional within
 * an epoch, so the rate changes smoothly from batch to batch except for `step`).
 */
export const scheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant') }),
  /** Multiplied by `factor` every `everyEpochs` epochs. */
  z.object({ kind: z.literal('step'), everyEpochs: z.number().int().min(1).default(10), factor: z.number().gt(0).max(1).default(0.5) }),
  /** Multiplied by `decayPerEpoch` per epoch. */
  z.object({ kind: z.literal('exponential'), decayPerEpoch: z.number().gt(0).max(1).default(0.95) }),
  /** Half a cosine from the learning rate down to `minLearningRate` over all epochs. */
  z.object({ kind: z.literal('cosine'), minLearningRate: z.number().min(0).default(0) }),
]);
export type ScheduleSpec = z.infer<typeof scheduleSchema>;

/** Quantities early stopping can watch; losses are minimised, accuracies maximised. */
export const MONITORED_METRICS = ['val_loss', 'loss', 'val_accuracy', 'accuracy'] as const;
export type MonitoredMetric = (typeof MONITORED_METRICS)[number];

/** Stop when the monitored quantity has not improved by `minDelta` for `patience` epochs. */
export const earlyStoppingSchema = z.object({
  monitor: z.enum(MONITORED_METRICS).default('val_loss'),
  patience: z.number().int().min(1).max(1_000).default(5),
  minDelta: z.number().min(0).default(0),
  /** Keep the weights of the best epoch rather than the last. */
  restoreBest: z.boolean().default(true),
});
export type EarlyStoppingSpec = z.infer<typeof earlyStoppingSchema>;

/** Per-class loss weights for classification. */
export const classWeightsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  /** n_rows / (n_classes × n_rows_of_class), as scikit-learn's `balanced`. */
  z.object({ kind: z.literal('balanced') }),
  /** By class label; classes not named weigh 1. */
  z.object({ kind: z.literal('manual'), weights: z.record(z.string(), z.number().positive()) }),
]);
export type ClassWeightsSpec = z.infer<typeof classWeightsSchema>;

/** Everything training is asked to do: the model, how to fit it, and how to report. */
export const trainingSpecSchema = z.object({
  model: modelSpecSchema.default({
    family: 'mlp',
    hiddenLayers: [
      { units: 32, activation: 'relu', dropout: 0, batchNorm: false, l1: 0, l2: 0 },
      { units: 16, activation: 'relu', dropout: 0, batchNorm: false, l1: 0, l2: 0 },
    ],
  }),
  loss: z.enum(LOSSES).default('auto'),
  /** Where the Huber loss turns from quadratic to linear, in target units. */
  huberDelta: z.number().positive().default(1),
  optimizer: optimizerSchema.default({ kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }),
  learningRate: z.number().positive().max(10).default(0.01),
  schedule: scheduleSchema.default({ kind: 'constant' }),
  epochs: z.number().int().min(1).max(10_000).default(40),
  batchSize: z.number().int().min(1).max(65_536).default(32),
  /** Held out of the training split when preprocessing produced no validation split (0 for none). */
  validationFraction: z.number().min(0).max(0.5).default(0.1),
  earlyStopping: earlyStoppingSchema.optional(),
  classWeights: classWeightsSchema.default({ kind: 'none' }),
  /** Seeds initialisation, shuffling, dropout and negative sampling: same seed and data, same model. */
  seed: z.number().int().nonnegative().default(42),
  /** Report progress every this many batches as well as every epoch; 0 for epochs only. */
  progressEveryBatches: z.number().int().min(0).default(0),
});
export type TrainingSpec = z.infer<typeof trainingSpecSchema>;
/** A training spec as a client may write it: every field with a default may be left out. */
export type TrainingSpecInput = z.input<typeof trainingSpecSchema>;
