import { InvalidArgumentError } from '@aiaas/errors';
import { parseMovieLensRatings, toMovieLensCsv, type MovieLensRating } from './movielens';
import { createSeededRandom } from './seeded-random';
import { generateSyntheticRatings, type SyntheticRatingsGroundTruth } from './synthetic-ratings';

function correlation(a: readonly number[], b: readonly number[]): number {
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const [meanA, meanB] = [mean(a), mean(b)];
  let covariance = 0;
  let varianceA = 0;
  let varianceB = 0;
  a.forEach((value, i) => {
    covariance += (value - meanA) * (b[i]! - meanB);
    varianceA += (value - meanA) ** 2;
    varianceB += (b[i]! - meanB) ** 2;
  });
  return covariance / Math.sqrt(varianceA * varianceB);
}

function dot(a: Float64Array, b: Float64Array): number {
  return a.reduce((sum, value, i) => sum + value * b[i]!, 0);
}

/** The noiseless model prediction for each rating, with user factors looked up through `userOf`. */
function predictions(ratings: readonly MovieLensRating[], truth: SyntheticRatingsGroundTruth, userOf: (user: number) => number = (user) => user): number[] {
  return ratings.map(({ userId, itemId }) => {
    const [user, item] = [Number(userId) - 1, Number(itemId) - 1];
    return truth.globalMean + truth.userBias[user]! + truth.itemBias[item]! + dot(truth.userFactors[userOf(user)]!, truth.itemFactors[item]!);
  });
}

/** A seeded permutation of 0…n-1. */
function permutation(n: number, seed: number): number[] {
  const random = createSeededRandom(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

const OPTIONS = { users: 150, items: 250, factors: 5, ratingsPerUser: 25, noise: 0.5, seed: 7 };

describe('generateSyntheticRatings', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const first = generateSyntheticRatings(OPTIONS);
    expect(generateSyntheticRatings(OPTIONS)).toEqual(first);
    expect(generateSyntheticRatings({ ...OPTIONS, seed: 8 }).ratings).not.toEqual(first.ratings);
  });

  it('gives each user ratingsPerUser distinct items, in half stars from 0.5 to 5, at increasing times', () => {
    const { ratings } = generateSyntheticRatings(OPTIONS);
    expect(ratings).toHaveLength(150 * 25);
    expect(ratings.every(({ rating }) => rating >= 0.5 && rating <= 5 && Number.isInteger(rating * 2))).toBe(true);
    const byUser = new Map<string, MovieLensRating[]>();
    for (const rating of ratings) byUser.set(rating.userId, [...(byUser.get(rating.userId) ?? []), rating]);
    expect([...byUser.keys()]).toEqual(Array.from({ length: 150 }, (_, i) => String(i + 1)));
    for (const own of byUser.values()) {
      expect(new Set(own.map((rating) => rating.itemId)).size).toBe(25);
      expect(own.every((rating, i) => i === 0 || rating.timestamp > own[i - 1]!.timestamp)).toBe(true);
      expect(own.every((rating) => Number.isInteger(rating.timestamp) && rating.timestamp >= Date.UTC(2015, 0, 1) / 1000)).toBe(true);
    }
  });

  it('returns ground truth of the requested sizes', () => {
    const { groundTruth } = generateSyntheticRatings(OPTIONS);
    expect(groundTruth.userFactors).toHaveLength(150);
    expect(groundTruth.itemFactors).toHaveLength(250);
    expect(groundTruth.userFactors.every((factors) => factors instanceof Float64Array && factors.length === 5)).toBe(true);
    expect(groundTruth.itemBias).toHaveLength(250);
    expect(groundTruth.userBias).toHaveLength(150);
    expect(groundTruth.globalMean).toBe(3.5);
  });

  it('draws ratings from its ground truth: the noiseless model correlates strongly, shuffled user factors do not', () => {
    const { ratings, groundTruth } = generateSyntheticRatings(OPTIONS);
    const actual = ratings.map((rating) => rating.rating);
    expect(correlation(predictions(ratings, groundTruth), actual)).toBeGreaterThan(0.8);
    const shuffled = permutation(150, 1);
    expect(correlation(predictions(ratings, groundTruth, (user) => shuffled[user]!), actual)).toBeLessThan(0.4);

    // The factor term alone explains what the biases leave, and only with the right users.
    const residual = ratings.map(({ userId, itemId, rating }) => rating - groundTruth.globalMean - groundTruth.userBias[Number(userId) - 1]! - groundTruth.itemBias[Number(itemId) - 1]!);
    const interaction = (userOf: (user: number) => number) => ratings.map(({ userId, itemId }) => dot(groundTruth.userFactors[userOf(Number(userId) - 1)]!, groundTruth.itemFactors[Number(itemId) - 1]!));
    expect(correlation(interaction((user) => user), residual)).toBeGreaterThan(0.75);
    expect(Math.abs(correlation(interaction((user) => shuffled[user]!), residual))).toBeLessThan(0.1);
  });

  it('weakens the structure as noise grows', () => {
    const fit = (noise: number) => {
      const { ratings, groundTruth } = generateSyntheticRatings({ ...OPTIONS, noise });
      return correlation(
        predictions(ratings, groundTruth),
        ratings.map((rating) => rating.rating),
      );
    };
    expect(fit(0)).toBeGreaterThan(0.95);
    expect(fit(2)).toBeLessThan(0.6);
  });

  it('skews ratings toward popular items, and spreads them evenly with exponent 0', () => {
    const share = (popularityExponent: number) => {
      const counts = new Map<string, number>();
      const { ratings } = generateSyntheticRatings({ ...OPTIONS, popularityExponent });
      for (const { itemId } of ratings) counts.set(itemId, (counts.get(itemId) ?? 0) + 1);
      const top = [...counts.values()].sort((a, b) => b - a).slice(0, 25);
      return top.reduce((sum, count) => sum + count, 0) / ratings.length;
    };
    // The 10% most rated items: about 10% of ratings if uniform, far more with Zipf skew.
    expect(share(1)).toBeGreaterThan(0.35);
    expect(share(0)).toBeLessThan(0.15);
  });

  it('writes through the MovieLens CSV writer and parses back', () => {
    const { ratings } = generateSyntheticRatings({ users: 5, items: 10, ratingsPerUser: 4 });
    expect(parseMovieLensRatings(toMovieLensCsv(ratings))).toEqual(ratings);
  });

  it('rejects options out of range, naming them', () => {
    expect(() => generateSyntheticRatings({ users: 0 })).toThrow(InvalidArgumentError);
    expect(() => generateSyntheticRatings({ items: 3, ratingsPerUser: 4 })).toThrow(/invalid ratingsPerUser/);
    expect(() => generateSyntheticRatings({ factors: 1.5 })).toThrow(/invalid factors/);
    expect(() => generateSyntheticRatings({ noise: -1 })).toThrow(/invalid noise/);
    expect(() => generateSyntheticRatings({ popularityExponent: Number.NaN })).toThrow(/invalid popularityExponent/);
  });
});
