import {
  defaultColumnPlan,
  parseTransformPlan,
  type Clipping,
  type ColumnPlan,
  type ColumnTypeName,
  type Imputation,
  type TargetPlan,
  type TransformPlan,
} from '@aiaas/data';
import { englishStopWords } from '@aiaas/datasets';
import { InvalidArgumentError } from '@aiaas/errors';
import type { ColumnPreprocessing__Output, OutlierClipping__Output, PreprocessingSpec__Output } from '@aiaas/proto';
import type { DatasetRecord } from '@aiaas/registry';

/** A numeric target with at most this many distinct values is read as class labels. */
export const MAX_CLASSES_FOR_NUMERIC_TARGET = 20;

const IMPUTATION_STRATEGIES: Readonly<Record<string, Imputation['strategy'] | undefined>> = {
  STRATEGY_MEAN: 'mean',
  STRATEGY_MEDIAN: 'median',
  STRATEGY_MODE: 'mode',
  STRATEGY_CONSTANT: 'constant',
  STRATEGY_NONE: 'none',
};

const NUMERIC_SCALINGS: Readonly<Record<string, 'standardize' | 'min-max' | 'none' | 'bucketize'>> = {
  SCALING_UNSPECIFIED: 'standardize',
  SCALING_STANDARD: 'standardize',
  SCALING_MIN_MAX: 'min-max',
  SCALING_NONE: 'none',
  SCALING_BUCKETIZE: 'bucketize',
};

const TEXT_KINDS: Readonly<Record<string, 'sequence' | 'bag-of-words' | 'tf-idf'>> = {
  KIND_UNSPECIFIED: 'tf-idf',
  KIND_SEQUENCE: 'sequence',
  KIND_BAG_OF_WORDS: 'bag-of-words',
  KIND_TF_IDF: 'tf-idf',
};

function clippingOf(message: OutlierClipping__Output | null | undefined): Clipping | undefined {
  if (!message?.method) return undefined;
  if (message.method === 'quantile') return { method: 'quantile', lower: message.quantile?.lower ?? 0, upper: message.quantile?.upper ?? 0 };
  return { method: 'z-score', threshold: message.z_score?.threshold ?? 0 };
}

function wrongEncoding(field: string, column: string, type: string, encoding: string): InvalidArgumentError {
  return new InvalidArgumentError(`${field}.${encoding}`, `column "${column}" is ${type}; a ${encoding} encoding does not apply to it`);
}

type TextEncoding = NonNullable<ColumnPreprocessing__Output['text']>;

/** Vocabulary, length and normalisation of a text encoding, where the request sets them. */
function tokenisationOf(text: TextEncoding): Record<string, unknown> {
  return {
    ...(text.vocabulary_size ? { vocabularySize: text.vocabulary_size } : {}),
    ...(text.min_frequency ? { minFrequency: text.min_frequency } : {}),
    ...(text.sequence_length ? { sequenceLength: text.sequence_length } : {}),
    normalization: {
      lowercase: !text.keep_case,
      unicode: text.keep_unicode_forms ? 'none' : 'NFKC',
      stripAccents: text.strip_accents,
      stripPunctuation: !text.keep_punctuation,
      removeStopWords: text.remove_stop_words,
    },
  };
}

