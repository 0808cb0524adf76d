import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type {
  Activation__Output,
  DenseLayer,
  Loss__Output,
  MetricThreshold,
  MetricTolerance,
  MonitoredMetric__Output,
  OutlierClipping,
  ParameterSearch,
  SplitSpec,
  StartPipelineRequest,
  TrainingSpec,
  TuningSpec,
} from '@aiaas/proto';
import type { Command } from '../cli-context';
import { followJob } from './watch';

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new InvalidArgumentError(`--${name}`, `expected a number, got "${value}"`);
  return parsed;
}

const SPLIT_STRATEGIES: Readonly<Record<string, SplitSpec['strategy']>> = { ratio: 'STRATEGY_RATIO', time: 'STRATEGY_TIME', group: 'STRATEGY_GROUP' };

function splitStrategy(value: string | undefined): SplitSpec['strategy'] {
  if (value === undefined) return 'STRATEGY_UNSPECIFIED';
  const strategy = SPLIT_STRATEGIES[value];
  if (!strategy) throw new InvalidArgumentError('--split', `expected ratio, time or group, got "${value}"`);
  return strategy;
}

/** `quantile:0.01:0.99` or `zscore:3`. */
function clipping(value: string): OutlierClipping {
  const [method, ...bounds] = value.split(':');
  if (method === 'quantile' && bounds.length === 2) return { quantile: { lower: numberOption(bounds[0], 'clip')!, upper: numberOption(bounds[1], 'clip')! } };
  if (method === 'zscore' && bounds.length === 1) return { z_score: { threshold: numberOption(bounds[0], 'clip')! } };
  throw new InvalidArgumentError('--clip', `expected quantile:LOWER:UPPER or zscore:THRESHOLD, got "${value}"`);
}

function choice<T extends string>(value: string | undefined, name: string, choices: Readonly<Record<string, T>>): T | undefined {
  if (value === undefined) return undefined;
  const chosen = choices[value];
  if (!chosen) throw new InvalidArgumentError(`--${name}`, `expected ${Object.keys(choices).join(', ')}; got "${value}"`);
  return chosen;
}

const ACTIVATIONS: Readonly<Record<string, Activation__Output>> = Object.fromEntries(
  ['relu', 'elu', 'selu', 'tanh', 'sigmoid', 'softplus', 'swish', 'gelu', 'linear'].map((name) => [name, `ACTIVATION_${name.toUpperCase()}` as Activation__Output]),
);
const LOSSES: Readonly<Record<string, Loss__Output>> = {
  mse: 'LOSS_MSE',
  mae: 'LOSS_MAE',
  huber: 'LOSS_HUBER',
  'binary-crossentropy': 'LOSS_BINARY_CROSSENTROPY',
  'categorical-crossentropy': 'LOSS_CATEGORICAL_CROSSENTROPY',
  'sparse-categorical-crossentropy': 'LOSS_SPARSE_CATEGORICAL_CROSSENTROPY',
};
const MONITORS: Readonly<Record<string, MonitoredMetric__Output>> = {
  val_loss: 'MONITORED_METRIC_VAL_LOSS',
  loss: 'MONITORED_METRIC_LOSS',
  val_accuracy: 'MONITORED_METRIC_VAL_ACCURACY',
  accuracy: 'MONITORED_METRIC_ACCURACY',
};

/** The flags that shape the model and its fit. */
interface TrainingFlags {
  readonly [flag: string]: string | boolean | undefined;
}

function hiddenLayers(flags: TrainingFlags): DenseLayer[] {
  const widths = typeof flags['hidden'] === 'string' ? flags['hidden'].split(',').map((units) => numberOption(units, 'hidden')!) : [];
  const activation = choice(flags['activation'] as string | undefined, 'activation', ACTIVATIONS);
  return widths.map((units) => ({
    units,
    ...(activation ? { activation } : {}),
    dropout: numberOption(flags['dropout'] as string | undefined, 'dropout') ?? 0,
    batch_norm: flags['batch-norm'] === true,
    l2: numberOption(flags['l2'] as string | undefined, 'l2') ?? 0,
  }));
}

