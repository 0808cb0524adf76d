import { z } from 'zod';
import { InvalidArgumentError } from '@aiaas/errors';
import type { ColumnTypeName } from '../column-types';
import { isMissing, parseBoolean, parseNumber, parseTimestamp, type PresentValue } from '../raw-values';

/** How missing cells of a column are filled. */
export const imputationSchema = z
  .object({
    /**
     * `mean` / `median` of the training values (numeric and timestamp columns), `mode` (most
     * frequent training value, ties to the smallest), `constant` (`value`), or `none` (leave the
     * cell missing: only categorical columns, where missing gets the out-of-vocabulary slot).
     */
    strategy: z.enum(['mean', 'median', 'mode', 'constant', 'none']),
    /** The fill value of a `constant` imputation, written as the column's type would read it. */
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  })
  .superRefine((imputation, context) => {
    if (imputation.strategy === 'constant' && imputation.value === undefined) {
      context.addIssue({ code: 'custom', path: ['value'], message: 'a constant imputation needs a value' });
    }
    if (imputation.strategy !== 'constant' && imputation.value !== undefined) {
      context.addIssue({ code: 'custom', path: ['value'], message: `only a constant imputation takes a value, not "${imputation.strategy}"` });
    }
  });
/** A validated imputation. */
export type Imputation = z.infer<typeof imputationSchema>;

/** How extreme values are limited before scaling; bounds come from the training values. */
export const clippingSchema = z.discriminatedUnion('method', [
  z.object({
    /** Clip to the training values' `lower` and `upper` quantiles (e.g. 0.01 and 0.99). */
    method: z.literal('quantile'),
    /** Quantile of the lower bound, in [0, 0.5). */
    lower: z.number().min(0).lt(0.5),
    /** Quantile of the upper bound, in (0.5, 1]. */
    upper: z.number().gt(0.5).max(1),
  }),
  z.object({
    /** Clip to mean ± threshold × standard deviation of the training values. */
    method: z.literal('z-score'),
    /** How many standard deviations from the mean values may lie; positive. */
    threshold: z.number().positive(),
  }),
]);
/** A validated clipping. */
export type Clipping = z.infer<typeof clippingSchema>;

/** How free text is normalised before it is split into words. */
export const textNormalizationSchema = z.object({
  /** Lowercase (locale-independent). Default true. */
  lowercase: z.boolean().default(true),
  /** `NFKC` folds compatibility forms (full-width letters, ligatures) to plain ones. Default `NFKC`. */
  unicode: z.enum(['NFKC', 'none']).default('NFKC'),
  /** Remove accents and other combining marks (`café` → `cafe`). Default false. */
  stripAccents: z.boolean().default(false),
  /** Replace punctuation and symbols with spaces (apostrophes inside words are dropped). Default true. */
  stripPunctuation: z.boolean().default(true),
  /** Drop the plan's `stopWords`. Default false. */
  removeStopWords: z.boolean().default(false),
});
/** Text normalisation options, defaults applied. */
export type TextNormalization = z.infer<typeof textNormalizationSchema>;

const columnName = z.string().min(1);

/** A numeric column. */
export const numericColumnPlanSchema = z.object({
  type: z.literal('numeric'),
  /** Column name in the dataset. */
  column: columnName,
  /** `standardize` ((x − mean)/std), `min-max` ((x − min)/(max − min)), `none`, or `bucketize` (one-hot of quantile buckets). Default `standardize`. */
  encoding: z.enum(['standardize', 'min-max', 'none', 'bucketize']).default('standardize'),
  /** Number of quantile buckets for `bucketize` (fewer when values repeat). Default 10. */
  buckets: z.number().int().min(2).default(10),
  /** Default `{ strategy: 'mean' }`. */
  impute: imputationSchema.default({ strategy: 'mean' }),
  /** Optional clipping, applied to present values before scaling. */
  clip: clippingSchema.optional(),
});

