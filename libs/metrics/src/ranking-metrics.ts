import { FailedPreconditionError, InvalidArgumentError } from '@aiaas/errors';
import { StateReader } from './state-reader';

/** An item id: a string or a finite number (1 and '1' are different items). */
export type RankedItem = string | number;

/**
 * What is relevant to one user: a set (every item in it has gain 1) or a map from item to a
 * graded gain ≥ 0. Items absent, and items mapped to 0, are not relevant.
 */
export type Relevance = ReadonlySet<RankedItem> | ReadonlyMap<RankedItem, number>;

/** Largest k a RankingAccumulator takes. */
export const MAX_RANKING_K = 100_000;
const STATE_KIND = 'ranking';
const STATE_VERSION = 1;

/**
 * Top-k recommendation metrics, each the mean over the users with at least one relevant item
 * (users without one are skipped and counted in `usersWithoutRelevant`).
 */
export interface RankingMetrics {
  /** The cut-off. */
  readonly k: number;
  /** Users the means are over: those with at least one relevant item. */
  readonly users: number;
  /** Users added without any relevant item; left out of every mean (but counted for coverage). */
  readonly usersWithoutRelevant: number;
  /** Relevant items in the top k, over k (a list shorter than k still divides by k). */
  readonly precisionAtK: number;
  /** Relevant items in the top k, over the user's relevant items (so below 1 whenever they outnumber k). */
  readonly recallAtK: number;
  /**
   * NDCG@k as scikit-learn's `ndcg_score(k=k)` for one query: DCG = Σ_{i<k} gain(item_i) /
   * log2(i + 2), linear gains (not 2^g − 1), over the ideal DCG of the user's k largest gains.
   */
  readonly ndcgAtK: number;
  /**
   * MAP@k: mean over users of AP@k = Σ_{i<k, item_i relevant} precision@(i+1) / min(|relevant|, k),
   * the common RecSys definition (so a perfect top k scores 1 even when more items are relevant).
   */
  readonly mapAtK: number;
  /** Mean reciprocal rank of the first relevant item in the top k (0 when there is none). */
  readonly mrr: number;
  /** Share of users with at least one relevant item in the top k. */
  readonly hitRateAtK: number;
  /**
   * Distinct items in any user's top k (every user added, with or without relevant items), over
   * `catalogSize`; `null` without a catalog size.
   */
  readonly coverage: number | null;
  /** The catalog size coverage is over; `null` when none was given. */
  readonly catalogSize: number | null;
  /** Distinct items recommended in some top k; `null` without a catalog size (then not tracked). */
  readonly distinctItemsRecommended: number | null;
  /** Every metric that is `null`, and why. */
  readonly undefinedMetrics: Readonly<Record<string, string>>;
}

/** A RankingAccumulator as JSON. */
export interface RankingAccumulatorState {
  readonly kind: typeof STATE_KIND;
  readonly version: typeof STATE_VERSION;
  readonly k: number;
  readonly catalogSize: number | null;
  readonly users: number;
  readonly usersWithoutRelevant: number;
  readonly precisionSum: number;
  readonly recallSum: number;
  readonly ndcgSum: number;
  readonly averagePrecisionSum: number;
  readonly reciprocalRankSum: number;
  readonly hits: number;
  /** Distinct items recommended; `null` without a catalog size. */
  readonly items: readonly RankedItem[] | null;
}

/**
 * Streams users' top-k recommendations against what is relevant to each into the sums of
 * `RankingMetrics`. Memory is O(1) per user; the one part that grows is the set of distinct
 * recommended items kept for coverage, which is only kept when `catalogSize` is given and is
 * then bounded by it (more distinct items than the catalog holds is refused as bad input).
 * Accumulators over groups of users merge into one over all of them.
 */
export class RankingAccumulator {
  /** 1 / log2(i + 2) for i < k. */
  private readonly discounts: Float64Array;
  private readonly items: Set<RankedItem> | null;
  private users = 0;
  private usersWithoutRelevant = 0;
  private precisionSum = 0;
  private recallSum = 0;
  private ndcgSum = 0;
  private averagePrecisionSum = 0;
  private reciprocalRankSum = 0;
  private hits = 0;

  /**
   * @param k the cut-off, an integer in [1, 100000].
   * @param catalogSize how many items could be recommended, an integer ≥ 1; enables coverage.
   * Throws InvalidArgumentError naming the parameter at fault.
   */
  constructor(
    readonly k: number,
    readonly catalogSize?: number,
  ) {
    if (!Number.isInteger(k) || k < 1 || k > MAX_RANKING_K) throw new InvalidArgumentError('k', `expected an integer in [1, ${MAX_RANKING_K}], got ${k}`);
    if (catalogSize !== undefined && (!Number.isSafeInteger(catalogSize) || catalogSize < 1)) {
      throw new InvalidArgumentError('catalogSize', `expected an integer ≥ 1, got ${catalogSize}`);
    }
    this.discounts = Float64Array.from({ length: k }, (_, index) => 1 / Math.log2(index + 2));
    this.items = catalogSize === undefined ? null : new Set();
  }