/** The user's overrides laid over a column type's defaults. */
function columnPlan(base: ColumnPlan, override: ColumnPreprocessing__Output | undefined, globalClip: Clipping | undefined, field: string): Record<string, unknown> {
  const plan: Record<string, unknown> = { ...base };
  const clip = clippingOf(override?.clip) ?? globalClip;
  if (clip && (base.type === 'numeric' || base.type === 'timestamp')) plan['clip'] = clip;
  else if (override?.clip?.method) throw new InvalidArgumentError(`${field}.clip`, `column "${base.column}" is ${base.type}; only numeric and timestamp columns are clipped`);
  if (override?.impute && override.impute.strategy !== 'STRATEGY_UNSPECIFIED') {
    const strategy = IMPUTATION_STRATEGIES[override.impute.strategy];
    if (!strategy) throw new InvalidArgumentError(`${field}.impute.strategy`, `unknown strategy ${override.impute.strategy}`);
    plan['impute'] = strategy === 'constant' ? { strategy, value: override.impute.constant } : { strategy };
  }
  switch (override?.encoding) {
    case undefined:
      break;
    case 'numeric': {
      if (base.type !== 'numeric' && base.type !== 'timestamp') throw wrongEncoding(field, base.column, base.type, 'numeric');
      plan['encoding'] = NUMERIC_SCALINGS[override.numeric!.scaling] ?? 'standardize';
      if (override.numeric!.buckets) plan['buckets'] = override.numeric!.buckets;
      break;
    }
    case 'categorical': {
      if (base.type !== 'categorical') throw wrongEncoding(field, base.column, base.type, 'categorical');
      const categorical = override.categorical!;
      plan['encoding'] = categorical.kind === 'KIND_INDEX' ? 'index' : 'one-hot';
      if (categorical.max_vocabulary) plan['maxVocabulary'] = categorical.max_vocabulary;
      if (categorical.min_frequency) plan['minFrequency'] = categorical.min_frequency;
      break;
    }
    case 'text': {
      if (base.type !== 'text') throw wrongEncoding(field, base.column, base.type, 'text');
      const text = override.text!;
      Object.assign(plan, {
        encoding: text.kind === 'KIND_UNSPECIFIED' ? plan['encoding'] : (TEXT_KINDS[text.kind] ?? 'tf-idf'),
        ...tokenisationOf(text),
        padding: text.pad_start ? 'pre' : plan['padding'],
        truncation: text.truncate_start ? 'pre' : 'post',
      });
      break;
    }
    case 'id': {
      if (base.type !== 'id') throw wrongEncoding(field, base.column, base.type, 'id');
      plan['encoding'] = override.id!.index ? 'index' : 'exclude';
      break;
    }
  }
  return plan;
}

/** What the model family asks of preprocessing, beyond each column type's defaults. */
export interface FamilyPreprocessing {
  /** Text columns become token sequences unless the request says otherwise (text models embed tokens). */
  readonly textAsSequences: boolean;
  /** Where those sequences are padded unless the request says otherwise; default `post`. */
  readonly sequencePadding?: 'pre' | 'post';
  /**
   * Read categorical columns as text (seq2seq: short sentences repeat often enough for the
   * profile to call them categorical, but the model reads their words).
   */
  readonly categoricalAsText?: boolean;
  /** When set, these columns alone are the features, each indexed as an id (recommenders). */
  readonly idColumns?: readonly string[];
  /** When set, only the columns it accepts are features (a seq2seq model reads one text column). */
  readonly featureColumns?: {
    accepts(column: { readonly name: string; readonly type: ColumnTypeName }): boolean;
    /** What the family reads, for the error when no column qualifies: "a text column as its source". */
    readonly description: string;
  };
  /** The task the family implies when the request does not name one. */
  readonly task?: TargetPlan['task'];
}

/** An MLP's needs: every column with its type's defaults. */
export const DENSE_FEATURES: FamilyPreprocessing = { textAsSequences: false };

/** Classification unless asked otherwise, or the target is numeric with many distinct values. */
function taskOf(spec: PreprocessingSpec__Output | null, dataset: DatasetRecord, targetColumn: string, implied: FamilyPreprocessing['task']): TargetPlan['task'] {
  if (spec?.task === 'TASK_CLASSIFICATION') return 'classification';
  if (spec?.task === 'TASK_REGRESSION') return 'regression';
  if (spec?.task === 'TASK_SEQUENCE') return 'sequence';
  if (implied) return implied;
  const target = dataset.columns.find((column) => column.name === targetColumn)!;
  return target.type === 'numeric' && (target.distinctCountCapped || target.distinctCount > MAX_CLASSES_FOR_NUMERIC_TARGET) ? 'regression' : 'classification';
}

