import { InvalidArgumentError } from '@aiaas/errors';
import { trainingSpecSchema, type TrainingSpec, type TrainingSpecInput } from '@aiaas/model-spec';
import type {
  Activation__Output,
  DenseLayer__Output,
  Loss__Output,
  MonitoredMetric__Output,
  Pooling__Output,
  RecommenderModel__Output,
  Seq2seqModel__Output,
  TextModel__Output,
  TrainingSpec__Output,
} from '@aiaas/proto';

/** Proto3 scalars arrive as 0 when unset: 0 means "the default" for these fields. */
const unlessZero = (value: number | undefined) => (value ? value : undefined);

const ACTIVATIONS = {
  ACTIVATION_UNSPECIFIED: 'relu',
  ACTIVATION_RELU: 'relu',
  ACTIVATION_ELU: 'elu',
  ACTIVATION_SELU: 'selu',
  ACTIVATION_TANH: 'tanh',
  ACTIVATION_SIGMOID: 'sigmoid',
  ACTIVATION_SOFTPLUS: 'softplus',
  ACTIVATION_SWISH: 'swish',
  ACTIVATION_GELU: 'gelu',
  ACTIVATION_LINEAR: 'linear',
} as const satisfies Record<Activation__Output, string>;

const LOSSES = {
  LOSS_UNSPECIFIED: 'auto',
  LOSS_MSE: 'mse',
  LOSS_MAE: 'mae',
  LOSS_HUBER: 'huber',
  LOSS_BINARY_CROSSENTROPY: 'binary-crossentropy',
  LOSS_CATEGORICAL_CROSSENTROPY: 'categorical-crossentropy',
  LOSS_SPARSE_CATEGORICAL_CROSSENTROPY: 'sparse-categorical-crossentropy',
} as const satisfies Record<Loss__Output, string>;

const POOLINGS = { POOLING_UNSPECIFIED: undefined, POOLING_AVERAGE: 'average', POOLING_MAX: 'max' } as const satisfies Record<Pooling__Output, string | undefined>;

const MONITORS = {
  MONITORED_METRIC_UNSPECIFIED: undefined,
  MONITORED_METRIC_VAL_LOSS: 'val_loss',
  MONITORED_METRIC_LOSS: 'loss',
  MONITORED_METRIC_VAL_ACCURACY: 'val_accuracy',
  MONITORED_METRIC_ACCURACY: 'accuracy',
} as const satisfies Record<MonitoredMetric__Output, string | undefined>;

type ModelInput = NonNullable<TrainingSpecInput['model']>;
type DenseLayerInput = NonNullable<Extract<ModelInput, { family: 'mlp' }>['hiddenLayers']>[number];

function denseLayers(layers: readonly DenseLayer__Output[]): DenseLayerInput[] {
  return layers.map((layer) => ({
    units: layer.units,
    activation: ACTIVATIONS[layer.activation],
    dropout: layer.dropout,
    batchNorm: layer.batch_norm,
    l1: layer.l1,
    l2: layer.l2,
  }));
}

function textModel(text: TextModel__Output): ModelInput {
  const encoder = (() => {
    switch (text.encoder) {
      case 'conv1d':
        return { kind: 'conv1d' as const, filters: unlessZero(text.conv1d?.filters), kernelSize: unlessZero(text.conv1d?.kernel_size), pooling: POOLINGS[text.conv1d?.pooling ?? 'POOLING_UNSPECIFIED'] };
      case 'rnn':
        return { kind: 'rnn' as const, cell: text.rnn?.cell === 'RNN_CELL_GRU' ? ('gru' as const) : ('lstm' as const), units: unlessZero(text.rnn?.units), bidirectional: text.rnn?.bidirectional ?? false };
      case 'pooling':
        return { kind: 'pooling' as const, pooling: POOLINGS[text.pooling?.pooling ?? 'POOLING_UNSPECIFIED'] };
      default:
        return undefined;
    }
  })();
  return {
    family: 'text',
    sequenceInput: text.sequence_input || undefined,
    embeddingDim: unlessZero(text.embedding_dim),
    encoder,
    hiddenLayers: denseLayers(text.hidden_layers),
  };
}

function recommenderModel(recommender: RecommenderModel__Output): ModelInput {
  return {
    family: 'recommender',
    architecture: recommender.architecture === 'ARCHITECTURE_TWO_TOWER' ? 'two-tower' : 'matrix-factorization',
    userColumn: recommender.user_column,
    itemColumn: recommender.item_column,
    embeddingDim: unlessZero(recommender.embedding_dim),
    towerUnits: recommender.tower_units.length > 0 ? recommender.tower_units : undefined,
    l2: recommender.l2,
    feedback: recommender.implicit ? { kind: 'implicit', negativesPerPositive: unlessZero(recommender.implicit.negatives_per_positive) } : { kind: 'explicit' },
  };
}

function seq2seqModel(seq2seq: Seq2seqModel__Output): ModelInput {
  return { family: 'seq2seq', sourceInput: seq2seq.source_input || undefined, embeddingDim: unlessZero(seq2seq.embedding_dim), units: unlessZero(seq2seq.units) };
}