/** A timestamp column, read as seconds since the Unix epoch. */
export const timestampColumnPlanSchema = z.object({
  type: z.literal('timestamp'),
  /** Column name in the dataset. */
  column: columnName,
  /** As for numeric columns, without bucketize. Default `standardize`. */
  encoding: z.enum(['standardize', 'min-max', 'none']).default('standardize'),
  /** Default `{ strategy: 'median' }`. */
  impute: imputationSchema.default({ strategy: 'median' }),
  /** Optional clipping, applied to present values before scaling. */
  clip: clippingSchema.optional(),
});

/** A boolean column: one feature, 1 for true and 0 for false. */
export const booleanColumnPlanSchema = z.object({
  type: z.literal('boolean'),
  /** Column name in the dataset. */
  column: columnName,
  /** `mode` or `constant`. Default `{ strategy: 'mode' }`. */
  impute: imputationSchema.default({ strategy: 'mode' }),
});

/** A categorical column. */
export const categoricalColumnPlanSchema = z.object({
  type: z.literal('categorical'),
  /** Column name in the dataset. */
  column: columnName,
  /** `one-hot` (vocabulary + 1 features) or `index` (its own int32 output: 1.. for the vocabulary, 0 for anything else). Default `one-hot`. */
  encoding: z.enum(['one-hot', 'index']).default('one-hot'),
  /** Most categories kept, the most frequent in training. Default 1000. */
  maxVocabulary: z.number().int().min(1).default(1000),
  /** Fewest training occurrences a kept category needs. Default 1. */
  minFrequency: z.number().int().min(1).default(1),
  /** `mode`, `constant` or `none` (missing shares the out-of-vocabulary slot). Default `{ strategy: 'none' }`. */
  impute: imputationSchema.default({ strategy: 'none' }),
});

/** A free-text column. */
export const textColumnPlanSchema = z.object({
  type: z.literal('text'),
  /** Column name in the dataset. */
  column: columnName,
  /** `sequence` (int32 token ids, for embeddings), `bag-of-words` (counts) or `tf-idf`. Default `tf-idf`. */
  encoding: z.enum(['sequence', 'bag-of-words', 'tf-idf']).default('tf-idf'),
  /** Most tokens kept, the most frequent in training. Default 1000. */
  vocabularySize: z.number().int().min(1).default(1000),
  /** Fewest training occurrences a kept token needs. Default 1. */
  minFrequency: z.number().int().min(1).default(1),
  /** Tokens per row of a `sequence` encoding. Default 64. */
  sequenceLength: z.number().int().min(1).default(64),
  /** Where a short sequence gets its padding zeros. Default `post`. */
  padding: z.enum(['pre', 'post']).default('post'),
  /** Which end of a long sequence is cut. Default `post`. */
  truncation: z.enum(['pre', 'post']).default('post'),
  /** How text is normalised; every field has a default. */
  normalization: textNormalizationSchema.prefault({}),
});

/** An identifier column (users, items): an embedding index, or nothing. */
export const idColumnPlanSchema = z.object({
  type: z.literal('id'),
  /** Column name in the dataset. */
  column: columnName,
  /** `index` (its own int32 output: 1.. for ids seen in training, 0 for others) or `exclude`. Default `exclude`. */
  encoding: z.enum(['index', 'exclude']).default('exclude'),
});

/** How one feature column is encoded, by column type. */
export const columnPlanSchema = z.discriminatedUnion('type', [
  numericColumnPlanSchema,
  timestampColumnPlanSchema,
  booleanColumnPlanSchema,
  categoricalColumnPlanSchema,
  textColumnPlanSchema,
  idColumnPlanSchema,
]);
/** A validated column plan, defaults applied. */
export type ColumnPlan = z.infer<typeof columnPlanSchema>;
/** A validated numeric column plan. */
export type NumericColumnPlan = z.infer<typeof numericColumnPlanSchema>;
/** A validated timestamp column plan. */
export type TimestampColumnPlan = z.infer<typeof timestampColumnPlanSchema>;
/** A validated boolean column plan. */
export type BooleanColumnPlan = z.infer<typeof booleanColumnPlanSchema>;
/** A validated categorical column plan. */
export type CategoricalColumnPlan = z.infer<typeof categoricalColumnPlanSchema>;
/** A validated text column plan. */
export type TextColumnPlan = z.infer<typeof textColumnPlanSchema>;
/** A validated id column plan. */
export type IdColumnPlan = z.infer<typeof idColumnPlanSchema>;

