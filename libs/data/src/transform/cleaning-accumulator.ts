import { z } from 'zod';
import { QuantileSketch, quantileSketchStateSchema } from '../quantile-sketch';
import { BoundedCounter, boundedCounterStateSchema } from './bounded-counter';
import { compareByteOrder } from './compare-byte-order';
import { ExactMoments, exactMomentsStateSchema } from './exact-moments';
import { readBoolean, readCategory, readScalar, type RowReader } from './row-reader';
import { classLabelOf, regressionValueOf, targetTextOf } from './target-values';
import { TextNormalizer } from './text-normalizer';
import type { ColumnPlan, TransformPlan } from './transform-plan';

/** Statistics pass 1 keeps for one column; which ones depends on its imputation and clipping. */
export const columnCleaningStatisticsSchema = z.object({
  /** Column name in the dataset. */
  column: z.string(),
  /** For mean imputation and z-score clipping. */
  moments: exactMomentsStateSchema.optional(),
  /** For median imputation and quantile clipping. */
  sketch: quantileSketchStateSchema.optional(),
  /** For mode imputation (values as canonical text). */
  counter: boundedCounterStateSchema.optional(),
});

/** What a `CleaningAccumulator` serialises to, for storing or sending between shard jobs. */
export const cleaningAccumulatorStateSchema = z.object({
  format: z.literal('aiaas.transform-cleaning-accumulator/v2'),
  /** Rows added, train or not. */
  rows: z.number().int().nonnegative(),
  /** Training rows added. */
  trainRows: z.number().int().nonnegative(),
  /** One entry per planned column, in plan order. */
  columns: z.array(columnCleaningStatisticsSchema),
  /** Distinct class labels in byte order (classification), at most maxClasses + 1 of them. */
  classes: z.array(z.string()).optional(),
  /** Token counts of the target over training rows (sequence targets). */
  targetTokens: boundedCounterStateSchema.optional(),
});
/** A serialised `CleaningAccumulator`. */
export type CleaningAccumulatorState = z.infer<typeof cleaningAccumulatorStateSchema>;

/** The statistics of one column, as the fitter reads them. */
export interface ColumnCleaningStatistics {
  /** Present training values (mean imputation, z-score clipping). */
  readonly moments?: ExactMoments;
  /** Present training values (median imputation, quantile clipping). */
  readonly sketch?: QuantileSketch;
  /** Present training values as text (mode imputation). */
  readonly counter?: BoundedCounter;
}

interface ColumnSlot extends ColumnCleaningStatistics {
  readonly plan: ColumnPlan;
  readonly add?: (row: RowReader) => void;
}

/** Which statistics `plan` needs in pass 1. */
function needsOf(plan: ColumnPlan): { moments: boolean; sketch: boolean; counter: boolean } {
  if (!('impute' in plan)) return { moments: false, sketch: false, counter: false };
  const strategy = plan.impute.strategy;
  const clip = 'clip' in plan ? plan.clip : undefined;
  return {
    moments: strategy === 'mean' || clip?.method === 'z-score',
    sketch: strategy === 'median' || clip?.method === 'quantile',
    counter: strategy === 'mode',
  };
}

function slotFor(plan: ColumnPlan, moments?: ExactMoments, sketch?: QuantileSketch, counter?: BoundedCounter): ColumnSlot {
  const { column } = plan;
  if ((plan.type === 'numeric' || plan.type === 'timestamp') && (moments || sketch || counter)) {
    const type = plan.type;
    return {
      plan,
      moments,
      sketch,
      counter,
      add: (row) => {
        const value = readScalar(row, column, type);
        if (value === undefined) return;
        moments?.add(value);
        sketch?.add(value);
        counter?.add(String(value));
      },
    };
  }
  if (plan.type === 'boolean' && counter) {
    return { plan, counter, add: (row) => {
      const value = readBoolean(row, column);
      if (value !== undefined) counter.add(String(value));
    } };
  }
  if (plan.type === 'categorical' && counter) {
    return { plan, counter, add: (row) => {
      const value = readCategory(row, column);
      if (value !== undefined) counter.add(value);
    } };
  }
  return { plan };
}

/**
 * Pass 1 of fitting: over every kept row, the target's classes (labels may come from all rows —
 * knowing a class exists is not leakage); over training rows only, the raw (unclipped) values
 * imputation and clipping need, and a sequence target's token counts (its vocabulary is the
 * decoder's output layer, so words seen only in held-out rows must stay out-of-vocabulary, as
 * they would for a text column). Accumulators of disjoint row subsets (shards, in other
 * processes) merge into one for all of them; `toJSON`/`fromJSON` carry them between processes.
 * Create one with `TransformFitter.createCleaningAccumulator`.
 */
export class CleaningAccumulator {
  private readonly slots: ColumnSlot[];
  private readonly classSet = new Set<string>();
  private readonly targetTokenCounter: BoundedCounter | undefined;
  private readonly targetNormalizer: TextNormalizer | undefined;
  private rowCount = 0;
  private trainRowCount = 0;

