import { z } from 'zod';

export const runningMomentsStateSchema = z.object({
  count: z.number().int().nonnegative(),
  mean: z.number(),
  /** Sum of squared deviations from the mean. */
  m2: z.number().nonnegative(),
  min: z.number().nullable(),
  max: z.number().nullable(),
});
export type RunningMomentsState = z.infer<typeof runningMomentsStateSchema>;

/**
 * Count, mean, variance, min and max of a stream in constant memory (Welford's update), and
 * mergeable across shards (Chan et al.'s pairwise combination), without the cancellation that
 * sum-of-squares formulas suffer on large values such as timestamps.
 */
export class RunningMoments {
  private n = 0;
  private average = 0;
  private m2 = 0;
  private minimum = Infinity;
  private maximum = -Infinity;

  static fromJSON(state: RunningMomentsState): RunningMoments {
    const parsed = runningMomentsStateSchema.parse(state);
    const moments = new RunningMoments();
    moments.n = parsed.count;
    moments.average = parsed.mean;
    moments.m2 = parsed.m2;
    moments.minimum = parsed.min ?? Infinity;
    moments.maximum = parsed.max ?? -Infinity;
    return moments;
  }

  get count(): number {
    return this.n;
  }

  /** 0 when empty. */
  get mean(): number {
    return this.average;
  }

  /** Population variance (divides by n); 0 when empty. */
  get variance(): number {
    return this.n === 0 ? 0 : this.m2 / this.n;
  }

  /** Population standard deviation; 0 when empty. */
  get std(): number {
    return Math.sqrt(this.variance);
  }

  get min(): number | undefined {
    return this.n === 0 ? undefined : this.minimum;
  }

  get max(): number | undefined {
    return this.n === 0 ? undefined : this.maximum;
  }

  add(value: number): void {
    this.n += 1;
    const delta = value - this.average;
    this.average += delta / this.n;
    this.m2 += delta * (value - this.average);
    if (value < this.minimum) this.minimum = value;
    if (value > this.maximum) this.maximum = value;
  }

  merge(other: RunningMoments): void {
    if (other.n === 0) return;
    if (this.n === 0) {
      Object.assign(this, { n: other.n, average: other.average, m2: other.m2, minimum: other.minimum, maximum: other.maximum });
      return;
    }
    const count = this.n + other.n;
    const delta = other.average - this.average;
    this.m2 += other.m2 + (delta * delta * this.n * other.n) / count;
    this.average += (delta * other.n) / count;
    this.n = count;
    this.minimum = Math.min(this.minimum, other.minimum);
    this.maximum = Math.max(this.maximum, other.maximum);
  }

  toJSON(): RunningMomentsState {
    return { count: this.n, mean: this.average, m2: this.m2, min: this.min ?? null, max: this.max ?? null };
  }
}