/** What the model predicts. */
export const targetPlanSchema = z.discriminatedUnion('task', [
  z.object({
    /** Column name in the dataset. */
    column: columnName,
    task: z.literal('classification'),
    /** Most distinct classes allowed. Default 100. */
    maxClasses: z.number().int().min(2).default(100),
  }),
  z.object({
    /** Column name in the dataset. */
    column: columnName,
    task: z.literal('regression'),
  }),
  z.object({
    /** Column name in the dataset: free text, the sequence a sequence-to-sequence model generates. */
    column: columnName,
    task: z.literal('sequence'),
    /** Most target tokens kept, the most frequent in training. Default 1000. */
    vocabularySize: z.number().int().min(1).default(1000),
    /** Fewest training occurrences a kept target token needs. Default 1. */
    minFrequency: z.number().int().min(1).default(1),
    /** Token ids per label, the end-of-sequence token included: longer texts keep their first sequenceLength − 1 tokens. Default 16. */
    sequenceLength: z.number().int().min(2).default(16),
    /** How target text is normalised, as for text columns (stop-word removal is refused); every field has a default. */
    normalization: textNormalizationSchema.prefault({}),
  }),
]);
/** A validated target plan, defaults applied. */
export type TargetPlan = z.infer<typeof targetPlanSchema>;

/** Name of the float32 output holding every dense feature. */
export const FEATURES_OUTPUT = 'features';

const IMPUTATIONS_OF: Readonly<Record<ColumnTypeName, readonly Imputation['strategy'][]>> = {
  numeric: ['mean', 'median', 'mode', 'constant'],
  timestamp: ['mean', 'median', 'mode', 'constant'],
  boolean: ['mode', 'constant'],
  categorical: ['mode', 'constant', 'none'],
  text: [],
  id: [],
};

/** Why `value` cannot fill a `type` column, or undefined when it can. */
function constantProblem(type: ColumnTypeName, value: PresentValue): string | undefined {
  if (isMissing(value)) return `${JSON.stringify(value)} is a missing value`;
  if (type === 'numeric' && parseNumber(value) === undefined) return `${JSON.stringify(value)} is not a number`;
  if (type === 'timestamp' && parseTimestamp(value) === undefined) return `${JSON.stringify(value)} is not an ISO 8601 date or date-time`;
  if (type === 'boolean' && parseBoolean(value) === undefined) return `${JSON.stringify(value)} is not a boolean`;
  return undefined;
}

/** True when the column has an int32 output of its own, named after it. */
function hasOwnOutput(plan: ColumnPlan): boolean {
  return (plan.type === 'categorical' && plan.encoding === 'index') || (plan.type === 'text' && plan.encoding === 'sequence') || (plan.type === 'id' && plan.encoding === 'index');
}

/**
 * What the user asks preprocessing to do: how each feature column is encoded (in feature
 * order), the target, and the stop-word list (stored in the fitted transform, so serving never
 * depends on where it came from). Besides each field's own checks it rejects plans that would let
 * NaN reach a model or are ambiguous: imputations a column type cannot use, constants that do not
 * parse as the column's type, repeated columns, the target used as a feature, an own output
 * that would collide with `features`, and stop-word removal on a sequence target.
 */
