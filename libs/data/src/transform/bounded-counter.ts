import { z } from 'zod';
import { compareByteOrder } from './compare-byte-order';

/** Keys tracked before pruning when the caller has no better idea. */
export const DEFAULT_COUNTER_CAPACITY = 100_000;

/** What a `BoundedCounter` serialises to, for storing or sending between shard jobs. */
export const boundedCounterStateSchema = z.object({
  capacity: z.number().int().min(2),
  /** False once some key was pruned: counts may then be undercounts and rare keys missing. */
  exact: z.boolean(),
  /** [key, count] pairs, keys in byte order. */
  counts: z.array(z.tuple([z.string(), z.number().int().positive()])),
});
/** A serialised `BoundedCounter`. */
export type BoundedCounterState = z.infer<typeof boundedCounterStateSchema>;

/** Orders [key, count] pairs most frequent first, ties by key in byte order. */
function byCountThenKey(a: readonly [string, number], b: readonly [string, number]): number {
  return b[1] - a[1] || compareByteOrder(a[0], b[0]);
}

/**
 * Counts how often each string occurs, in bounded memory, for vocabularies and modes. Counts are
 * exact until more than `capacity` distinct keys are tracked; then the least frequent half is
 * dropped (ties by byte order, so the result is deterministic) and `exact` turns false: the
 * frequent keys a vocabulary keeps survive, though their counts may then be slight undercounts.
 * Counters of parts of a stream merge into one for the whole (exactly, while no part pruned).
 */
export class BoundedCounter {
  private readonly counts = new Map<string, number>();
  private isExact = true;

  /** `capacity`: distinct keys tracked before pruning (at least 2). */
  constructor(readonly capacity = DEFAULT_COUNTER_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new RangeError(`capacity must be an integer of at least 2, got ${capacity}`);
  }

  /** The capacity to use when the `wanted` most frequent keys are kept in the end: room for 20× as many, at least 100 000. */
  static capacityFor(wanted: number): number {
    return Math.max(DEFAULT_COUNTER_CAPACITY, 20 * wanted);
  }

  /** Restores a state made by `toJSON` (validated). */
  static fromJSON(state: BoundedCounterState): BoundedCounter {
    const parsed = boundedCounterStateSchema.parse(state);
    const counter = new BoundedCounter(parsed.capacity);
    for (const [key, count] of parsed.counts) counter.counts.set(key, (counter.counts.get(key) ?? 0) + count);
    counter.isExact = parsed.exact;
    counter.pruneIfFull();
    return counter;
  }

  /** True while every count is exact (nothing was ever pruned, here or in a merged counter). */
  get exact(): boolean {
    return this.isExact;
  }

  /** Distinct keys tracked. */
  get size(): number {
    return this.counts.size;
  }

  /** The count of `key` (0 when untracked). */
  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Counts `key` `count` more times. */
  add(key: string, count = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
    if (this.counts.size > this.capacity) this.prune();
  }

  /** Folds `other`'s counts into this counter. */
  merge(other: BoundedCounter): void {
    for (const [key, count] of other.counts) this.counts.set(key, (this.counts.get(key) ?? 0) + count);
    if (!other.isExact) this.isExact = false;
    this.pruneIfFull();
  }

  /**
   * The `limit` most frequent keys counted at least `minimum` times, most frequent first, ties
   * by key in byte order.
   */
  top(limit: number, minimum = 1): Array<[string, number]> {
    const kept: Array<[string, number]> = [];
    for (const [key, count] of this.counts) if (count >= minimum) kept.push([key, count]);
    return kept.sort(byCountThenKey).slice(0, limit);
  }

  /** A JSON-safe snapshot (keys in byte order, so equal counters serialise identically). */
  toJSON(): BoundedCounterState {
    const counts = [...this.counts.entries()].sort((a, b) => compareByteOrder(a[0], b[0]));
    return { capacity: this.capacity, exact: this.isExact, counts };
  }

  private pruneIfFull(): void {
    if (this.counts.size > this.capacity) this.prune();
  }

  private prune(): void {
    const kept = [...this.counts.entries()].sort(byCountThenKey).slice(0, Math.floor(this.capacity / 2));
    this.counts.clear();
    for (const [key, count] of kept) this.counts.set(key, count);
    this.isExact = false;
  }
}
