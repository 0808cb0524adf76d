import { z } from 'zod';
import { QuantileSketch, quantileSketchStateSchema } from '../quantile-sketch';
import { BoundedCounter, boundedCounterStateSchema } from './bounded-counter';
import type { CleaningFit } from './cleaning-fit';
import { createBooleanCleaner, createCategoryCleaner, createScalarCleaner } from './column-cleaners';
import { compareByteOrder } from './compare-byte-order';
import { ExactMoments, exactMomentsStateSchema } from './exact-moments';
import { readCategory, readText, type RowReader } from './row-reader';
import { regressionValueOf } from './target-values';
import { TextNormalizer } from './text-normalizer';
import type { ColumnPlan, TransformPlan } from './transform-plan';

/** Statistics pass 2 keeps for one column; which ones depends on its encoding. */
export const columnEncodingStatisticsSchema = z.object({
  /** Column name in the dataset. */
  column: z.string(),
  /** Cleaned values (standardize, min-max). */
  moments: exactMomentsStateSchema.optional(),
  /** Cleaned values (bucketize). */
  sketch: quantileSketchStateSchema.optional(),
  /** Category counts (categorical) or token counts (text). */
  counter: boundedCounterStateSchema.optional(),
  /** Documents containing each token (tf-idf). */
  documents: boundedCounterStateSchema.optional(),
  /** Distinct ids, in byte order (id index). */
  ids: z.array(z.string()).optional(),
});

/** What an `EncodingAccumulator` serialises to, for storing or sending between shard jobs. */
export const encodingAccumulatorStateSchema = z.object({
  format: z.literal('aiaas.transform-encoding-accumulator/v2'),
  /** Training rows added (tf-idf's N). */
  trainRows: z.number().int().nonnegative(),
  /** One entry per planned column, in plan order. */
  columns: z.array(columnEncodingStatisticsSchema),
});
/** A serialised `EncodingAccumulator`. */
export type EncodingAccumulatorState = z.infer<typeof encodingAccumulatorStateSchema>;

/** The statistics of one column, as the fitter reads them. */
export interface ColumnEncodingStatistics {
  /** Cleaned training values (standardize, min-max). */
  readonly moments?: ExactMoments;
  /** Cleaned training values (bucketize). */
  readonly sketch?: QuantileSketch;
  /** Category or token counts. */
  readonly counter?: BoundedCounter;
  /** Documents containing each token (tf-idf). */
  readonly documents?: BoundedCounter;
  /** Distinct training ids (id index). Unbounded by nature: the ids are the model's embedding table. */
  readonly ids?: ReadonlySet<string>;
}

interface Statistics {
  moments?: ExactMoments;
  sketch?: QuantileSketch;
  counter?: BoundedCounter;
  documents?: BoundedCounter;
  ids?: Set<string>;
}

type Need = keyof Statistics;

function needsOf(plan: ColumnPlan): Need[] {
  switch (plan.type) {
    case 'numeric':
    case 'timestamp':
      return plan.encoding === 'standardize' || plan.encoding === 'min-max' ? ['moments'] : plan.encoding === 'bucketize' ? ['sketch'] : [];
    case 'categorical':
      return ['counter'];
    case 'text':
      return plan.encoding === 'tf-idf' ? ['counter', 'documents'] : ['counter'];
    case 'id':
      return plan.encoding === 'index' ? ['ids'] : [];
    case 'boolean':
      return [];
  }
}

function capacityOf(plan: ColumnPlan): number {
  if (plan.type === 'categorical') return BoundedCounter.capacityFor(plan.maxVocabulary);
  if (plan.type === 'text') return BoundedCounter.capacityFor(plan.vocabularySize);
  return BoundedCounter.capacityFor(1);
}

