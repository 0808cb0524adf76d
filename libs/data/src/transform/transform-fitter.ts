import { InvalidArgumentError } from '@aiaas/errors';
import { categoryOf, parseBoolean, parseNumber, parseTimestamp } from '../raw-values';
import type { BoundedCounter } from './bounded-counter';
import { CleaningAccumulator, type CleaningAccumulatorState } from './cleaning-accumulator';
import { cleaningFitSchema, type CleaningFit, type ColumnCleaning, type FittedTarget } from './cleaning-fit';
import { compareByteOrder } from './compare-byte-order';
import { EncodingAccumulator, type EncodingAccumulatorState } from './encoding-accumulator';
import { FITTED_TRANSFORM_FORMAT, fittedTransformSchema, outputsOf, type ColumnEncoder, type FittedTransform } from './fitted-transform';
import type { RowReader } from './row-reader';
import { parseTransformPlan, type ColumnPlan, type TargetPlan, type TransformPlan, type TransformPlanInput } from './transform-plan';

/** A row offered to a fitting pass, and whether it belongs to the training split. */
export interface FitRow {
  /** The row's cells. */
  readonly row: RowReader;
  /** True for training rows; only they shape imputation, clipping and encoders. */
  readonly isTrain: boolean;
}

/** Options of a `TransformFitter`. */
export interface TransformFitterOptions {
  /** Where the plan sits in the caller's request, for error fields (`preprocessing`). Default `plan`. */
  readonly field?: string;
}

/** The number a constant imputation value stands for (validated by the plan already). */
function constantNumber(plan: ColumnPlan & { type: 'numeric' | 'timestamp' }, value: string | number | boolean): number {
  return plan.type === 'numeric' ? parseNumber(value)! : parseTimestamp(value)! / 1000;
}

/** The most frequent number counted (keys are `String(number)`), ties to the smallest; undefined when none. */
function numericMode(counter: BoundedCounter): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (const [key, count] of counter.top(Number.POSITIVE_INFINITY)) {
    if (count < bestCount) break;
    const value = Number(key);
    if (best === undefined || value < best) best = value;
    bestCount = count;
  }
  return best;
}

/**
 * Fits a `TransformPlan` on data too large for memory, possibly split into shards handled by
 * different processes, in two passes:
 *
 * 1. `createCleaningAccumulator()`, `add(row, isTrain)` over every kept row, `merge` the shards'
 *    accumulators (`toJSON` / `cleaningAccumulatorFromJSON` between processes), then
 *    `fitCleaning(accumulator)` → `CleaningFit` (imputation values, clip bounds, classes or the
 *    target vocabulary).
 * 2. `createEncodingAccumulator(cleaning)` the same way over the rows again (only training rows
 *    count), then `fitEncoding(cleaning, accumulator)` → the `FittedTransform`.
 *
 * Merging shard accumulators gives exactly the transform one accumulator over all rows gives,
 * except for sketch quantiles (median, quantile clipping, bucket boundaries), which stay within
 * the sketch's rank error, and vocabularies whose counters had to prune (`exactCounts` false).
 * `fit` runs both passes in one process for data that can be read twice.
 */
export class TransformFitter {
  /** The validated plan, defaults applied. */
  readonly plan: TransformPlan;
  /**
   * False when pass 1 has nothing to learn — no clipping, every imputation `constant` or `none`,
   * and a regression target (classes and a sequence target's vocabulary come from pass 1) — so
   * the caller may skip reading the data for it and call `fitCleaning(createCleaningAccumulator())`
   * directly (pass 2 still checks training targets).
   */
  readonly needsCleaningPass: boolean;
  private readonly field: string;

  /** Validates `plan` (`InvalidArgumentError` on the first problem; see `parseTransformPlan`). */
  constructor(plan: TransformPlanInput, options: TransformFitterOptions = {}) {
    this.field = options.field ?? 'plan';
    this.plan = parseTransformPlan(plan, this.field);
    this.needsCleaningPass =
      this.plan.target.task !== 'regression' ||
      this.plan.columns.some((column) => ('clip' in column && column.clip !== undefined) || ('impute' in column && ['mean', 'median', 'mode'].includes(column.impute.strategy)));
  }

  /** An empty pass-1 accumulator. */
  createCleaningAccumulator(): CleaningAccumulator {
    return new CleaningAccumulator(this.plan);
  }

  /** Restores a pass-1 accumulator from its `toJSON` snapshot (validated against this plan). */
  cleaningAccumulatorFromJSON(state: CleaningAccumulatorState): CleaningAccumulator {
    return CleaningAccumulator.fromJSON(this.plan, state);
  }

  /**
   * Imputation values, clip bounds, classes and a sequence target's vocabulary from pass-1
   * statistics. Fails with an `InvalidArgumentError` when a statistic has no training values to
   * come from, and on field `target_column` when a classification target has fewer than 2 or more
   * than maxClasses classes, or a sequence target has no training token kept by its minFrequency.
   */
  fitCleaning(accumulator: CleaningAccumulator): CleaningFit {
    const columns = this.plan.columns.map((plan, index) => this.fitColumnCleaning(plan, accumulator, index));
    return cleaningFitSchema.parse({ format: 'aiaas.transform-cleaning/v2', columns, target: this.fitTarget(accumulator) });
  }

