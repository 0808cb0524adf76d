/**
 * Draws distinct indices with probability proportional to fixed weights, one draw after
 * another without replacement, in O(count · log n) per sample: a Fenwick tree of the weights is
 * built once and each sample works on a copy of it.
 */
export class WeightedSampler {
  private readonly tree: Float64Array;
  private readonly topStep: number;

  /** @param weights One non-negative finite weight per index. */
  constructor(private readonly weights: Float64Array) {
    if (weights.some((weight) => !(weight >= 0 && Number.isFinite(weight)))) throw new RangeError('weights must be finite and non-negative');
    const n = weights.length;
    this.tree = new Float64Array(n + 1);
    this.tree.set(weights, 1);
    for (let i = 1; i <= n; i++) {
      const parent = i + (i & -i);
      if (parent <= n) this.tree[parent]! += this.tree[i]!;
    }
    this.topStep = n === 0 ? 0 : 2 ** Math.floor(Math.log2(n));
  }

  /** `count` distinct indices (at most the number of weights) in the order they were drawn. */
  sample(count: number, random: () => number): number[] {
    const n = this.weights.length;
    const tree = this.tree.slice();
    const taken = new Uint8Array(n);
    const drawn: number[] = [];
    while (drawn.length < Math.min(count, n)) {
      const index = this.find(tree, random() * this.prefixSum(tree, n));
      // Rounding can land on an index already taken (or past the end), and weights that
      // underflowed to 0 leave nothing to weigh: take the first free index then.
      const pick = index < n && !taken[index] ? index : this.firstFree(taken);
      taken[pick] = 1;
      drawn.push(pick);
      for (let i = pick + 1; i <= n; i += i & -i) tree[i]! -= this.weights[pick]!;
    }
    return drawn;
  }

  /** The first index not yet taken, preferring one that still has weight. */
  private firstFree(taken: Uint8Array): number {
    let free = -1;
    for (let i = 0; i < taken.length; i++) {
      if (taken[i]) continue;
      if (this.weights[i]! > 0) return i;
      if (free === -1) free = i;
    }
    return free;
  }

  private prefixSum(tree: Float64Array, end: number): number {
    let sum = 0;
    for (let i = end; i > 0; i -= i & -i) sum += tree[i]!;
    return sum;
  }

  /** The 0-based index whose cumulative weight range holds `target`. */
  private find(tree: Float64Array, target: number): number {
    let position = 0;
    let rest = target;
    for (let step = this.topStep; step > 0; step >>= 1) {
      const next = position + step;
      if (next < tree.length && tree[next]! <= rest) {
        position = next;
        rest -= tree[next]!;
      }
    }
    return position;
  }
}