/** The model oneof of the spec: `--family` and the flags of that family. */
function modelOf(flags: TrainingFlags): Partial<TrainingSpec> {
  const family = (flags['family'] as string | undefined) ?? 'mlp';
  const number = (name: string) => numberOption(flags[name] as string | undefined, name) ?? 0;
  switch (family) {
    case 'mlp':
      return flags['activation'] || flags['batch-norm'] || flags['l2'] ? { mlp: { hidden_layers: hiddenLayers(flags) } } : {};
    case 'text': {
      const encoder = (flags['encoder'] as string | undefined) ?? 'pooling';
      const rnn = /^(bi)?(lstm|gru)$/.exec(encoder);
      const encoders: Record<string, object> = {
        pooling: { pooling: {} },
        conv1d: { conv1d: { filters: number('units'), kernel_size: number('kernel-size') } },
      };
      const chosen = rnn ? { rnn: { cell: rnn[2] === 'gru' ? 'RNN_CELL_GRU' : 'RNN_CELL_LSTM', units: number('units'), bidirectional: rnn[1] === 'bi' } } : encoders[encoder];
      if (!chosen) throw new InvalidArgumentError('--encoder', `expected pooling, conv1d, lstm, gru, bilstm or bigru; got "${encoder}"`);
      return { text: { embedding_dim: number('embedding-dim'), hidden_layers: hiddenLayers(flags), ...chosen } };
    }
    case 'recommender': {
      if (!flags['user'] || !flags['item']) throw new InvalidArgumentError('--user', 'a recommender needs --user COLUMN and --item COLUMN');
      const architecture = choice(flags['architecture'] as string | undefined, 'architecture', { mf: 'ARCHITECTURE_MATRIX_FACTORIZATION', 'two-tower': 'ARCHITECTURE_TWO_TOWER' } as const);
      return {
        recommender: {
          user_column: flags['user'] as string,
          item_column: flags['item'] as string,
          embedding_dim: number('embedding-dim'),
          ...(architecture ? { architecture } : {}),
          l2: number('l2'),
          ...(flags['implicit'] === true ? { implicit: { negatives_per_positive: number('negatives') } } : {}),
        },
      };
    }
    case 'seq2seq':
      return { seq2seq: { source_input: (flags['source'] as string | undefined) ?? '', embedding_dim: number('embedding-dim'), units: number('units') } };
    default:
      throw new InvalidArgumentError('--family', `expected mlp, text, recommender or seq2seq; got "${family}"`);
  }
}

/** `METRIC>=VALUE` or `METRIC<=VALUE`: a bound the candidate's test metric must meet. */
function metricThreshold(text: string): MetricThreshold {
  const match = /^([a-z0-9_]+)\s*(>=|<=)\s*(-?[0-9.]+(?:e-?\d+)?)$/.exec(text.trim());
  if (!match) throw new InvalidArgumentError('--threshold', `expected METRIC>=VALUE or METRIC<=VALUE (e.g. roc_auc>=0.9, rmse<=3), got "${text}"`);
  const value = Number(match[3]);
  return match[2] === '>=' ? { metric: match[1]!, min: value } : { metric: match[1]!, max: value };
}

/** `METRIC=TOLERANCE`: how much worse than production the candidate may be. */
function metricTolerance(text: string): MetricTolerance {
  const [metric, tolerance] = text.split('=');
  const value = Number(tolerance);
  if (!metric || tolerance === undefined || !Number.isFinite(value)) throw new InvalidArgumentError('--max-regression', `expected METRIC=TOLERANCE (e.g. accuracy=0.01), got "${text}"`);
  return { metric: metric.trim(), tolerance: value };
}