  /** An empty pass-2 accumulator for the pass-1 result `cleaning`. */
  createEncodingAccumulator(cleaning: CleaningFit): EncodingAccumulator {
    return new EncodingAccumulator(this.plan, cleaningFitSchema.parse(cleaning));
  }

  /** Restores a pass-2 accumulator from its `toJSON` snapshot (validated against this plan). */
  encodingAccumulatorFromJSON(cleaning: CleaningFit, state: EncodingAccumulatorState): EncodingAccumulator {
    return EncodingAccumulator.fromJSON(this.plan, cleaningFitSchema.parse(cleaning), state);
  }

  /** The fitted transform from pass-1 results and pass-2 statistics. */
  fitEncoding(cleaning: CleaningFit, accumulator: EncodingAccumulator): FittedTransform {
    if (accumulator.trainRows === 0) throw new InvalidArgumentError('dataset', 'the training split has no rows to fit the transform on');
    const columns: ColumnEncoder[] = [];
    this.plan.columns.forEach((plan, index) => {
      const encoder = this.fitColumnEncoder(plan, cleaning.columns[index]!, accumulator, index);
      if (encoder !== undefined) columns.push(encoder);
    });
    const removesStopWords = this.plan.columns.some((plan) => plan.type === 'text' && plan.normalization.removeStopWords);
    return fittedTransformSchema.parse({
      format: FITTED_TRANSFORM_FORMAT,
      columns,
      target: cleaning.target,
      ...(removesStopWords ? { stopWords: [...this.plan.stopWords] } : {}),
      inputColumns: columns.map((encoder) => encoder.column),
      outputs: outputsOf(columns),
      trainRows: accumulator.trainRows,
    } satisfies FittedTransform);
  }

  /**
   * Both passes in this process. `rows` is called once per pass and must yield the same rows
   * each time (e.g. re-read a file); each is kept, and `isTrain` marks the training split.
   */
  fit(rows: () => Iterable<FitRow>): FittedTransform {
    const cleaningAccumulator = this.createCleaningAccumulator();
    if (this.needsCleaningPass) for (const { row, isTrain } of rows()) cleaningAccumulator.add(row, isTrain);
    const cleaning = this.fitCleaning(cleaningAccumulator);
    const encodingAccumulator = this.createEncodingAccumulator(cleaning);
    for (const { row, isTrain } of rows()) encodingAccumulator.add(row, isTrain);
    return this.fitEncoding(cleaning, encodingAccumulator);
  }

  private columnField(plan: ColumnPlan, ...path: string[]): string {
    return [`${this.field}.columns[${JSON.stringify(plan.column)}]`, ...path].join('.');
  }

  private noTrainingValues(plan: ColumnPlan, what: string, path: string): InvalidArgumentError {
    return new InvalidArgumentError(
      this.columnField(plan, path),
      `column "${plan.column}" has no values in the training split to compute ${what} from; use a constant imputation or drop the column`,
    );
  }

  private fitColumnCleaning(plan: ColumnPlan, accumulator: CleaningAccumulator, index: number): ColumnCleaning {
    const { moments, sketch, counter } = accumulator.statistics(index);
    const entry: ColumnCleaning = { column: plan.column };
    if (plan.type === 'numeric' || plan.type === 'timestamp') {
      const { strategy, value } = plan.impute;
      let impute: number | undefined;
      if (strategy === 'constant') impute = constantNumber(plan, value!);
      else if (strategy === 'mean') impute = moments!.count > 0 ? moments!.mean : undefined;
      else if (strategy === 'median') impute = sketch!.quantile(0.5);
      else if (strategy === 'mode') impute = numericMode(counter!);
      if (impute === undefined) throw this.noTrainingValues(plan, `a ${strategy}`, 'impute');
      entry.impute = impute;
      if (plan.clip?.method === 'quantile') {
        const [lower, upper] = sketch!.quantiles([plan.clip.lower, plan.clip.upper]);
        if (lower === undefined || upper === undefined) throw this.noTrainingValues(plan, 'clip bounds', 'clip');
        entry.clip = { lower, upper };
      } else if (plan.clip?.method === 'z-score') {
        if (moments!.count === 0) throw this.noTrainingValues(plan, 'clip bounds', 'clip');
        const spread = plan.clip.threshold * moments!.std;
        entry.clip = { lower: moments!.mean - spread, upper: moments!.mean + spread };
      }
    } else if (plan.type === 'boolean') {
      if (plan.impute.strategy === 'constant') entry.impute = parseBoolean(plan.impute.value!)!;
      else if (counter!.size === 0) throw this.noTrainingValues(plan, 'a mode', 'impute');
      // Ties go to false, the smaller value, as numeric modes go to the smaller number.
      else entry.impute = counter!.count('true') > counter!.count('false');
    } else if (plan.type === 'categorical') {
      if (plan.impute.strategy === 'constant') entry.impute = categoryOf(plan.impute.value!);
      else if (plan.impute.strategy === 'mode') {
        const top = counter!.top(1)[0];
        if (top === undefined) throw this.noTrainingValues(plan, 'a mode', 'impute');
        entry.impute = top[0];
      }
    }
    return entry;
  }