  /**
   * Counts one user: `ranked` lists the recommended items best first (only the first k are
   * read), `relevant` what is relevant to the user. Nothing is counted unless both are valid.
   *
   * Throws InvalidArgumentError when an item in the top k is not a string or a finite number or
   * appears twice (field `ranked[i]`), when a gain is not a finite number ≥ 0 (field
   * `relevant[item]`), or when coverage would count more distinct items than `catalogSize`
   * (field `ranked`).
   */
  addUser(ranked: readonly RankedItem[], relevant: Relevance): void {
    const top = ranked.slice(0, this.k);
    const seen = new Map<RankedItem, number>();
    top.forEach((item, index) => {
      if (typeof item !== 'string' && !(typeof item === 'number' && Number.isFinite(item))) {
        throw new InvalidArgumentError(`ranked[${index}]`, `${String(item)} is not an item id (a string or a finite number)`);
      }
      const first = seen.get(item);
      if (first !== undefined) throw new InvalidArgumentError(`ranked[${index}]`, `item ${JSON.stringify(item)} is already at ${first}; a ranking lists each item once`);
      seen.set(item, index);
    });

    const gains = 'get' in relevant ? relevant : null;
    const positiveGains: number[] = [];
    if (gains === null) {
      for (let count = 0; count < relevant.size; count++) positiveGains.push(1);
    } else {
      for (const [item, gain] of gains) {
        if (!(Number.isFinite(gain) && gain >= 0)) throw new InvalidArgumentError(`relevant[${JSON.stringify(item)}]`, `gain ${gain} is not a finite number ≥ 0`);
        if (gain > 0) positiveGains.push(gain);
      }
    }
    const gainOf = (item: RankedItem) => (gains === null ? (relevant.has(item) ? 1 : 0) : (gains.get(item) ?? 0));

    if (this.items !== null) {
      const fresh = top.filter((item) => !this.items!.has(item));
      if (this.items.size + fresh.length > this.catalogSize!) {
        throw new InvalidArgumentError('ranked', `${this.items.size + fresh.length} distinct items recommended, more than catalogSize ${this.catalogSize}`);
      }
      for (const item of fresh) this.items.add(item);
    }

    const relevantCount = positiveGains.length;
    if (relevantCount === 0) {
      this.usersWithoutRelevant += 1;
      return;
    }
    let hits = 0;
    let dcg = 0;
    let precisionSum = 0;
    let firstHit = -1;
    top.forEach((item, index) => {
      const gain = gainOf(item);
      if (gain <= 0) return;
      hits += 1;
      dcg += gain * this.discounts[index]!;
      precisionSum += hits / (index + 1);
      if (firstHit < 0) firstHit = index;
    });
    positiveGains.sort((a, b) => b - a);
    let idealDcg = 0;
    for (let index = 0; index < Math.min(this.k, relevantCount); index++) idealDcg += positiveGains[index]! * this.discounts[index]!;

    this.users += 1;
    this.precisionSum += hits / this.k;
    this.recallSum += hits / relevantCount;
    this.ndcgSum += dcg / idealDcg;
    this.averagePrecisionSum += precisionSum / Math.min(relevantCount, this.k);
    this.reciprocalRankSum += firstHit < 0 ? 0 : 1 / (firstHit + 1);
    if (hits > 0) this.hits += 1;
  }

  /**
   * Adds the counts of `other` (left unchanged) to this accumulator's, and returns it. Throws
   * InvalidArgumentError (field `other`) when k or the catalog size differ, or when together they
   * recommended more distinct items than the catalog holds.
   */
  merge(other: RankingAccumulator): this {
    if (other.k !== this.k || other.catalogSize !== this.catalogSize) {
      throw new InvalidArgumentError('other', `cannot merge k=${this.k}, catalogSize=${this.catalogSize} with k=${other.k}, catalogSize=${other.catalogSize}`);
    }
    if (this.items !== null && other.items !== null) {
      const fresh = [...other.items].filter((item) => !this.items!.has(item));
      if (this.items.size + fresh.length > this.catalogSize!) {
        throw new InvalidArgumentError('other', `together ${this.items.size + fresh.length} distinct items were recommended, more than catalogSize ${this.catalogSize}`);
      }
      for (const item of fresh) this.items.add(item);
    }
    this.users += other.users;
    this.usersWithoutRelevant += other.usersWithoutRelevant;
    this.precisionSum += other.precisionSum;
    this.recallSum += other.recallSum;
    this.ndcgSum += other.ndcgSum;
    this.averagePrecisionSum += other.averagePrecisionSum;
    this.reciprocalRankSum += other.reciprocalRankSum;
    this.hits += other.hits;
    return this;
  }