/** The per-row update of one column, reading cleaned values exactly as encoding will. */
function adderFor(plan: ColumnPlan, cleaning: CleaningFit['columns'][number], stats: Statistics, stopWords: readonly string[]): (row: RowReader) => void {
  const { column } = plan;
  switch (plan.type) {
    case 'numeric':
    case 'timestamp': {
      const clean = createScalarCleaner(column, plan.type, cleaning.impute as number, cleaning.clip);
      const { moments, sketch } = stats;
      return (row) => {
        const value = clean(row);
        moments?.add(value);
        sketch?.add(value);
      };
    }
    case 'boolean': {
      // Nothing to learn, but a training row with an unreadable value is still an error.
      const clean = createBooleanCleaner(column, cleaning.impute as boolean);
      return (row) => void clean(row);
    }
    case 'categorical': {
      const clean = createCategoryCleaner(column, cleaning.impute as string | undefined);
      const counter = stats.counter!;
      return (row) => {
        const value = clean(row);
        if (value !== undefined) counter.add(value);
      };
    }
    case 'text': {
      const normalizer = new TextNormalizer(plan.normalization, stopWords);
      const { counter, documents } = stats;
      return (row) => {
        const tokens = normalizer.tokens(readText(row, column));
        for (const token of tokens) counter!.add(token);
        if (documents) for (const token of new Set(tokens)) documents.add(token);
      };
    }
    case 'id': {
      const ids = stats.ids;
      if (!ids) return () => undefined;
      return (row) => {
        const value = readCategory(row, column);
        if (value !== undefined) ids.add(value);
      };
    }
  }
}

/** Throws unless `cleaning` was fitted for `plan`: same columns, imputation values of the right types. */
function assertCleaningFits(plan: TransformPlan, cleaning: CleaningFit): void {
  if (cleaning.columns.length !== plan.columns.length) throw new Error('the cleaning fit was made for a different plan');
  plan.columns.forEach((columnPlan, index) => {
    const entry = cleaning.columns[index]!;
    const expected = columnPlan.type === 'numeric' || columnPlan.type === 'timestamp' ? 'number' : columnPlan.type === 'boolean' ? 'boolean' : 'string';
    const imputes = columnPlan.type !== 'text' && columnPlan.type !== 'id' && columnPlan.impute.strategy !== 'none';
    const fits = entry.column === columnPlan.column && (imputes ? typeof entry.impute === expected : entry.impute === undefined);
    if (!fits) throw new Error(`the cleaning fit of column "${entry.column}" does not match the plan's column "${columnPlan.column}"`);
  });
}

/**
 * Pass 2 of fitting: over training rows only, and on cleaned values (imputed, clipped — read by
 * the same code encoding uses), what encoders need: moments for scaling, a sketch for bucket
 * boundaries, bounded counters for vocabularies and document frequencies, id sets. Accumulators
 * of disjoint row subsets merge; `toJSON`/`fromJSON` carry them between processes. Create one
 * with `TransformFitter.createEncodingAccumulator`.
 */
export class EncodingAccumulator {
  private readonly statistics: Statistics[];
  private readonly adders: Array<(row: RowReader) => void>;
  private trainRowCount = 0;