/** `step:EVERY:FACTOR`, `exponential:DECAY` or `cosine[:MIN]`. */
function scheduleOf(value: string | undefined): Partial<TrainingSpec> {
  if (value === undefined) return {};
  const [kind, ...parts] = value.split(':');
  const part = (index: number) => numberOption(parts[index], 'schedule') ?? 0;
  if (kind === 'step') return { step_schedule: { every_epochs: part(0), factor: part(1) } };
  if (kind === 'exponential') return { exponential_schedule: { decay_per_epoch: part(0) } };
  if (kind === 'cosine') return { cosine_schedule: { min_learning_rate: part(0) } };
  throw new InvalidArgumentError('--schedule', `expected step:EVERY:FACTOR, exponential:DECAY or cosine[:MIN]; got "${value}"`);
}

/** `sgd[:MOMENTUM]`, `adam`, `rmsprop` or `adagrad`. */
function optimizerOf(value: string | undefined): Partial<TrainingSpec> {
  if (value === undefined) return {};
  const [kind, momentum] = value.split(':');
  if (kind === 'sgd') return { sgd: { momentum: numberOption(momentum, 'optimizer') ?? 0 } };
  if (kind === 'adam') return { adam: {} };
  if (kind === 'rmsprop') return { rmsprop: {} };
  if (kind === 'adagrad') return { adagrad: {} };
  throw new InvalidArgumentError('--optimizer', `expected sgd[:MOMENTUM], adam, rmsprop or adagrad; got "${value}"`);
}

/** `PATIENCE[:MONITOR]`, e.g. `5:val_accuracy`. */
function earlyStoppingOf(value: string | undefined): Partial<TrainingSpec> {
  if (value === undefined) return {};
  const [patience, monitor] = value.split(':');
  return { early_stopping: { patience: numberOption(patience, 'early-stopping') ?? 0, ...(monitor ? { monitor: choice(monitor, 'early-stopping', MONITORS)! } : {}) } };
}

/** `balanced` or `LABEL=WEIGHT,LABEL=WEIGHT`. */
function classWeightsOf(value: string | undefined): Partial<TrainingSpec> {
  if (value === undefined) return {};
  if (value === 'balanced') return { balanced_class_weights: true };
  const weights = Object.fromEntries(
    value.split(',').map((pair) => {
      const [label, weight] = pair.split('=');
      if (!label || weight === undefined) throw new InvalidArgumentError('--class-weights', `expected balanced or LABEL=WEIGHT,...; got "${value}"`);
      return [label, numberOption(weight, 'class-weights')!];
    }),
  );
  return { class_weight_map: { weights } };
}

/** The TrainingSpec message `aiaas train` flags describe. */
function trainingSpecOf(flags: TrainingFlags, seed: number | undefined): TrainingSpec {
  const text = (name: string) => flags[name] as string | undefined;
  return {
    hidden_units: text('hidden') ? text('hidden')!.split(',').map((units) => numberOption(units, 'hidden')!) : [],
    epochs: numberOption(text('epochs'), 'epochs') ?? 0,
    batch_size: numberOption(text('batch-size'), 'batch-size') ?? 0,
    learning_rate: numberOption(text('learning-rate'), 'learning-rate') ?? 0,
    dropout: numberOption(text('dropout'), 'dropout') ?? 0,
    ...(seed === undefined ? {} : { seed }),
    ...modelOf(flags),
    ...(text('loss') ? { loss: choice(text('loss'), 'loss', LOSSES)! } : {}),
    ...optimizerOf(text('optimizer')),
    ...scheduleOf(text('schedule')),
    ...earlyStoppingOf(text('early-stopping')),
    ...classWeightsOf(text('class-weights')),
    progress_every_batches: numberOption(text('progress-every'), 'progress-every') ?? 0,
  };
}

const STRATEGIES = { grid: 'STRATEGY_GRID', random: 'STRATEGY_RANDOM', halving: 'STRATEGY_SUCCESSIVE_HALVING' } as const;