/** The target's plan; a sequence target takes its vocabulary, length and normalisation from a text override. */
function targetPlanOf(task: TargetPlan['task'], { name: targetColumn, type }: { name: string; type: ColumnTypeName }, override: ColumnPreprocessing__Output | undefined): Record<string, unknown> {
  if (task !== 'sequence') return { column: targetColumn, task };
  const field = `preprocessing.columns["${targetColumn}"]`;
  if (type !== 'text') throw new InvalidArgumentError('target_column', `"${targetColumn}" is ${type}; a sequence target must be a text column`);
  if (override?.encoding !== undefined && override.encoding !== 'text') throw wrongEncoding(field, targetColumn, 'a sequence target', override.encoding);
  if (override?.text?.remove_stop_words) throw new InvalidArgumentError(`${field}.text.remove_stop_words`, 'a sequence target keeps every word it is to predict');
  return { column: targetColumn, task, ...(override?.text ? tokenisationOf(override.text) : {}) };
}

/**
 * The transform plan of a pipeline request: every column of the dataset but the target and
 * the excluded ones, each with its type's defaults under the user's overrides. Validated here,
 * at the door, so a bad request fails before anything is queued.
 */
export function transformPlanOf(
  spec: PreprocessingSpec__Output | null,
  dataset: DatasetRecord,
  targetColumn: string,
  family: FamilyPreprocessing = DENSE_FEATURES,
): TransformPlan {
  const names = new Set(dataset.columns.map((column) => column.name));
  const overrides = spec?.columns ?? {};
  const typed = dataset.columns.map((column) => ({ name: column.name, type: family.categoricalAsText && column.type === 'categorical' ? ('text' as const) : column.type }));
  const task = taskOf(spec, dataset, targetColumn, family.task);
  const target = targetPlanOf(task, typed.find((column) => column.name === targetColumn)!, overrides[targetColumn]);
  for (const name of Object.keys(overrides)) {
    if (!names.has(name)) throw new InvalidArgumentError(`preprocessing.columns["${name}"]`, `is not a column of dataset ${dataset.id}`);
    if (name === targetColumn && task !== 'sequence') throw new InvalidArgumentError(`preprocessing.columns["${name}"]`, 'is the target column; it is not a feature');
  }
  const excluded = new Set(spec?.exclude_columns ?? []);
  for (const name of excluded) {
    if (!names.has(name)) throw new InvalidArgumentError('preprocessing.exclude_columns', `"${name}" is not a column of dataset ${dataset.id}`);
  }
  for (const name of family.idColumns ?? []) {
    if (!names.has(name)) throw new InvalidArgumentError('training.recommender', `"${name}" is not a column of dataset ${dataset.id}`);
    if (name === targetColumn) throw new InvalidArgumentError('training.recommender', `"${name}" is the target column; users and items must be other columns`);
  }
  const globalClip = clippingOf(spec?.clip);
  const defaults = (name: string, type: ColumnTypeName): ColumnPlan => {
    const base = defaultColumnPlan(name, type);
    return base.type === 'text' && family.textAsSequences ? { ...base, encoding: 'sequence', padding: family.sequencePadding ?? base.padding } : base;
  };
  const columns = family.idColumns
    ? family.idColumns.map((name) => ({ column: name, type: 'id', encoding: 'index' }))
    : typed
        .filter((column) => column.name !== targetColumn && !excluded.has(column.name) && (family.featureColumns?.accepts(column) ?? true))
        .map((column) => columnPlan(defaults(column.name, column.type), overrides[column.name], globalClip, `preprocessing.columns["${column.name}"]`));
  if (columns.length === 0 && family.featureColumns) {
    throw new InvalidArgumentError('training.model', `the model reads ${family.featureColumns.description}, and dataset ${dataset.id} has none besides the target and the excluded columns`);
  }
  if (columns.length === 0) throw new InvalidArgumentError('preprocessing.exclude_columns', 'leaves no column besides the target to learn from');
  const removesStopWords = columns.some((column) => (column['normalization'] as { removeStopWords?: boolean } | undefined)?.removeStopWords === true);
  return parseTransformPlan(
    {
      columns,
      target,
      stopWords: removesStopWords ? englishStopWords() : [],
    },
    'preprocessing',
  );
}
