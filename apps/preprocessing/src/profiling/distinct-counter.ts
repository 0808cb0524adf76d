import { HyperLogLog } from './hyper-log-log';

/** Distinct values counted exactly before the counter switches to an estimate. */
export const EXACT_DISTINCT_LIMIT = 1_000;

/** A distinct count and whether it is exact. */
export interface DistinctCount {
  readonly count: number;
  /** False once the count is a HyperLogLog estimate (about 0.8% standard error). */
  readonly exact: boolean;
}

/**
 * Counts the distinct strings of a stream: exactly, in a set, up to `exactLimit` values; past
 * that it moves them into a HyperLogLog (precision 14, 16 KiB) and estimates from then on.
 */
export class DistinctCounter {
  private values: Set<string> | undefined = new Set<string>();
  private sketch: HyperLogLog | undefined;

  constructor(private readonly exactLimit = EXACT_DISTINCT_LIMIT) {}

  /** Counts one value. */
  add(value: string): void {
    const values = this.values;
    if (values === undefined) {
      this.sketch!.add(value);
      return;
    }
    values.add(value);
    if (values.size > this.exactLimit) {
      const sketch = new HyperLogLog();
      for (const seen of values) sketch.add(seen);
      this.sketch = sketch;
      this.values = undefined;
    }
  }

  /** The count so far. An estimate is never reported below the exact limit it has passed. */
  result(): DistinctCount {
    if (this.values !== undefined) return { count: this.values.size, exact: true };
    return { count: Math.max(this.exactLimit + 1, Math.round(this.sketch!.estimate())), exact: false };
  }
}
