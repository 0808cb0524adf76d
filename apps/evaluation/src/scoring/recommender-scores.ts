import { createSeededRandom, InteractionSampler, shuffleInPlace, type KnownPairs, type SplitData } from '@aiaas/data';
import { FailedPreconditionError } from '@aiaas/errors';
import { RankingAccumulator, type RankingMetrics } from '@aiaas/metrics';
import type { ModelVersionRecord } from '@aiaas/registry';
import type { MetricValues } from '../blessing-checks';
import { splitInputs } from '../split-inputs';
import type { TaskScores } from './task-scores';
import type { VersionPredictor } from './version-predictor';

/**
 * Added to the training seed for the negatives evaluation pairs with the test interactions:
 * apart from training's per-epoch draws and validation's (seed + 1_000_003), and the same on
 * every run, so re-evaluating a version gives the same metrics.
 */
export const EVALUATION_NEGATIVES_SEED_OFFSET = 2_000_003;
/** The cut-off of the ranking metrics. */
export const RANKING_K = 10;
/** Users ranked at most (a seeded sample beyond): each costs one prediction per catalogue item. */
export const MAX_RANKED_USERS = 500;
/** Pairs predicted at a time while ranking. */
const RANKING_BATCH_PAIRS = 262_144;

const describe = (record: ModelVersionRecord) => `version ${record.version} of ${record.modelName}`;

/** A recommender's user and item ids in a split. */
function idsOf(record: ModelVersionRecord, split: SplitData, name: string): { users: Int32Array; items: Int32Array } {
  const [users, items] = splitInputs(record, split, name);
  if (record.inputs.length !== 2 || !(users instanceof Int32Array) || !(items instanceof Int32Array) || record.inputs[1]?.cardinality === undefined) {
    throw new FailedPreconditionError(
      `${describe(record)} is a recommender, which needs exactly a user and an item id input (int32, with a cardinality); it has ${record.inputs.map((input) => `"${input.name}" (${input.dtype})`).join(', ')}`,
    );
  }
  return { users, items };
}

/**
 * An implicit-feedback recommender's test interactions, each paired with one seeded sampled
 * non-interaction (never a pair of `known` splits), scored as a two-class problem into `scores`.
 * Returns how many interactions there were.
 */
export async function scoreInteractionPairs(
  predictor: VersionPredictor,
  record: ModelVersionRecord,
  test: SplitData,
  known: readonly SplitData[],
  scores: TaskScores,
): Promise<number> {
  const { users, items } = idsOf(record, test, 'test');
  const knownPairs = known.filter((split) => split.rows > 0).map((split): KnownPairs => idsOf(record, split, 'train'));
  const sampler = new InteractionSampler(users, items, test.labels, record.inputs[1]!.cardinality!, 1, record.training.seed + EVALUATION_NEGATIVES_SEED_OFFSET, knownPairs);
  if (sampler.positives === 0) {
    throw new FailedPreconditionError(
      `the test split of ${describe(record)} has no interactions (none of its ${test.rows} rows has ${record.targetColumn} above 0) to evaluate on; rerun the pipeline with a larger test fraction`,
    );
  }
  const pairs = sampler.draw(0);
  const rows = pairs.users.length;
  const outputs = await predictor.predict([pairs.users, pairs.items], rows);
  scores.add({ rows, outputs: outputs.values, outputWidth: outputs.width, labels: Int32Array.from(pairs.labels), labelWidth: 1 });
  return sampler.positives;
}

/** The mean of some labels; MIN_VALUE when there are none, so only positive labels count as relevant. */
function meanOf(labels: Float32Array | Int32Array): number {
  if (labels.length === 0) return Number.MIN_VALUE;
  let sum = 0;
  for (const label of labels) sum += label;
  return sum / labels.length;
}

/** The k best items by score, ties to the lower id, leaving out `excluded`. */
function topItems(scores: Float32Array, offset: number, items: number, excluded: ReadonlySet<number> | undefined): number[] {
  const best: number[] = [];
  for (let item = 1; item < items; item++) {
    if (excluded?.has(item)) continue;
    const score = scores[offset + item - 1]!;
    if (best.length === RANKING_K && score <= scores[offset + best[RANKING_K - 1]! - 1]!) continue;
    let at = best.length;
    while (at > 0 && scores[offset + best[at - 1]! - 1]! < score) at -= 1;
    best.splice(at, 0, item);
    if (best.length > RANKING_K) best.pop();
  }
  return best;
}