  /** An empty accumulator for `plan` (already validated), or one restored from `state`. */
  constructor(
    readonly plan: TransformPlan,
    state?: CleaningAccumulatorState,
  ) {
    const parsed = state === undefined ? undefined : cleaningAccumulatorStateSchema.parse(state);
    if (parsed !== undefined) {
      const names = parsed.columns.map((entry) => entry.column);
      if (JSON.stringify(names) !== JSON.stringify(plan.columns.map((entry) => entry.column))) {
        throw new Error(`cleaning accumulator state is for columns ${JSON.stringify(names)}, not this plan's`);
      }
      this.rowCount = parsed.rows;
      this.trainRowCount = parsed.trainRows;
      for (const label of parsed.classes ?? []) this.classSet.add(label);
      if ((parsed.targetTokens !== undefined) !== (plan.target.task === 'sequence')) {
        throw new Error(`cleaning accumulator state does not match this plan's ${plan.target.task} target`);
      }
    }
    const target = plan.target;
    if (target.task === 'sequence') {
      this.targetTokenCounter = parsed?.targetTokens ? BoundedCounter.fromJSON(parsed.targetTokens) : new BoundedCounter(BoundedCounter.capacityFor(target.vocabularySize));
      // Text columns tokenise with the same normaliser, so a target and its source split words alike.
      this.targetNormalizer = new TextNormalizer(target.normalization);
    }
    this.slots = plan.columns.map((columnPlan, index) => {
      const needs = needsOf(columnPlan);
      const saved = parsed?.columns[index];
      if (saved !== undefined && ((saved.moments !== undefined) !== needs.moments || (saved.sketch !== undefined) !== needs.sketch || (saved.counter !== undefined) !== needs.counter)) {
        throw new Error(`cleaning accumulator state for column "${columnPlan.column}" does not match this plan`);
      }
      const moments = needs.moments ? (saved?.moments ? ExactMoments.fromJSON(saved.moments) : new ExactMoments()) : undefined;
      const sketch = needs.sketch ? (saved?.sketch ? QuantileSketch.fromJSON(saved.sketch) : new QuantileSketch()) : undefined;
      const counter = needs.counter ? (saved?.counter ? BoundedCounter.fromJSON(saved.counter) : new BoundedCounter()) : undefined;
      return slotFor(columnPlan, moments, sketch, counter);
    });
  }

  /** Restores a snapshot made by `toJSON` for the same plan (validated; a snapshot of another plan throws). */
  static fromJSON(plan: TransformPlan, state: CleaningAccumulatorState): CleaningAccumulator {
    return new CleaningAccumulator(plan, state);
  }

  /** Rows added (train or not), over all merged accumulators. */
  get rows(): number {
    return this.rowCount;
  }

  /** Training rows added, over all merged accumulators. */
  get trainRows(): number {
    return this.trainRowCount;
  }

  /** Distinct class labels seen, in byte order (at most maxClasses + 1: more is already an error). */
  get classes(): string[] {
    return [...this.classSet].sort(compareByteOrder);
  }

  /** Token counts of a sequence target over training rows; undefined for other tasks. */
  get targetTokens(): BoundedCounter | undefined {
    return this.targetTokenCounter;
  }

  /** The statistics of the column at `index` in the plan. */
  statistics(index: number): ColumnCleaningStatistics {
    const slot = this.slots[index];
    if (slot === undefined) throw new RangeError(`no column ${index} in the plan`);
    return slot;
  }

  /** Adds one kept row; `isTrain` says whether it belongs to the training split. Unparseable cells throw `InvalidArgumentError`. */
  add(row: RowReader, isTrain: boolean): void {
    const target = this.plan.target;
    const value = row.read(target.column);
    if (target.task === 'classification') {
      const label = classLabelOf(value, row.describe(target.column), target.column);
      if (this.classSet.size <= target.maxClasses) this.classSet.add(label);
    } else if (target.task === 'regression') {
      regressionValueOf(value, row.describe(target.column), target.column);
    } else {
      const text = targetTextOf(value, row.describe(target.column), target.column);
      if (isTrain) for (const token of this.targetNormalizer!.tokens(text)) this.targetTokenCounter!.add(token);
    }
    this.rowCount += 1;
    if (!isTrain) return;
    this.trainRowCount += 1;
    for (const slot of this.slots) slot.add?.(row);
  }

  /** Folds `other` (made for the same plan) into this accumulator. */
  merge(other: CleaningAccumulator): void {
    if (other.slots.length !== this.slots.length) throw new Error('cannot merge cleaning accumulators of different plans');
    this.rowCount += other.rowCount;
    this.trainRowCount += other.trainRowCount;
    for (const label of other.classSet) this.classSet.add(label);
    const target = this.plan.target;
    if (target.task === 'classification' && this.classSet.size > target.maxClasses + 1) {
      // Keep the bound: past maxClasses the exact set no longer matters, only that it is too big.
      const kept = this.classes.slice(0, target.maxClasses + 1);
      this.classSet.clear();
      for (const label of kept) this.classSet.add(label);
    }
    if (this.targetTokenCounter && other.targetTokenCounter) this.targetTokenCounter.merge(other.targetTokenCounter);
    this.slots.forEach((slot, index) => {
      const theirs = other.slots[index]!;
      if (slot.moments && theirs.moments) slot.moments.merge(theirs.moments);
      if (slot.sketch && theirs.sketch) slot.sketch.merge(theirs.sketch);
      if (slot.counter && theirs.counter) slot.counter.merge(theirs.counter);
    });
  }

  /** A JSON-safe snapshot; `TransformFitter.cleaningAccumulatorFromJSON` restores it. */
  toJSON(): CleaningAccumulatorState {
    return {
      format: 'aiaas.transform-cleaning-accumulator/v2',
      rows: this.rowCount,
      trainRows: this.trainRowCount,
      columns: this.slots.map((slot) => ({
        column: slot.plan.column,
        ...(slot.moments ? { moments: slot.moments.toJSON() } : {}),
        ...(slot.sketch ? { sketch: slot.sketch.toJSON() } : {}),
        ...(slot.counter ? { counter: slot.counter.toJSON() } : {}),
      })),
      ...(this.plan.target.task === 'classification' ? { classes: this.classes } : {}),
      ...(this.targetTokenCounter ? { targetTokens: this.targetTokenCounter.toJSON() } : {}),
    };
  }
}