/** `NAME=V1,V2,...` (values or optimiser kinds) or `NAME=MIN..MAX[:log]`. */
function parameterSearch(value: string): ParameterSearch {
  const [parameter, spec] = value.split('=');
  if (!parameter || !spec) throw new InvalidArgumentError('--search', `expected NAME=V1,V2 or NAME=MIN..MAX[:log]; got "${value}"`);
  const range = /^(.+?)\.\.([^:]+)(:log)?$/.exec(spec);
  if (range) return { parameter, range: { min: numberOption(range[1], 'search')!, max: numberOption(range[2], 'search')!, log: range[3] !== undefined } };
  const values = spec.split(',');
  return values.every((entry) => Number.isFinite(Number(entry))) ? { parameter, values: values.map(Number) } : { parameter, choices: values };
}

/** The hyper-parameter search `--tune` and its flags describe, if any. */
function tuningOf(flags: TrainingFlags, searches: readonly string[]): TuningSpec | undefined {
  const strategy = choice<(typeof STRATEGIES)[keyof typeof STRATEGIES]>(flags['tune'] as string | undefined, 'tune', STRATEGIES);
  if (!strategy) {
    if (searches.length > 0) throw new InvalidArgumentError('--search', 'needs --tune grid|random|halving');
    return undefined;
  }
  if (searches.length === 0) throw new InvalidArgumentError('--tune', 'give the parameters to search with --search NAME=...');
  return {
    strategy,
    parameters: searches.map(parameterSearch),
    trials: numberOption(flags['trials'] as string | undefined, 'trials') ?? 0,
    objective: (flags['objective'] as string | undefined) ?? '',
    max_concurrent_trials: numberOption(flags['max-concurrent-trials'] as string | undefined, 'max-concurrent-trials') ?? 0,
  };
}

/** The StartPipeline request described by `aiaas train` flags. */
export function pipelineRequestFromFlags(args: string[]): { request: StartPipelineRequest; watch: boolean } {
  const { values } = parseArgs({
    args,
    options: {
      dataset: { type: 'string' },
      target: { type: 'string' },
      model: { type: 'string' },
      epochs: { type: 'string' },
      hidden: { type: 'string' },
      'batch-size': { type: 'string' },
      'learning-rate': { type: 'string' },
      dropout: { type: 'string' },
      activation: { type: 'string' },
      'batch-norm': { type: 'boolean' },
      l2: { type: 'string' },
      family: { type: 'string' },
      source: { type: 'string' },
      encoder: { type: 'string' },
      units: { type: 'string' },
      'kernel-size': { type: 'string' },
      'embedding-dim': { type: 'string' },
      user: { type: 'string' },
      item: { type: 'string' },
      architecture: { type: 'string' },
      implicit: { type: 'boolean' },
      negatives: { type: 'string' },
      loss: { type: 'string' },
      optimizer: { type: 'string' },
      schedule: { type: 'string' },
      'early-stopping': { type: 'string' },
      'class-weights': { type: 'string' },
      'progress-every': { type: 'string' },
      tune: { type: 'string' },
      search: { type: 'string', multiple: true },
      trials: { type: 'string' },
      objective: { type: 'string' },
      'max-concurrent-trials': { type: 'string' },
      seed: { type: 'string' },
      'test-fraction': { type: 'string' },
      'validation-fraction': { type: 'string' },
      split: { type: 'string' },
      'split-column': { type: 'string' },
      'drop-duplicates': { type: 'boolean', default: false },
      exclude: { type: 'string' },
      clip: { type: 'string' },
      'min-accuracy': { type: 'string' },
      'target-length': { type: 'string' },
      slice: { type: 'string', multiple: true },
      threshold: { type: 'string', multiple: true },
      'max-regression': { type: 'string', multiple: true },
      'stage-only': { type: 'boolean', default: false },
      watch: { type: 'boolean', default: false },
    },
  });
  if (!values.dataset) throw new InvalidArgumentError('--dataset', 'is required (the id `aiaas upload` printed)');
  if (!values.target) throw new InvalidArgumentError('--target', 'is required (the column to predict)');
  if (!values.model) throw new InvalidArgumentError('--model', 'is required (the name to register the model under)');
  const seed = numberOption(values.seed, 'seed');
  const { search, slice, threshold, 'max-regression': maxRegression, ...flags } = values;
  const tuning = tuningOf(flags, search ?? []);
  const targetLength = numberOption(values['target-length'], 'target-length');
  return {
    request: {
      dataset_id: values.dataset,
      target_column: values.target,
      model_name: values.model,
      min_accuracy: numberOption(values['min-accuracy'], 'min-accuracy') ?? 0,
      split: {
        test_fraction: numberOption(values['test-fraction'], 'test-fraction') ?? 0,
        validation_fraction: numberOption(values['validation-fraction'], 'validation-fraction') ?? 0,
        strategy: splitStrategy(values.split),
        column: values['split-column'] ?? '',
        ...(seed === undefined ? {} : { seed }),
      },
      preprocessing: {
        drop_duplicates: values['drop-duplicates'] ?? false,
        exclude_columns: values.exclude ? values.exclude.split(',').map((column) => column.trim()) : [],
        ...(values.clip ? { clip: clipping(values.clip) } : {}),
        // A seq2seq target's tokens per row: the longest text the model can produce.
        ...(targetLength === undefined ? {} : { columns: { [values.target]: { text: { sequence_length: targetLength } } } }),
      },
      training: trainingSpecOf(flags, seed),
      ...(tuning ? { tuning } : {}),
      ...(slice || threshold || maxRegression || values['stage-only']
        ? {
            evaluation: {
              slice_columns: slice ?? [],
              thresholds: (threshold ?? []).map(metricThreshold),
              max_regression: (maxRegression ?? []).map(metricTolerance),
              promotion: values['stage-only'] ? 'PROMOTION_STAGE_ONLY' : 'PROMOTION_UNSPECIFIED',
            },
          }
        : {}),
    },
    watch: values.watch ?? false,
  };
}

