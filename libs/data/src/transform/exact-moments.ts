import { z } from 'zod';

/** What `ExactMoments` serialises to, for storing or sending between shard jobs. */
export const exactMomentsStateSchema = z.object({
  count: z.number().int().nonnegative(),
  /** Σx as non-overlapping partial sums, smallest magnitude first. */
  sum: z.array(z.number()),
  /** Σx² the same way (each square split exactly into two doubles). */
  sumOfSquares: z.array(z.number()),
  min: z.number().nullable(),
  max: z.number().nullable(),
});
/** A serialised `ExactMoments`. */
export type ExactMomentsState = z.infer<typeof exactMomentsStateSchema>;

/** Adds `value` exactly to `partials` (Shewchuk's grow-expansion, as in Python's `math.fsum`). */
function addExact(partials: number[], value: number): void {
  let x = value;
  let kept = 0;
  const count = partials.length;
  for (let index = 0; index < count; index++) {
    let y = partials[index]!;
    if (Math.abs(x) < Math.abs(y)) {
      const swap = x;
      x = y;
      y = swap;
    }
    const high = x + y;
    const low = y - (high - x);
    if (low !== 0) partials[kept++] = low;
    x = high;
  }
  if (x !== 0) partials[kept++] = x;
  // pop() rather than assigning length: V8 handles it far faster on this hot path.
  while (partials.length > kept) partials.pop();
}

/** The double nearest to the exact sum of `partials` (ties to even), as `math.fsum` rounds it. */
function roundExact(partials: readonly number[]): number {
  let index = partials.length;
  if (index === 0) return 0;
  let high = partials[--index]!;
  let low = 0;
  while (index > 0) {
    const x = high;
    const y = partials[--index]!;
    high = x + y;
    low = y - (high - x);
    if (low !== 0) break;
  }
  if (index > 0 && ((low < 0 && partials[index - 1]! < 0) || (low > 0 && partials[index - 1]! > 0))) {
    // The remaining partials push a half-way case away from even: round towards them.
    const y = low * 2;
    const x = high + y;
    if (y === x - high) high = x;
  }
  return high;
}

const SPLITTER = 134_217_729; // 2^27 + 1

/** Adds a·b to `partials` exactly, as the two doubles of Dekker's exact product. */
function addProduct(partials: number[], a: number, b: number): void {
  const product = a * b;
  let c = SPLITTER * a;
  const aHigh = c - (c - a);
  const aLow = a - aHigh;
  c = SPLITTER * b;
  const bHigh = c - (c - b);
  const bLow = b - bHigh;
  const error = aHigh * bHigh - product + aHigh * bLow + aLow * bHigh + aLow * bLow;
  addExact(partials, product);
  if (error !== 0) addExact(partials, error);
}

/**
 * Count, mean, population standard deviation, min and max of a stream, mergeable across shards
 * with results that do not depend on how the stream was split or ordered: Σx and Σx² are kept
 * exactly (as floating-point expansions, a handful of doubles each) and rounded once at the end.
 * Welford-style running moments merge only approximately associatively, which would make a
 * transform fitted over shards differ in the last bits from one fitted in a single pass.
 * Values must stay below about 1e150 in magnitude so their squares do not overflow.
 */
export class ExactMoments {
  private n = 0;
  private readonly sum: number[] = [];
  private readonly sumOfSquares: number[] = [];
  private minimum = Infinity;
  private maximum = -Infinity;

  /** Restores a state made by `toJSON` (validated). */
  static fromJSON(state: ExactMomentsState): ExactMoments {
    const parsed = exactMomentsStateSchema.parse(state);
    const moments = new ExactMoments();
    moments.n = parsed.count;
    // Re-adding normalises the expansions, so a hand-edited state cannot break their invariant.
    for (const part of parsed.sum) addExact(moments.sum, part);
    for (const part of parsed.sumOfSquares) addExact(moments.sumOfSquares, part);
    moments.minimum = parsed.min ?? Infinity;
    moments.maximum = parsed.max ?? -Infinity;
    return moments;
  }

  /** Values added, over all merged accumulators. */
  get count(): number {
    return this.n;
  }

  /** Σx/n, correctly rounded; 0 when empty. */
  get mean(): number {
    return this.n === 0 ? 0 : roundExact(this.sum) / this.n;
  }

  /** Population standard deviation, √(nΣx² − (Σx)²)/n with the radicand computed exactly; 0 when empty. */
  get std(): number {
    if (this.n === 0) return 0;
    const radicand: number[] = [];
    for (const part of this.sumOfSquares) addProduct(radicand, part, this.n);
    for (const a of this.sum) for (const b of this.sum) addProduct(radicand, -a, b);
    return Math.sqrt(Math.max(0, roundExact(radicand))) / this.n;
  }

  /** Smallest value added; undefined when empty. */
  get min(): number | undefined {
    return this.n === 0 ? undefined : this.minimum;
  }

  /** Largest value added; undefined when empty. */
  get max(): number | undefined {
    return this.n === 0 ? undefined : this.maximum;
  }

  /** Adds a finite number; anything else is a programming error. */
  add(value: number): void {
    if (!Number.isFinite(value)) throw new RangeError(`moments take finite numbers, got ${value}`);
    this.n += 1;
    addExact(this.sum, value);
    addProduct(this.sumOfSquares, value, value);
    if (value < this.minimum) this.minimum = value;
    if (value > this.maximum) this.maximum = value;
  }

  /** Folds `other` into this accumulator; the result is exactly that of adding its values here. */
  merge(other: ExactMoments): void {
    this.n += other.n;
    for (const part of other.sum) addExact(this.sum, part);
    for (const part of other.sumOfSquares) addExact(this.sumOfSquares, part);
    this.minimum = Math.min(this.minimum, other.minimum);
    this.maximum = Math.max(this.maximum, other.maximum);
  }

  /** A JSON-safe snapshot. */
  toJSON(): ExactMomentsState {
    return {
      count: this.n,
      sum: [...this.sum],
      sumOfSquares: [...this.sumOfSquares],
      min: this.min ?? null,
      max: this.max ?? null,
    };
  }
}
