import { z } from 'zod';

/** What a sketch serialises to, for storing or sending between shard jobs. */
export const quantileSketchStateSchema = z.object({
  k: z.number().int().min(8),
  count: z.number().int().nonnegative(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  compactions: z.number().int().nonnegative(),
  levels: z.array(z.array(z.number())),
});
export type QuantileSketchState = z.infer<typeof quantileSketchStateSchema>;

/**
 * A fair coin for the n-th compaction: KLL's random choice of which half to keep, made
 * deterministic by hashing the count (alternating strictly biases the error).
 */
function coinFlip(n: number): number {
  let hash = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) & 1;
}

/** The least room a level gets: more means fewer, larger compactions (and slightly more memory). */
const MIN_LEVEL_CAPACITY = 32;

/**
 * Level h may hold this many items; lower levels get geometrically less room (KLL's 2/3), but
 * never less than MIN_LEVEL_CAPACITY, so that adding is not a compaction every few values.
 */
function capacityOf(k: number, level: number, height: number): number {
  return Math.max(MIN_LEVEL_CAPACITY, Math.ceil(k * Math.pow(2 / 3, height - 1 - level)));
}

/**
 * Approximate quantiles of a stream of numbers in bounded memory (a KLL sketch): about 3k
 * numbers whatever the stream's length, with a typical rank error near 1.7/k (about 0.4% at
 * the default k = 400; the worst of many quantiles about twice that). Sketches of parts of a
 * stream merge into a sketch of the whole, so shard jobs can each summarise their rows. The coin that picks which half a compaction keeps is a hash of
 * the compaction count, so the same input in the same order always gives the same answers.
 */
export class QuantileSketch {
  private levels: number[][] = [[]];
  /** capacityOf for each level at the current height; recomputed when the height changes. */
  private capacities: number[] = [];
  private total = 0;
  private minimum = Infinity;
  private maximum = -Infinity;
  private compactions = 0;

  constructor(readonly k = 400) {
    if (!Number.isInteger(k) || k < 8) throw new RangeError(`k must be an integer of at least 8, got ${k}`);
  }

  static fromJSON(state: QuantileSketchState): QuantileSketch {
    const parsed = quantileSketchStateSchema.parse(state);
    const sketch = new QuantileSketch(parsed.k);
    sketch.levels = parsed.levels.length > 0 ? parsed.levels.map((level) => [...level]) : [[]];
    sketch.total = parsed.count;
    sketch.minimum = parsed.min ?? Infinity;
    sketch.maximum = parsed.max ?? -Infinity;
    sketch.compactions = parsed.compactions;
    return sketch;
  }

  /** Numbers added, over all merged sketches. */
  get count(): number {
    return this.total;
  }

  /** Smallest number added; undefined for an empty sketch. */
  get min(): number | undefined {
    return this.total === 0 ? undefined : this.minimum;
  }

  /** Largest number added; undefined for an empty sketch. */
  get max(): number | undefined {
    return this.total === 0 ? undefined : this.maximum;
  }

  /** Adds a finite number; anything else is a programming error. */
  add(value: number): void {
    if (!Number.isFinite(value)) throw new RangeError(`a quantile sketch takes finite numbers, got ${value}`);
    this.levels[0]!.push(value);
    this.total += 1;
    if (value < this.minimum) this.minimum = value;
    if (value > this.maximum) this.maximum = value;
    if (this.levels[0]!.length >= this.capacity(0)) this.compress();
  }

  private capacity(level: number): number {
    if (this.capacities.length !== this.levels.length) {
      this.capacities = this.levels.map((_, index) => capacityOf(this.k, index, this.levels.length));
    }
    return this.capacities[level]!;
  }

  /** Folds `other` (built with the same k) into this sketch. */
  merge(other: QuantileSketch): void {
    if (other.k !== this.k) throw new RangeError(`cannot merge a sketch with k=${other.k} into one with k=${this.k}`);
    if (other.total === 0) return;
    other.levels.forEach((level, height) => {
      while (this.levels.length <= height) this.levels.push([]);
      this.levels[height]!.push(...level);
    });
    this.total += other.total;
    this.minimum = Math.min(this.minimum, other.minimum);
    this.maximum = Math.max(this.maximum, other.maximum);
    this.compactions += other.compactions;
    this.compress();
  }

  /**
   * The value at quantile `q` in [0, 1]: the smallest retained value whose estimated rank
   * reaches q·count. q = 0 and q = 1 give the exact minimum and maximum. Undefined when empty.
   */
  quantile(q: number): number | undefined {
    return this.quantiles([q])[0];
  }

  /** Several quantiles at once (one sort). */
  quantiles(qs: readonly number[]): Array<number | undefined> {
    for (const q of qs) if (!(q >= 0 && q <= 1)) throw new RangeError(`quantiles are in [0, 1], got ${q}`);
    if (this.total === 0) return qs.map(() => undefined);
    const weighted: Array<[number, number]> = [];
    this.levels.forEach((level, height) => {
      const weight = 2 ** height;
      for (const value of level) weighted.push([value, weight]);
    });
    weighted.sort((a, b) => a[0] - b[0]);
    const retainedWeight = weighted.reduce((sum, [, weight]) => sum + weight, 0);
    return qs.map((q) => {
      if (q === 0) return this.minimum;
      if (q === 1) return this.maximum;
      const target = q * retainedWeight;
      let cumulative = 0;
      for (const [value, weight] of weighted) {
        cumulative += weight;
        if (cumulative >= target) return value;
      }
      return this.maximum;
    });
  }

  toJSON(): QuantileSketchState {
    return {
      k: this.k,
      count: this.total,
      min: this.total === 0 ? null : this.minimum,
      max: this.total === 0 ? null : this.maximum,
      compactions: this.compactions,
      levels: this.levels.map((level) => [...level]),
    };
  }

  private compress(): void {
    for (let height = 0; height < this.levels.length; height++) {
      const level = this.levels[height]!;
      if (level.length < this.capacity(height)) continue;
      if (height + 1 === this.levels.length) this.levels.push([]);
      level.sort((a, b) => a - b);
      // An odd item out stays behind so the promoted half represents an even number of items.
      const leftover = level.length % 2 === 1 ? level.pop() : undefined;
      const offset = coinFlip(this.compactions);
      this.compactions += 1;
      const promoted = this.levels[height + 1]!;
      for (let index = offset; index < level.length; index += 2) promoted.push(level[index]!);
      this.levels[height] = leftover === undefined ? [] : [leftover];
    }
  }
}