  private fitTarget(accumulator: CleaningAccumulator): FittedTarget {
    const target = this.plan.target;
    if (target.task === 'regression') return { column: target.column, task: 'regression' };
    if (target.task === 'sequence') return this.fitSequenceTarget(target, accumulator);
    const classes = accumulator.classes;
    if (classes.length > target.maxClasses) {
      throw new InvalidArgumentError('target_column', `column "${target.column}" has more than ${target.maxClasses} classes; use regression or raise maxClasses`);
    }
    if (classes.length < 2) {
      const found = classes.length === 0 ? 'no values' : `only the class ${JSON.stringify(classes[0])}`;
      throw new InvalidArgumentError('target_column', `column "${target.column}" has ${found}; classification needs at least 2 classes`);
    }
    return { column: target.column, task: 'classification', classes };
  }

  private fitSequenceTarget(target: Extract<TargetPlan, { task: 'sequence' }>, accumulator: CleaningAccumulator): FittedTarget {
    const counter = accumulator.targetTokens!;
    const vocabulary = counter.top(target.vocabularySize, target.minFrequency).map(([token]) => token);
    if (vocabulary.length === 0) {
      throw new InvalidArgumentError(
        'target_column',
        `column "${target.column}" has no word that occurs ${target.minFrequency} or more times in the training split; a sequence target needs text to learn to generate`,
      );
    }
    return { column: target.column, task: 'sequence', vocabulary, normalization: target.normalization, sequenceLength: target.sequenceLength, exactCounts: counter.exact };
  }

  private fitColumnEncoder(plan: ColumnPlan, cleaning: ColumnCleaning, accumulator: EncodingAccumulator, index: number): ColumnEncoder | undefined {
    const stats = accumulator.columnStatistics(index);
    const { column } = plan;
    switch (plan.type) {
      case 'numeric':
      case 'timestamp': {
        const base = { column, impute: cleaning.impute as number, ...(cleaning.clip ? { clip: cleaning.clip } : {}) };
        if (plan.encoding === 'standardize') {
          const std = stats.moments!.std;
          if (!Number.isFinite(std)) throw new InvalidArgumentError(this.columnField(plan), `values of column "${column}" are too large to standardise`);
          return { type: plan.type, ...base, encoding: 'standardize', mean: stats.moments!.mean, std: std < 1e-12 ? 1 : std };
        }
        if (plan.encoding === 'min-max') return { type: plan.type, ...base, encoding: 'min-max', min: stats.moments!.min!, max: stats.moments!.max! };
        if (plan.type === 'timestamp' || plan.encoding === 'none') return { type: plan.type, ...base, encoding: 'none' };
        const qs = Array.from({ length: plan.buckets - 1 }, (_, i) => (i + 1) / plan.buckets);
        const boundaries = stats.sketch!.quantiles(qs).filter((value, i, all): value is number => value !== undefined && (i === 0 || value !== all[i - 1]));
        return { type: 'numeric', ...base, encoding: 'bucketize', boundaries };
      }
      case 'boolean':
        return { type: 'boolean', column, impute: cleaning.impute as boolean };
      case 'categorical': {
        const counter = stats.counter!;
        const vocabulary = counter.top(plan.maxVocabulary, plan.minFrequency).map(([value]) => value);
        const impute = cleaning.impute as string | undefined;
        return { type: 'categorical', column, encoding: plan.encoding, vocabulary, ...(impute === undefined ? {} : { impute }), exactCounts: counter.exact };
      }
      case 'text': {
        const counter = stats.counter!;
        const vocabulary = counter.top(plan.vocabularySize, plan.minFrequency).map(([token]) => token);
        const base = { type: 'text' as const, column, vocabulary, normalization: plan.normalization, exactCounts: counter.exact && (stats.documents?.exact ?? true) };
        if (plan.encoding === 'sequence') {
          return { ...base, encoding: 'sequence', sequenceLength: plan.sequenceLength, padding: plan.padding, truncation: plan.truncation };
        }
        if (plan.encoding === 'bag-of-words') return { ...base, encoding: 'bag-of-words' };
        const documents = accumulator.trainRows;
        const idf = vocabulary.map((token) => Math.log((1 + documents) / (1 + stats.documents!.count(token))) + 1);
        // How many documents hold some out-of-vocabulary token is unknown until the vocabulary is,
        // so that slot gets the mean weight of the vocabulary's tokens.
        const oov = idf.length === 0 ? 1 : idf.reduce((sum, weight) => sum + weight, 0) / idf.length;
        return { ...base, encoding: 'tf-idf', idf: [...idf, oov] };
      }
      case 'id':
        if (plan.encoding === 'exclude') return undefined;
        // O(distinct ids): the list is the model's embedding table, so it cannot be bounded.
        return { type: 'id', column, encoding: 'index', ids: [...stats.ids!].sort(compareByteOrder) };
    }
  }
}
