import { InvalidArgumentError } from '@aiaas/errors';
import type { MovieLensRating } from './movielens';
import { createSeededRandom } from './seeded-random';
import { standardNormal } from './standard-normal';
import { WeightedSampler } from './weighted-sampler';

/** Options of `generateSyntheticRatings`; every field is optional. */
export interface SyntheticRatingsOptions {
  /** Number of users, ids `"1"`…`"users"`. Default 100. */
  users?: number;
  /** Number of items, ids `"1"`…`"items"`. Default 200. */
  items?: number;
  /** Length of the latent user and item vectors. Default 4. */
  factors?: number;
  /** Distinct items each user rates, at most `items`. Default 20. */
  ratingsPerUser?: number;
  /** Standard deviation of the Gaussian noise added before rounding, in stars. Default 0.5. */
  noise?: number;
  /** Seed of the generator: the same options give the same ratings. Default 1. */
  seed?: number;
  /**
   * Zipf exponent of item popularity: the item of popularity rank r is drawn with weight
   * 1 / r^exponent (ranks are a seeded permutation of the items). 0 draws items uniformly.
   * Default 1.
   */
  popularityExponent?: number;
}

/** The latent model the ratings were drawn from; index i belongs to id `String(i + 1)`. */
export interface SyntheticRatingsGroundTruth {
  /** One latent vector of length `factors` per user. */
  userFactors: Float64Array[];
  /** One latent vector of length `factors` per item. */
  itemFactors: Float64Array[];
  /** Per-user offset from the global mean, in stars. */
  userBias: Float64Array;
  /** Per-item offset from the global mean, in stars. */
  itemBias: Float64Array;
  /** The mean the biases and the interaction are added to (3.5 stars). */
  globalMean: number;
}

/** Ratings with a known latent structure, and that structure. */
export interface SyntheticRatings {
  /** Grouped by user in id order, each user's ratings in time order. */
  ratings: MovieLensRating[];
  /** The parameters the ratings were drawn from. */
  groundTruth: SyntheticRatingsGroundTruth;
}

const GLOBAL_MEAN = 3.5;
const USER_BIAS_SD = 0.4;
const ITEM_BIAS_SD = 0.5;
/** Users start rating somewhere in 2015–2017 (Unix seconds). */
const FIRST_START = Date.UTC(2015, 0, 1) / 1000;
const START_SPREAD = 3 * 365 * 86_400;
/** Mean gap between one user's successive ratings: one hour. */
const MEAN_GAP_SECONDS = 3_600;

function integerOption(name: string, value: number | undefined, fallback: number, min: number): number {
  const resolved = value ?? fallback;
  if (!Number.isSafeInteger(resolved) || resolved < min) throw new InvalidArgumentError(name, `must be a whole number of at least ${min}, got ${resolved}`);
  return resolved;
}

function numberOption(name: string, value: number | undefined, fallback: number): number {
  const resolved = value ?? fallback;
  if (!Number.isFinite(resolved) || resolved < 0) throw new InvalidArgumentError(name, `must be a finite number of at least 0, got ${resolved}`);
  return resolved;
}

function resolveOptions(options: SyntheticRatingsOptions): Required<SyntheticRatingsOptions> {
  const items = integerOption('items', options.items, 200, 1);
  const ratingsPerUser = integerOption('ratingsPerUser', options.ratingsPerUser, 20, 0);
  if (ratingsPerUser > items) throw new InvalidArgumentError('ratingsPerUser', `must be at most items (${items}), got ${ratingsPerUser}`);
  return {
    users: integerOption('users', options.users, 100, 1),
    items,
    factors: integerOption('factors', options.factors, 4, 1),
    ratingsPerUser,
    noise: numberOption('noise', options.noise, 0.5),
    seed: integerOption('seed', options.seed, 1, Number.MIN_SAFE_INTEGER),
    popularityExponent: numberOption('popularityExponent', options.popularityExponent, 1),
  };
}

function normalVector(length: number, sd: number, random: () => number): Float64Array {
  const vector = new Float64Array(length);
  for (let i = 0; i < length; i++) vector[i] = sd * standardNormal(random);
  return vector;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Item sampling weights 1 / rank^exponent, ranks a seeded permutation of the items. */
function popularityWeights(items: number, exponent: number, random: () => number): Float64Array {
  const ranks = Array.from({ length: items }, (_, i) => i + 1);
  for (let i = ranks.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ranks[i], ranks[j]] = [ranks[j]!, ranks[i]!];
  }
  return Float64Array.from(ranks, (rank) => rank ** -exponent);
}

function toStars(value: number): number {
  return Math.min(5, Math.max(0.5, Math.round(value * 2) / 2));
}

/**
 * Ratings drawn from a known matrix-factorisation model, for testing recommenders: rating =
 * clamp(round-to-half-star(globalMean + userBias + itemBias + userFactor · itemFactor + noise),
 * 0.5, 5). Biases are normal (sd 0.4 for users, 0.5 for items), factor components normal with
 * sd factors^-¼ so the interaction term has unit variance whatever `factors` is. Each user
 * rates `ratingsPerUser` distinct items drawn with a Zipf-like popularity skew, at increasing
 * timestamps (a start in 2015–2017, then gaps of about an hour). The ratings have the shape
 * `parseMovieLensRatings` returns, so `toMovieLensCsv` writes them.
 *
 * Deterministic: mulberry32 seeded with `seed`, normals by Box–Muller.
 *
 * @throws InvalidArgumentError naming the option that is out of range.
 */
export function generateSyntheticRatings(options: SyntheticRatingsOptions = {}): SyntheticRatings {
  const { users, items, factors, ratingsPerUser, noise, seed, popularityExponent } = resolveOptions(options);
  const random = createSeededRandom(seed);
  const factorSd = factors ** -0.25;
  const userFactors = Array.from({ length: users }, () => normalVector(factors, factorSd, random));
  const itemFactors = Array.from({ length: items }, () => normalVector(factors, factorSd, random));
  const userBias = normalVector(users, USER_BIAS_SD, random);
  const itemBias = normalVector(items, ITEM_BIAS_SD, random);
  const popularity = new WeightedSampler(popularityWeights(items, popularityExponent, random));

  const ratings: MovieLensRating[] = [];
  for (let user = 0; user < users; user++) {
    let timestamp = FIRST_START + Math.floor(random() * START_SPREAD);
    for (const item of popularity.sample(ratingsPerUser, random)) {
      const value = GLOBAL_MEAN + userBias[user]! + itemBias[item]! + dot(userFactors[user]!, itemFactors[item]!) + noise * standardNormal(random);
      ratings.push({ userId: String(user + 1), itemId: String(item + 1), rating: toStars(value), timestamp });
      timestamp += 1 + Math.floor(-Math.log(1 - random()) * MEAN_GAP_SECONDS);
    }
  }
  return { ratings, groundTruth: { userFactors, itemFactors, userBias, itemBias, globalMean: GLOBAL_MEAN } };
}
