import { InvalidArgumentError } from '@aiaas/errors';
import type { StartPipelineRequest__Output } from '@aiaas/proto';
import { DEFAULT_TENANT, type PipelinePayloads } from '@aiaas/queue';
import { FEATURES_OUTPUT, type TransformPlan } from '@aiaas/data';
import { checkTrainingSpec, trialParameters, withParameters, type LabelKind, type OutputKind, type TrainingSpec, type TuningSpec } from '@aiaas/model-spec';
import type { DatasetRecord } from '@aiaas/registry';
import { evaluationChecksOf, promotionAlias } from './evaluation-request';
import { DENSE_FEATURES, transformPlanOf, type FamilyPreprocessing } from './preprocessing-request';
import { trainingSpecOf } from './training-request';
import { tuningSpecOf } from './tuning-request';

/** Defaults of a pipeline request's optional fields; documented in the protos. */
export const PIPELINE_DEFAULTS = {
  testFraction: 0.2,
  seed: 42,
} as const;

const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

function check(condition: boolean, field: string, reason: string): void {
  if (!condition) throw new InvalidArgumentError(field, reason);
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
 * What the family needs from preprocessing: token sequences for text models, id indexes for
 * recommenders, and for seq2seq models the source text column(s) as token sequences and the
 * target as a token sequence.
 */
function familyPreprocessing(spec: TrainingSpec): FamilyPreprocessing {
  switch (spec.model.family) {
    case 'text':
      return { textAsSequences: true };
    case 'recommender':
      return { textAsSequences: false, idColumns: [spec.model.userColumn, spec.model.itemColumn], task: 'regression' };
    case 'seq2seq': {
      const { sourceInput } = spec.model;
      // Front padding: the encoder's final state then follows the source's last real token.
      return {
        textAsSequences: true,
        sequencePadding: 'pre',
        categoricalAsText: true,
        task: 'sequence',
        featureColumns: {
          accepts: (column) => (sourceInput === undefined ? column.type === 'text' : column.name === sourceInput),
          description: sourceInput === undefined ? 'a text column as its source' : `the source column "${sourceInput}"`,
        },
      };
    }
    case 'mlp':
      return DENSE_FEATURES;
  }
}

/** What the transform plan will produce, by kind (sizes are known only once it is fitted). */
function plannedOutputs(plan: TransformPlan): OutputKind[] {
  const ownOutputs: OutputKind[] = [];
  let dense = false;
  for (const column of plan.columns) {
    if (column.type === 'text' && column.encoding === 'sequence') ownOutputs.push({ kind: 'sequence', name: column.column });
    else if ((column.type === 'categorical' || column.type === 'id') && column.encoding === 'index') ownOutputs.push({ kind: 'index', name: column.column });
    else if (!(column.type === 'id' && column.encoding === 'exclude')) dense = true;
  }
  return dense ? [{ kind: 'dense', name: FEATURES_OUTPUT }, ...ownOutputs] : ownOutputs;
}

/** Refuses, before any trial runs, a search whose trials could not train or be ranked. */
function checkSearch(tuning: TuningSpec, training: TrainingSpec, labels: LabelKind): void {
  check(!tuning.objective.endsWith('accuracy') || labels !== 'value', 'tuning.objective', `${tuning.objective} is measured for classifiers; rank a regressor by val_loss or loss`);
  check(!tuning.objective.startsWith('val_') || training.validationFraction > 0, 'tuning.objective', `${tuning.objective} needs validation rows; set a validation fraction or rank by loss`);
  trialParameters(tuning).forEach((parameters, trial) => {
    try {
      withParameters(training, parameters);
    } catch (error) {
      throw new InvalidArgumentError('tuning.parameters', `trial ${trial}: ${(error as Error).message}`);
    }
  });
}

/** Checks a StartPipeline request against its dataset and fills in defaults. */
export function toPipelinePayloads(request: StartPipelineRequest__Output, jobId: string, dataset: DatasetRecord): PipelinePayloads {
  check(MODEL_NAME.test(request.model_name), 'model_name', `must be 1-63 letters, digits, ".", "_" or "-", starting with a letter or digit; got ${JSON.stringify(request.model_name)}`);
  const columns = dataset.columns.map((column) => column.name);
  check(request.target_column !== '', 'target_column', `is required; dataset ${dataset.id} has columns ${columns.join(', ')}`);
  check(columns.includes(request.target_column), 'target_column', `"${request.target_column}" is not a column of dataset ${dataset.id}; columns are ${columns.join(', ')}`);
  check(columns.length >= 2, 'dataset_id', `dataset ${dataset.id} has only the target column; there is nothing to learn from`);

  check(request.min_accuracy >= 0 && request.min_accuracy <= 1, 'min_accuracy', `must be in [0, 1], got ${request.min_accuracy}`);
  const training = trainingSpecOf(request.training);
  const plan = transformPlanOf(request.preprocessing, dataset, request.target_column, familyPreprocessing(training));
  const split = splitOf(request, columns);
  const planned = checkTrainingSpec(training, {
    task: plan.target.task,
    classLabels: undefined,
    outputs: plannedOutputs(plan),
    hasValidation: split.validationFraction > 0 || training.validationFraction > 0,
  });
  check(request.min_accuracy === 0 || planned.labels !== 'value', 'min_accuracy', 'applies to classifiers; this model predicts numbers');
  const tuning = tuningSpecOf(request.tuning);
  if (tuning) checkSearch(tuning, training, planned.labels);
  const checks = evaluationChecksOf(request.evaluation, { columns, targetColumn: request.target_column, labels: planned.labels, training });

  return {
    preprocess: {
      jobId,
      datasetId: dataset.id,
      targetColumn: request.target_column,
      split,
      dropDuplicates: request.preprocessing?.drop_duplicates ?? false,
      plan,
    },
    // Every caller is the default tenant until API keys say whose a request is (issue 7).
    train: { jobId, modelName: request.model_name, tenant: DEFAULT_TENANT, training, ...(tuning ? { tuning } : {}) },
    evaluate: { jobId, minAccuracy: request.min_accuracy, ...checks },
    deploy: { jobId, alias: promotionAlias(request.evaluation) },
  };
}