/**
 * Top-k ranking quality of a recommender: for each test user with relevant test items (any test
 * interaction for implicit feedback; a rating at or above the training mean for explicit), every
 * catalogue item the user has no training or validation row for is scored, and the k best are
 * compared with the relevant ones. At most MAX_RANKED_USERS users, a seeded sample.
 */
export async function rankingValues(predictor: VersionPredictor, record: ModelVersionRecord, test: SplitData, known: readonly SplitData[]): Promise<MetricValues & { readonly users: number }> {
  const { users, items } = idsOf(record, test, 'test');
  const catalogue = record.inputs[1]!.cardinality!;
  const cut = record.labels === 'interaction' ? Number.MIN_VALUE : meanOf(known[0]?.labels ?? new Float32Array(0));
  const relevant = new Map<number, Set<number>>();
  test.labels.forEach((label, row) => {
    if (label < cut || users[row] === 0) return;
    const set = relevant.get(users[row]!) ?? new Set<number>();
    set.add(items[row]!);
    relevant.set(users[row]!, set);
  });
  const seen = new Map<number, Set<number>>();
  for (const split of known.filter((each) => each.rows > 0)) {
    const ids = idsOf(record, split, 'train');
    ids.users.forEach((user, row) => {
      const set = seen.get(user) ?? new Set<number>();
      set.add(ids.items[row]!);
      seen.set(user, set);
    });
  }
  const ranked = shuffleInPlace([...relevant.keys()].sort((a, b) => a - b), createSeededRandom(record.training.seed + EVALUATION_NEGATIVES_SEED_OFFSET)).slice(0, MAX_RANKED_USERS);
  const accumulator = new RankingAccumulator(RANKING_K, catalogue - 1);
  const usersPerBatch = Math.max(1, Math.floor(RANKING_BATCH_PAIRS / Math.max(1, catalogue - 1)));
  for (let start = 0; start < ranked.length; start += usersPerBatch) {
    const batch = ranked.slice(start, start + usersPerBatch);
    const pairUsers = new Int32Array(batch.length * (catalogue - 1));
    const pairItems = new Int32Array(batch.length * (catalogue - 1));
    batch.forEach((user, index) => {
      for (let item = 1; item < catalogue; item++) {
        pairUsers[index * (catalogue - 1) + item - 1] = user;
        pairItems[index * (catalogue - 1) + item - 1] = item;
      }
    });
    const outputs = await predictor.predict([pairUsers, pairItems], pairUsers.length);
    const scores = outputs.values as Float32Array;
    batch.forEach((user, index) => accumulator.addUser(topItems(scores, index * (catalogue - 1), catalogue, seen.get(user)), relevant.get(user)!));
  }
  if (ranked.length === 0) return { users: 0, metrics: {}, undefinedMetrics: Object.fromEntries(RANKING_NAMES.map((name) => [name, 'no test user has a relevant item'])) };
  return { users: ranked.length, ...rankingMetricValues(accumulator.result()) };
}

const RANKING_NAMES = ['precision_at_k', 'recall_at_k', 'ndcg_at_k', 'map_at_k', 'mrr', 'hit_rate', 'coverage'] as const;

function rankingMetricValues(report: RankingMetrics): MetricValues {
  const values: Record<(typeof RANKING_NAMES)[number], number | null> = {
    precision_at_k: report.precisionAtK,
    recall_at_k: report.recallAtK,
    ndcg_at_k: report.ndcgAtK,
    map_at_k: report.mapAtK,
    mrr: report.mrr,
    hit_rate: report.hitRateAtK,
    coverage: report.coverage,
  };
  const metrics: Record<string, number> = {};
  const undefinedMetrics: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === null) undefinedMetrics[name] = report.undefinedMetrics[name] ?? 'not defined for these users';
    else metrics[name] = value;
  }
  return { metrics, undefinedMetrics };
}
