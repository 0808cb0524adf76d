/** One bucket of lengths in characters: lower ≤ length < upper. */
export interface LengthBucket {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
}

/** Bucket index of a length: 0 → 0, 1 → 1, 2–3 → 2, 4–7 → 3, … (one more than ⌊log2⌋). */
function bucketOf(length: number): number {
  return 32 - Math.clz32(length);
}

/** Counts lengths in power-of-two buckets [0,1), [1,2), [2,4), [4,8), … in constant memory. */
export class LengthHistogram {
  private readonly counts = new Float64Array(33);

  /** Counts one length (a non-negative integer below 2^32). */
  add(length: number): void {
    this.counts[bucketOf(length)]! += 1;
  }

  /** Buckets from [0,1) up to the highest one holding a length, empty ones between included; [] when empty. */
  buckets(): LengthBucket[] {
    let highest = this.counts.length - 1;
    while (highest >= 0 && this.counts[highest] === 0) highest--;
    const buckets: LengthBucket[] = [];
    for (let index = 0; index <= highest; index++) {
      buckets.push({ lower: index === 0 ? 0 : 2 ** (index - 1), upper: 2 ** index, count: this.counts[index]! });
    }
    return buckets;
  }
}