  /**
   * The metrics over every user so far. Throws FailedPreconditionError when no user had a
   * relevant item: the means would be over nobody.
   */
  result(): RankingMetrics {
    const users = this.users;
    if (users === 0) {
      throw new FailedPreconditionError(
        this.usersWithoutRelevant === 0
          ? 'ranking metrics need at least one user; no users were added'
          : `ranking metrics need at least one user with a relevant item; the ${this.usersWithoutRelevant} users added had none`,
      );
    }
    const catalogSize = this.catalogSize ?? null;
    return {
      k: this.k,
      users,
      usersWithoutRelevant: this.usersWithoutRelevant,
      precisionAtK: this.precisionSum / users,
      recallAtK: this.recallSum / users,
      ndcgAtK: this.ndcgSum / users,
      mapAtK: this.averagePrecisionSum / users,
      mrr: this.reciprocalRankSum / users,
      hitRateAtK: this.hits / users,
      coverage: this.items === null ? null : this.items.size / catalogSize!,
      catalogSize,
      distinctItemsRecommended: this.items === null ? null : this.items.size,
      undefinedMetrics: this.items === null ? { coverage: 'no catalogSize was given', distinctItemsRecommended: 'no catalogSize was given, so recommended items are not tracked' } : {},
    };
  }

  /** The counts as JSON; `fromJSON` rebuilds an equal accumulator. */
  toJSON(): RankingAccumulatorState {
    return {
      kind: STATE_KIND,
      version: STATE_VERSION,
      k: this.k,
      catalogSize: this.catalogSize ?? null,
      users: this.users,
      usersWithoutRelevant: this.usersWithoutRelevant,
      precisionSum: this.precisionSum,
      recallSum: this.recallSum,
      ndcgSum: this.ndcgSum,
      averagePrecisionSum: this.averagePrecisionSum,
      reciprocalRankSum: this.reciprocalRankSum,
      hits: this.hits,
      items: this.items === null ? null : [...this.items],
    };
  }

  /** Rebuilds an accumulator from a `toJSON()` result. Throws InvalidArgumentError naming a malformed field. */
  static fromJSON(state: unknown): RankingAccumulator {
    const reader = StateReader.root(state, STATE_KIND, STATE_VERSION);
    const k = reader.integer('k', 1, MAX_RANKING_K);
    const catalogSize = reader.raw('catalogSize') === null ? undefined : reader.integer('catalogSize', 1, Number.MAX_SAFE_INTEGER);
    const accumulator = new RankingAccumulator(k, catalogSize);
    const users = reader.count('users');
    accumulator.users = users;
    accumulator.usersWithoutRelevant = reader.count('usersWithoutRelevant');
    // Every per-user term lies in [0, 1], so each sum lies in [0, users].
    const sum = (key: string) => {
      const value = reader.nonNegative(key);
      if (value > users * (1 + 1e-12)) throw new InvalidArgumentError(`state.${key}`, `${value} exceeds the ${users} users it sums over`);
      return value;
    };
    accumulator.precisionSum = sum('precisionSum');
    accumulator.recallSum = sum('recallSum');
    accumulator.ndcgSum = sum('ndcgSum');
    accumulator.averagePrecisionSum = sum('averagePrecisionSum');
    accumulator.reciprocalRankSum = sum('reciprocalRankSum');
    accumulator.hits = reader.count('hits');
    if (accumulator.hits > users) throw new InvalidArgumentError('state.hits', `${accumulator.hits} exceeds the ${users} users it counts`);
    if (accumulator.items === null) {
      if (reader.raw('items') !== null) throw new InvalidArgumentError('state.items', 'expected null without a catalogSize');
    } else {
      const items = reader.array('items');
      if (items.length > catalogSize!) throw new InvalidArgumentError('state.items', `${items.length} items, more than catalogSize ${catalogSize}`);
      items.forEach((item, index) => {
        if (typeof item !== 'string' && !(typeof item === 'number' && Number.isFinite(item))) throw new InvalidArgumentError(`state.items[${index}]`, 'expected a string or a finite number');
        if (accumulator.items!.has(item)) throw new InvalidArgumentError(`state.items[${index}]`, `${JSON.stringify(item)} is listed twice`);
        accumulator.items!.add(item);
      });
    }
    return accumulator;
  }
}