export const trainCommand: Command = {
  usage:
    'train --dataset ID --target COLUMN --model NAME [--family mlp|text|recommender|seq2seq] [--epochs N] [--hidden 32,16] [--activation relu|elu|selu|tanh|sigmoid|softplus|swish|gelu|linear] [--batch-norm] [--l2 X] [--dropout X] [--encoder pooling|conv1d|lstm|gru|bilstm|bigru] [--units N] [--kernel-size N] [--embedding-dim N] [--user COLUMN --item COLUMN] [--source COLUMN] [--target-length N] [--slice COLUMN ...] [--threshold METRIC>=X|METRIC<=X ...] [--max-regression METRIC=TOLERANCE ...] [--stage-only] [--architecture mf|two-tower] [--implicit] [--negatives N] [--loss mse|mae|huber|binary-crossentropy|categorical-crossentropy|sparse-categorical-crossentropy] [--optimizer sgd[:MOMENTUM]|adam|rmsprop|adagrad] [--learning-rate X] [--schedule step:EVERY:FACTOR|exponential:DECAY|cosine[:MIN]] [--early-stopping PATIENCE[:MONITOR]] [--class-weights balanced|LABEL=W,...] [--batch-size N] [--progress-every N] [--tune grid|random|halving --search NAME=V1,V2|NAME=MIN..MAX[:log] ... [--trials N] [--objective val_loss|val_accuracy] [--max-concurrent-trials N]] [--seed N] [--test-fraction X] [--validation-fraction X] [--split ratio|time|group] [--split-column C] [--drop-duplicates] [--exclude a,b] [--clip quantile:0.01:0.99|zscore:3] [--min-accuracy X] [--watch]',
  summary: 'start a pipeline (preprocess, train, evaluate, deploy); prints the job id',
  async run(args, context) {
    const { request, watch } = pipelineRequestFromFlags(args);
    return context.withGateway(async (gateway) => {
      const job = await gateway.startPipeline(request);
      context.out(`job ${job.id} started`);
      if (!watch) return 0;
      return (await followJob(gateway, job.id, context.out)) ? 0 : 1;
    });
  },
};
