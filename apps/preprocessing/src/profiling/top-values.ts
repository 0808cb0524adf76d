/** Values tracked at once; more distinct values than this make the counts approximate. */
export const TOP_VALUES_CAPACITY = 1_000;

/** Values reported. */
export const TOP_VALUES_REPORTED = 10;

/** The most frequent values of a stream, most frequent first. */
export interface TopValueCounts {
  /** True while no value was ever evicted: the counts are then exact. */
  readonly exact: boolean;
  readonly values: Array<{ value: string; count: number }>;
}

/**
 * Finds a stream's most frequent strings in bounded memory (Misra–Gries with `capacity`
 * counters). While at most `capacity` distinct values have arrived every count is exact. After
 * that a new value meeting full counters decrements them all, so a count is a lower bound
 * that falls short of the true one by at most (stream length) / (capacity + 1), and every value
 * more frequent than that is guaranteed to be tracked. The decrements cost O(capacity) but
 * happen at most once per `capacity` values, so `add` is O(1) amortised and allocates nothing
 * for values already tracked.
 */
export class TopValues {
  private readonly slots = new Map<string, number>();
  private readonly counts: Float64Array;
  private readonly keys: Array<string | undefined>;
  private readonly freeSlots: number[] = [];
  private used = 0;
  private decrements = 0;

  constructor(private readonly capacity = TOP_VALUES_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < TOP_VALUES_REPORTED) {
      throw new RangeError(`capacity must be an integer of at least ${TOP_VALUES_REPORTED}, got ${capacity}`);
    }
    this.counts = new Float64Array(capacity);
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
  }

  /** Counts one occurrence of `value`. */
  add(value: string): void {
    const slot = this.slots.get(value);
    if (slot !== undefined) {
      this.counts[slot]! += 1;
      return;
    }
    const free = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.used < this.capacity ? this.used++ : -1;
    if (free >= 0) {
      this.slots.set(value, free);
      this.keys[free] = value;
      this.counts[free] = 1;
      return;
    }
    this.decrementAll();
  }

  /** The `TOP_VALUES_REPORTED` most frequent values, ties broken by value so results are stable. */
  result(): TopValueCounts {
    const values: Array<{ value: string; count: number }> = [];
    this.slots.forEach((slot, value) => values.push({ value, count: this.counts[slot]! }));
    values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    return { exact: this.decrements === 0, values: values.slice(0, TOP_VALUES_REPORTED) };
  }

  private decrementAll(): void {
    this.decrements += 1;
    for (let slot = 0; slot < this.used; slot++) {
      const key = this.keys[slot];
      if (key === undefined) continue;
      const count = this.counts[slot]! - 1;
      this.counts[slot] = count;
      if (count === 0) {
        this.slots.delete(key);
        this.keys[slot] = undefined;
        this.freeSlots.push(slot);
      }
    }
  }
}
