import { ExactMoments, QuantileSketch, STATISTICS_QUANTILES, type ColumnStatistics } from '@aiaas/data';

/** The numeric part of a column's statistics. */
export type NumericStatistics = NonNullable<ColumnStatistics['numeric']>;

/**
 * Min, max, mean, population standard deviation, zero count and quantiles of a stream of
 * numbers, in constant memory (exact moments and a KLL sketch of under 1% rank error).
 */
export class NumericSummary {
  private readonly moments = new ExactMoments();
  private readonly sketch = new QuantileSketch();
  private zeros = 0;

  /** Numbers added. */
  get count(): number {
    return this.moments.count;
  }

  /** Adds a finite number. */
  add(value: number): void {
    this.moments.add(value);
    this.sketch.add(value);
    if (value === 0) this.zeros += 1;
  }

  /** The statistics; undefined when no number was added. */
  result(): NumericStatistics | undefined {
    const { moments } = this;
    if (moments.count === 0) return undefined;
    return {
      min: moments.min!,
      max: moments.max!,
      mean: moments.mean,
      std: moments.std,
      zeros: this.zeros,
      quantiles: this.sketch.quantiles(STATISTICS_QUANTILES).map((value) => value!),
    };
  }
}
