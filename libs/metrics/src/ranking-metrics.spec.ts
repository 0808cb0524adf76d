import { FailedPreconditionError, InvalidArgumentError } from '@aiaas/errors';
import { RankingAccumulator } from './ranking-metrics';
import type { RankedItem } from './ranking-metrics';

const thrownBy = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

/** scikit-learn's ndcg_score docstring: true relevance [10, 0, 0, 1, 5] for items a..e. */
const docstringGains = new Map<RankedItem, number>([
  ['a', 10],
  ['b', 0],
  ['c', 0],
  ['d', 1],
  ['e', 5],
]);

const ndcgOf = (ranked: string, k: number) => {
  const accumulator = new RankingAccumulator(k);
  accumulator.addUser([...ranked], docstringGains);
  return accumulator.result().ndcgAtK;
};

describe('RankingAccumulator', () => {
  describe('NDCG', () => {
    it("matches scikit-learn's ndcg_score docstring for one query with graded gains", () => {
      // Items ranked by the docstring's scores; full values from the formula Σ gain / log2(rank + 1)
      // over the ideal 10 + 5/log2 3 + 1/2 (a 20-line Python check), the docstring printing 2 digits:
      // scores [.1, .2, .3, 4, 70] rank e, d, c, b, a → 0.69…
      expect(ndcgOf('edcba', 5)).toBeCloseTo(0.6956940443813076, 12);
      // scores [.05, 1.1, 1., .5, .0] rank b, c, d, a, e → 0.49…; with k = 4 → 0.35…
      expect(ndcgOf('bcdae', 5)).toBeCloseTo(0.4936801913773761, 12);
      expect(ndcgOf('bcdae', 4)).toBeCloseTo(0.3520241100634489, 12);
      // "the normalization takes k into account so a perfect answer would still get 1.0"
      expect(ndcgOf('aedbc', 4)).toBe(1);
    });

    it('uses binary gains for a set, and the ideal DCG of the relevant items that fit in k', () => {
      // Relevant {a, b, c}, k = 2, ranked [x, a]: DCG = 1/log2 3; ideal (two of three fit) = 1 + 1/log2 3
      const accumulator = new RankingAccumulator(2);
      accumulator.addUser(['x', 'a'], new Set(['a', 'b', 'c']));
      expect(accumulator.result().ndcgAtK).toBeCloseTo(1 / Math.log2(3) / (1 + 1 / Math.log2(3)), 12);
    });
  });

  describe('precision, recall, MAP, MRR and hit rate', () => {
    // By hand, k = 3:
    //   A ranked x a y | b z, relevant {a, b, c}: 1 hit at rank 2 → P 1/3, R 1/3, AP (1/2)/3, RR 1/2, hit
    //   B ranked p q r,        relevant {p}:       1 hit at rank 1 → P 1/3, R 1,   AP 1/1,     RR 1,   hit
    //   C ranked m n,          relevant {z}:       no hit          → P 0,   R 0,   AP 0,       RR 0
    //   D ranked x s,          relevant {}:        skipped
    const addUsers = (accumulator: RankingAccumulator) => {
      accumulator.addUser(['x', 'a', 'y', 'b', 'z'], new Set(['a', 'b', 'c']));
      accumulator.addUser(['p', 'q', 'r'], new Set(['p']));
      accumulator.addUser(['m', 'n'], new Set(['z']));
      accumulator.addUser(['x', 's'], new Set());
      return accumulator;
    };

    it('averages each over the users with a relevant item', () => {
      const metrics = addUsers(new RankingAccumulator(3, 20)).result();
      expect(metrics.users).toBe(3);
      expect(metrics.usersWithoutRelevant).toBe(1);
      expect(metrics.precisionAtK).toBeCloseTo((1 / 3 + 1 / 3 + 0) / 3, 12);
      expect(metrics.recallAtK).toBeCloseTo((1 / 3 + 1 + 0) / 3, 12);
      expect(metrics.mapAtK).toBeCloseTo((1 / 6 + 1 + 0) / 3, 12);
      expect(metrics.mrr).toBeCloseTo((1 / 2 + 1 + 0) / 3, 12);
      expect(metrics.hitRateAtK).toBeCloseTo(2 / 3, 12);
      // A: DCG 1/log2 3 over ideal 1 + 1/log2 3 + 1/2; B: 1; C: 0
      expect(metrics.ndcgAtK).toBeCloseTo((1 / Math.log2(3) / (1 + 1 / Math.log2(3) + 0.5) + 1) / 3, 12);
      // distinct items in some top 3, D's included: x a y p q r m n s = 9 of 20
      expect(metrics).toMatchObject({ coverage: 9 / 20, catalogSize: 20, distinctItemsRecommended: 9, undefinedMetrics: {} });
    });

    it('divides AP@k by min(|relevant|, k), so a perfect top k scores 1 when more items are relevant', () => {
      const accumulator = new RankingAccumulator(3);
      accumulator.addUser(['a', 'b', 'c', 'd'], new Set(['a', 'b', 'c', 'd', 'e']));
      const metrics = accumulator.result();
      expect(metrics.mapAtK).toBe(1);
      expect(metrics.precisionAtK).toBe(1);
      expect(metrics.recallAtK).toBeCloseTo(3 / 5, 12);
      // AP@3 for hits at ranks 1 and 3 of relevant {a, c}: (1/1 + 2/3) / 2
      const spaced = new RankingAccumulator(3);
      spaced.addUser(['a', 'x', 'c'], new Set(['a', 'c']));
      expect(spaced.result().mapAtK).toBeCloseTo((1 + 2 / 3) / 2, 12);
    });

    it('treats items with gain 0 in a map as not relevant', () => {
      // docstringGains holds b and c at 0: the relevant items are a, d, e.
      const accumulator = new RankingAccumulator(2);
      accumulator.addUser(['b', 'd'], docstringGains);
      const metrics = accumulator.result();
      expect(metrics.precisionAtK).toBe(0.5);
      expect(metrics.recallAtK).toBeCloseTo(1 / 3, 12);
      expect(metrics.mrr).toBe(0.5);
    });

    it('reads only the first k items and divides precision by k even for shorter lists', () => {
      const accumulator = new RankingAccumulator(4);
      accumulator.addUser(['a'], new Set(['a']));
      expect(accumulator.result()).toMatchObject({ precisionAtK: 0.25, recallAtK: 1, mapAtK: 1, mrr: 1, ndcgAtK: 1 });
      // A hit past k counts for nothing.
      const cut = new RankingAccumulator(1);
      cut.addUser(['x', 'a'], new Set(['a']));
      expect(cut.result()).toMatchObject({ precisionAtK: 0, hitRateAtK: 0, mrr: 0, ndcgAtK: 0 });
    });

    it('reports coverage as null without a catalog size', () => {
      const metrics = addUsers(new RankingAccumulator(3)).result();
      expect(metrics.coverage).toBeNull();
      expect(metrics.undefinedMetrics['coverage']).toBe('no catalogSize was given');
    });

    it('merges groups of users into what one accumulator over all of them gives, and survives JSON', () => {
      const whole = addUsers(new RankingAccumulator(3, 20)).result();
      const first = new RankingAccumulator(3, 20);
      first.addUser(['x', 'a', 'y', 'b', 'z'], new Set(['a', 'b', 'c']));
      first.addUser(['x', 's'], new Set());
      const second = new RankingAccumulator(3, 20);
      second.addUser(['p', 'q', 'r'], new Set(['p']));
      second.addUser(['m', 'n'], new Set(['z']));
      const moved = RankingAccumulator.fromJSON(JSON.parse(JSON.stringify(second)));
      const merged = first.merge(moved).result();
      for (const key of ['precisionAtK', 'recallAtK', 'ndcgAtK', 'mapAtK', 'mrr', 'hitRateAtK'] as const) expect(merged[key]).toBeCloseTo(whole[key], 12);
      expect(merged).toMatchObject({ users: 3, usersWithoutRelevant: 1, coverage: 9 / 20 });
      expect(thrownBy(() => first.merge(new RankingAccumulator(5, 20)))).toMatchObject({ field: 'other' });
    });
  });

  describe('bad input', () => {
    it('names an item repeated within the top k, or one that is not an id', () => {
      const accumulator = new RankingAccumulator(3);
      const error = thrownBy(() => accumulator.addUser(['a', 'b', 'a'], new Set(['a'])));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error).toMatchObject({ field: 'ranked[2]', reason: 'item "a" is already at 0; a ranking lists each item once' });
      expect(thrownBy(() => accumulator.addUser(['a', NaN], new Set(['a'])))).toMatchObject({ field: 'ranked[1]' });
      // past k, repeats are never read
      accumulator.addUser(['a', 'b', 'c', 'a'], new Set(['a']));
      // 1 and '1' are different items
      accumulator.addUser([1, '1'], new Set([1]));
    });

    it('names a gain that is negative or not finite', () => {
      const error = thrownBy(() => new RankingAccumulator(3).addUser(['a'], new Map([['a', -1]])));
      expect(error).toMatchObject({ field: 'relevant["a"]', reason: 'gain -1 is not a finite number ≥ 0' });
      expect(thrownBy(() => new RankingAccumulator(3).addUser(['a'], new Map([['a', NaN]])))).toMatchObject({ field: 'relevant["a"]' });
    });

    it('refuses more distinct recommended items than the catalog holds, counting nothing of that user', () => {
      const accumulator = new RankingAccumulator(2, 3);
      accumulator.addUser(['a', 'b'], new Set(['a']));
      expect(thrownBy(() => accumulator.addUser(['c', 'd'], new Set(['c'])))).toMatchObject({ field: 'ranked', reason: '4 distinct items recommended, more than catalogSize 3' });
      expect(accumulator.result()).toMatchObject({ users: 1, distinctItemsRecommended: 2 });
    });

    it('names a bad k or catalog size', () => {
      expect(thrownBy(() => new RankingAccumulator(0))).toMatchObject({ field: 'k' });
      expect(thrownBy(() => new RankingAccumulator(2.5))).toMatchObject({ field: 'k' });
      expect(thrownBy(() => new RankingAccumulator(5, 0))).toMatchObject({ field: 'catalogSize' });
    });

    it('refuses a result over no user with a relevant item', () => {
      expect(() => new RankingAccumulator(5).result()).toThrow(new FailedPreconditionError('ranking metrics need at least one user; no users were added'));
      const accumulator = new RankingAccumulator(5);
      accumulator.addUser(['a'], new Set<RankedItem>());
      accumulator.addUser(['a'], new Map([['a', 0]]));
      expect(() => accumulator.result()).toThrow('ranking metrics need at least one user with a relevant item; the 2 users added had none');
    });

    it('refuses malformed state, naming the field', () => {
      const accumulator = new RankingAccumulator(3, 10);
      accumulator.addUser(['a', 'b'], new Set(['a']));
      const state = accumulator.toJSON();
      expect(thrownBy(() => RankingAccumulator.fromJSON({ ...state, items: ['a', 'a'] }))).toMatchObject({ field: 'state.items[1]' });
      expect(thrownBy(() => RankingAccumulator.fromJSON({ ...state, ndcgSum: 2 }))).toMatchObject({ field: 'state.ndcgSum' });
      expect(thrownBy(() => RankingAccumulator.fromJSON({ ...state, catalogSize: null }))).toMatchObject({ field: 'state.items' });
      expect(RankingAccumulator.fromJSON(JSON.parse(JSON.stringify(state))).result()).toEqual(accumulator.result());
    });
  });
});