export const transformPlanSchema = z
  .object({
    /** Feature columns, in the order their features are concatenated. */
    columns: z.array(columnPlanSchema).min(1),
    /** The target column and task. */
    target: targetPlanSchema,
    /** Words text columns with `removeStopWords` drop (compared after normalisation). Default []. */
    stopWords: z.array(z.string()).default([]),
  })
  .superRefine((plan, context) => {
    const seen = new Set<string>();
    plan.columns.forEach((column, index) => {
      const at = (...path: Array<string | number>) => ['columns', index, ...path];
      if (seen.has(column.column)) context.addIssue({ code: 'custom', path: at('column'), message: `column "${column.column}" is planned twice` });
      seen.add(column.column);
      if (column.column === plan.target.column) {
        context.addIssue({ code: 'custom', path: at('column'), message: `"${column.column}" is the target column; it cannot also be a feature` });
      }
      if (column.column === FEATURES_OUTPUT && hasOwnOutput(column)) {
        context.addIssue({ code: 'custom', path: at('encoding'), message: `a column named "${FEATURES_OUTPUT}" cannot have an output of its own (it would collide with the dense features)` });
      }
      if (column.type === 'text' && column.normalization.removeStopWords && plan.stopWords.length === 0) {
        context.addIssue({ code: 'custom', path: at('normalization', 'removeStopWords'), message: 'stop-word removal needs the plan\'s stopWords list, which is empty' });
      }
      if (!('impute' in column)) return;
      const { strategy, value } = column.impute;
      const allowed = IMPUTATIONS_OF[column.type];
      if (!allowed.includes(strategy)) {
        const why = strategy === 'none' ? ' (a missing value would reach the model as NaN)' : '';
        context.addIssue({ code: 'custom', path: at('impute', 'strategy'), message: `"${strategy}" imputation does not apply to a ${column.type} column${why}; use one of ${allowed.join(', ')}` });
      } else if (strategy === 'constant' && value !== undefined) {
        const problem = constantProblem(column.type, value);
        if (problem) context.addIssue({ code: 'custom', path: at('impute', 'value'), message: `${problem}; column "${column.column}" is ${column.type}` });
      }
    });
    if (plan.target.task === 'sequence' && plan.target.normalization.removeStopWords) {
      // A model that never sees stop words in its targets can never write them.
      context.addIssue({ code: 'custom', path: ['target', 'normalization', 'removeStopWords'], message: 'a sequence target keeps every word the model must learn to generate; stop-word removal does not apply to it' });
    }
  });
/** A validated plan, defaults applied. */
export type TransformPlan = z.infer<typeof transformPlanSchema>;
/** A plan as a user writes it (fields with defaults may be left out). */
export type TransformPlanInput = z.input<typeof transformPlanSchema>;

/** `columns[2]` becomes `columns["age"]` when the input names that column. */
function fieldOf(prefix: string, path: readonly PropertyKey[], input: unknown): string {
  let field = prefix;
  let node: unknown = input;
  for (const key of path) {
    const child = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const name = child !== null && typeof child === 'object' ? (child as { column?: unknown }).column : undefined;
    if (typeof key === 'number' && typeof name === 'string') field += `[${JSON.stringify(name)}]`;
    else if (typeof key === 'number') field += `[${key}]`;
    else field += `${field ? '.' : ''}${String(key)}`;
    node = child;
  }
  return field;
}

/**
 * Validates a user's plan and applies its defaults, or throws an `InvalidArgumentError` whose
 * field names the first problem (`preprocessing.columns["age"].impute.strategy`) and whose
 * message lists every problem. `field` is where the plan sits in the caller's request.
 */
export function parseTransformPlan(input: unknown, field = 'plan'): TransformPlan {
  const result = transformPlanSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ field: fieldOf(field, issue.path, input), message: issue.message }));
  const first = problems[0]!;
  const rest = problems.slice(1).map((problem) => `; ${problem.field}: ${problem.message}`);
  throw new InvalidArgumentError(first.field, first.message + rest.join(''), { cause: result.error });
}

/** The default plan of a column of `type` (what a plan gets when the user says nothing). */
export function defaultColumnPlan(column: string, type: ColumnTypeName): ColumnPlan {
  return columnPlanSchema.parse({ column, type });
}