function modelOf(training: TrainingSpec__Output): ModelInput {
  switch (training.model) {
    case 'seq2seq':
      return seq2seqModel(training.seq2seq!);
    case 'text':
      return textModel(training.text!);
    case 'recommender':
      return recommenderModel(training.recommender!);
    case 'mlp':
      return { family: 'mlp', hiddenLayers: training.mlp!.hidden_layers.length > 0 ? denseLayers(training.mlp!.hidden_layers) : undefined };
    default: {
      // The shorthand: hidden widths and one dropout rate.
      const widths = training.hidden_units.length > 0 ? training.hidden_units : [32, 16];
      return { family: 'mlp', hiddenLayers: widths.map((units) => ({ units, dropout: training.dropout })) };
    }
  }
}

function optimizerOf(training: TrainingSpec__Output): TrainingSpecInput['optimizer'] {
  switch (training.optimizer) {
    case 'sgd':
      return { kind: 'sgd', momentum: training.sgd!.momentum, nesterov: training.sgd!.nesterov };
    case 'rmsprop':
      return { kind: 'rmsprop', rho: unlessZero(training.rmsprop!.rho), momentum: training.rmsprop!.momentum, epsilon: unlessZero(training.rmsprop!.epsilon) };
    case 'adagrad':
      return { kind: 'adagrad', initialAccumulatorValue: unlessZero(training.adagrad!.initial_accumulator_value) };
    case 'adam':
      return { kind: 'adam', beta1: unlessZero(training.adam!.beta1), beta2: unlessZero(training.adam!.beta2), epsilon: unlessZero(training.adam!.epsilon) };
    default:
      return undefined;
  }
}

function scheduleOf(training: TrainingSpec__Output): TrainingSpecInput['schedule'] {
  switch (training.schedule) {
    case 'step_schedule':
      return { kind: 'step', everyEpochs: unlessZero(training.step_schedule!.every_epochs), factor: unlessZero(training.step_schedule!.factor) };
    case 'exponential_schedule':
      return { kind: 'exponential', decayPerEpoch: unlessZero(training.exponential_schedule!.decay_per_epoch) };
    case 'cosine_schedule':
      return { kind: 'cosine', minLearningRate: training.cosine_schedule!.min_learning_rate };
    default:
      return undefined;
  }
}

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * The request field a spec path comes from, so errors name what the client sent:
 * `model.hiddenLayers.0.dropout` → `training.mlp.hidden_layers[0].dropout`,
 * `optimizer.beta1` → `training.adam.beta1`.
 */
function fieldOf(path: readonly PropertyKey[], training: TrainingSpec__Output): string {
  const [head, second, index, leaf] = path;
  if (head === 'model' && !training.model && second === 'hiddenLayers') {
    return leaf === 'units' ? `training.hidden_units[${String(index)}]` : `training.${snake(String(leaf ?? 'hidden_units'))}`;
  }
  const oneofs: Record<string, string | undefined> = {
    model: training.model,
    optimizer: training.optimizer,
    schedule: training.schedule,
    classWeights: 'class_weight_map',
  };
  const nested: Record<string, string | undefined> = { encoder: training.text?.encoder, feedback: 'implicit' };
  return path.reduce<string>((field, key, position) => {
    if (typeof key === 'number') return `${field}[${key}]`;
    const name = String(key);
    const renamed = position === 0 ? oneofs[name] : position === 1 && head === 'model' ? nested[name] : undefined;
    return `${field}.${renamed ?? snake(name)}`;
  }, 'training');
}

/** A StartPipeline request's training spec, with its defaults, validated; INVALID_ARGUMENT names the field. */
export function trainingSpecOf(training: TrainingSpec__Output | null | undefined): TrainingSpec {
  if (!training) return trainingSpecSchema.parse({});
  const input: TrainingSpecInput = {
    model: modelOf(training),
    loss: LOSSES[training.loss],
    huberDelta: unlessZero(training.huber_delta),
    optimizer: optimizerOf(training),
    learningRate: unlessZero(training.learning_rate),
    schedule: scheduleOf(training),
    epochs: unlessZero(training.epochs),
    batchSize: unlessZero(training.batch_size),
    validationFraction: training.validation_fraction,
    earlyStopping: training.early_stopping
      ? {
          monitor: MONITORS[training.early_stopping.monitor],
          patience: unlessZero(training.early_stopping.patience),
          minDelta: training.early_stopping.min_delta,
          restoreBest: training.early_stopping.restore_best,
        }
      : undefined,
    classWeights: training.balanced_class_weights
      ? { kind: 'balanced' }
      : training.class_weight_map
        ? { kind: 'manual', weights: training.class_weight_map.weights }
        : undefined,
    seed: training.seed,
    progressEveryBatches: training.progress_every_batches,
  };
  const parsed = trainingSpecSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidArgumentError(fieldOf(issue.path, training), issue.message, { cause: parsed.error });
  }
  return parsed.data;
}