  /** An empty accumulator for `plan` (validated) after pass 1 gave `cleaning`, or one restored from `state`. */
  constructor(
    readonly plan: TransformPlan,
    readonly cleaning: CleaningFit,
    state?: EncodingAccumulatorState,
  ) {
    assertCleaningFits(plan, cleaning);
    const parsed = state === undefined ? undefined : encodingAccumulatorStateSchema.parse(state);
    if (parsed !== undefined) {
      const names = parsed.columns.map((entry) => entry.column);
      if (JSON.stringify(names) !== JSON.stringify(plan.columns.map((entry) => entry.column))) {
        throw new Error(`encoding accumulator state is for columns ${JSON.stringify(names)}, not this plan's`);
      }
      this.trainRowCount = parsed.trainRows;
    }
    this.statistics = plan.columns.map((columnPlan, index) => {
      const saved = parsed?.columns[index];
      const stats: Statistics = {};
      for (const need of needsOf(columnPlan)) {
        if (parsed !== undefined && saved?.[need] === undefined) throw new Error(`encoding accumulator state for column "${columnPlan.column}" lacks its ${need}`);
        if (need === 'moments') stats.moments = saved?.moments ? ExactMoments.fromJSON(saved.moments) : new ExactMoments();
        if (need === 'sketch') stats.sketch = saved?.sketch ? QuantileSketch.fromJSON(saved.sketch) : new QuantileSketch();
        if (need === 'counter') stats.counter = saved?.counter ? BoundedCounter.fromJSON(saved.counter) : new BoundedCounter(capacityOf(columnPlan));
        if (need === 'documents') stats.documents = saved?.documents ? BoundedCounter.fromJSON(saved.documents) : new BoundedCounter(capacityOf(columnPlan));
        if (need === 'ids') stats.ids = new Set(saved?.ids ?? []);
      }
      return stats;
    });
    this.adders = plan.columns.map((columnPlan, index) => adderFor(columnPlan, cleaning.columns[index]!, this.statistics[index]!, plan.stopWords));
  }

  /** Restores a snapshot made by `toJSON` for the same plan (validated; a snapshot of another plan throws). */
  static fromJSON(plan: TransformPlan, cleaning: CleaningFit, state: EncodingAccumulatorState): EncodingAccumulator {
    return new EncodingAccumulator(plan, cleaning, state);
  }

  /** Training rows added, over all merged accumulators. */
  get trainRows(): number {
    return this.trainRowCount;
  }

  /** The statistics of the column at `index` in the plan. */
  columnStatistics(index: number): ColumnEncodingStatistics {
    const stats = this.statistics[index];
    if (stats === undefined) throw new RangeError(`no column ${index} in the plan`);
    return stats;
  }

  /** Adds one row; rows outside the training split are ignored. Unparseable cells throw `InvalidArgumentError`. */
  add(row: RowReader, isTrain: boolean): void {
    if (!isTrain) return;
    const target = this.plan.target;
    // Pass 1 may be skipped for regression, so the target is checked here too.
    if (target.task === 'regression') regressionValueOf(row.read(target.column), row.describe(target.column), target.column);
    this.trainRowCount += 1;
    for (const add of this.adders) add(row);
  }

  /** Folds `other` (made for the same plan) into this accumulator. */
  merge(other: EncodingAccumulator): void {
    if (other.statistics.length !== this.statistics.length) throw new Error('cannot merge encoding accumulators of different plans');
    this.trainRowCount += other.trainRowCount;
    this.statistics.forEach((mine, index) => {
      const theirs = other.statistics[index]!;
      if (mine.moments && theirs.moments) mine.moments.merge(theirs.moments);
      if (mine.sketch && theirs.sketch) mine.sketch.merge(theirs.sketch);
      if (mine.counter && theirs.counter) mine.counter.merge(theirs.counter);
      if (mine.documents && theirs.documents) mine.documents.merge(theirs.documents);
      if (mine.ids && theirs.ids) for (const id of theirs.ids) mine.ids.add(id);
    });
  }

  /** A JSON-safe snapshot; `TransformFitter.encodingAccumulatorFromJSON` restores it. */
  toJSON(): EncodingAccumulatorState {
    return {
      format: 'aiaas.transform-encoding-accumulator/v2',
      trainRows: this.trainRowCount,
      columns: this.statistics.map((stats, index) => ({
        column: this.plan.columns[index]!.column,
        ...(stats.moments ? { moments: stats.moments.toJSON() } : {}),
        ...(stats.sketch ? { sketch: stats.sketch.toJSON() } : {}),
        ...(stats.counter ? { counter: stats.counter.toJSON() } : {}),
        ...(stats.documents ? { documents: stats.documents.toJSON() } : {}),
        ...(stats.ids ? { ids: [...stats.ids].sort(compareByteOrder) } : {}),
      })),
    };
  }
}
