import { InvalidArgumentError } from '@aiaas/errors';
import type { StartPipelineRequest__Output } from '@aiaas/proto';
import type { PipelinePayloads } from '@aiaas/queue';
import type { TransformPlan } from '@aiaas/data';
import type { DatasetRecord, TrainingSettings } from '@aiaas/registry';
import { transformPlanOf } from './preprocessing-request';

/** Defaults of a pipeline request's optional fields; documented in the protos. */
export const PIPELINE_DEFAULTS = {
  testFraction: 0.2,
  seed: 42,
  hiddenUnits: [32, 16],
  epochs: 40,
  batchSize: 32,
  learningRate: 0.01,
  alias: 'production',
} as const;

const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

function check(condition: boolean, field: string, reason: string): void {
  if (!condition) throw new InvalidArgumentError(field, reason);
}

function trainingSettings(request: StartPipelineRequest__Output): TrainingSettings {
  const training = request.training;
  const hiddenUnits = training?.hidden_units.length ? training.hidden_units : [...PIPELINE_DEFAULTS.hiddenUnits];
  check(hiddenUnits.length <= 8, 'training.hidden_units', `at most 8 hidden layers, got ${hiddenUnits.length}`);
  hiddenUnits.forEach((units, index) => check(units >= 1 && units <= 4_096, `training.hidden_units[${index}]`, `must be from 1 to 4096, got ${units}`));
  const epochs = training?.epochs || PIPELINE_DEFAULTS.epochs;
  check(epochs <= 10_000, 'training.epochs', `must be at most 10000, got ${epochs}`);
  const batchSize = training?.batch_size || PIPELINE_DEFAULTS.batchSize;
  check(batchSize <= 65_536, 'training.batch_size', `must be at most 65536, got ${batchSize}`);
  const learningRate = training?.learning_rate || PIPELINE_DEFAULTS.learningRate;
  check(learningRate > 0 && learningRate <= 10, 'training.learning_rate', `must be in (0, 10], got ${learningRate}`);
  const dropout = training?.dropout ?? 0;
  check(dropout >= 0 && dropout < 1, 'training.dropout', `must be in [0, 1), got ${dropout}`);
  return { hiddenUnits, epochs, batchSize, learningRate, dropout, seed: training?.seed ?? PIPELINE_DEFAULTS.seed };
}

const SPLIT_STRATEGIES = { STRATEGY_UNSPECIFIED: 'ratio', STRATEGY_RATIO: 'ratio', STRATEGY_TIME: 'time', STRATEGY_GROUP: 'group' } as const;

function splitOf(request: StartPipelineRequest__Output, columns: readonly string[]): PipelinePayloads['preprocess']['split'] {
  const split = request.split;
  const testFraction = split?.test_fraction || PIPELINE_DEFAULTS.testFraction;
  check(testFraction > 0 && testFraction <= 0.9, 'split.test_fraction', `must be in (0, 0.9], got ${testFraction}`);
  const validationFraction = split?.validation_fraction ?? 0;
  check(validationFraction >= 0 && validationFraction <= 0.5, 'split.validation_fraction', `must be in [0, 0.5], got ${validationFraction}`);
  check(testFraction + validationFraction <= 0.9, 'split.validation_fraction', `with test_fraction ${testFraction} it leaves less than 10% of rows for training`);
  const strategy = SPLIT_STRATEGIES[split?.strategy ?? 'STRATEGY_UNSPECIFIED'];
  const seed = split?.seed ?? PIPELINE_DEFAULTS.seed;
  if (strategy === 'ratio') return { strategy, testFraction, validationFraction, seed };
  const column = split?.column ?? '';
  check(column !== '', 'split.column', `a ${strategy} split needs the ${strategy === 'time' ? 'time' : 'group'} column`);
  check(columns.includes(column), 'split.column', `"${column}" is not a column of the dataset; columns are ${columns.join(', ')}`);
  check(column !== request.target_column, 'split.column', 'cannot be the target column');
  return { strategy, testFraction, validationFraction, seed, column };
}

/**
 * The training service trains multi-layer perceptron classifiers over dense features; refuse,
 * before anything runs, what it cannot train yet.
 */
function checkTrainable(plan: TransformPlan): void {
  check(plan.target.task === 'classification', 'preprocessing.task', 'training supports classification only; choose a categorical target or set task to TASK_CLASSIFICATION');
  const ownOutput = plan.columns.find(
    (column) => (column.type === 'categorical' && column.encoding === 'index') || (column.type === 'text' && column.encoding === 'sequence') || (column.type === 'id' && column.encoding === 'index'),
  );
  check(
    ownOutput === undefined,
    `preprocessing.columns["${ownOutput?.column ?? ''}"]`,
    'encodes to integer indexes, which only embedding models consume; the MLP classifier needs dense encodings (one-hot, TF-IDF, bag-of-words)',
  );
}

/** Checks a StartPipeline request against its dataset and fills in defaults. */
export function toPipelinePayloads(request: StartPipelineRequest__Output, jobId: string, dataset: DatasetRecord): PipelinePayloads {
  check(MODEL_NAME.test(request.model_name), 'model_name', `must be 1-63 letters, digits, ".", "_" or "-", starting with a letter or digit; got ${JSON.stringify(request.model_name)}`);
  const columns = dataset.columns.map((column) => column.name);
  check(request.target_column !== '', 'target_column', `is required; dataset ${dataset.id} has columns ${columns.join(', ')}`);
  check(columns.includes(request.target_column), 'target_column', `"${request.target_column}" is not a column of dataset ${dataset.id}; columns are ${columns.join(', ')}`);
  check(columns.length >= 2, 'dataset_id', `dataset ${dataset.id} has only the target column; there is nothing to learn from`);

  check(request.min_accuracy >= 0 && request.min_accuracy <= 1, 'min_accuracy', `must be in [0, 1], got ${request.min_accuracy}`);
  const plan = transformPlanOf(request.preprocessing, dataset, request.target_column);
  checkTrainable(plan);

  return {
    preprocess: {
      jobId,
      datasetId: dataset.id,
      targetColumn: request.target_column,
      split: splitOf(request, columns),
      dropDuplicates: request.preprocessing?.drop_duplicates ?? false,
      plan,
    },
    train: { jobId, modelName: request.model_name, training: trainingSettings(request) },
    evaluate: { jobId, minAccuracy: request.min_accuracy },
    deploy: { jobId, alias: PIPELINE_DEFAULTS.alias },
  };
}
