import { createSeededRandom } from './seeded-random';
import { WeightedSampler } from './weighted-sampler';

describe('WeightedSampler', () => {
  it('draws each index in proportion to its weight', () => {
    const sampler = new WeightedSampler(Float64Array.from([1, 2, 3, 4]));
    const random = createSeededRandom(1);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[sampler.sample(1, random)[0]!]!++;
    counts.forEach((count, index) => expect(count / 40_000).toBeCloseTo((index + 1) / 10, 1));
  });

  it('never draws an index twice in one sample and never one of weight 0 while others remain', () => {
    const sampler = new WeightedSampler(Float64Array.from([5, 0, 1, 0.5, 2, 0]));
    const random = createSeededRandom(2);
    for (let i = 0; i < 200; i++) {
      const four = sampler.sample(4, random);
      expect(new Set(four).size).toBe(4);
      expect(four.sort()).toEqual([0, 2, 3, 4]);
    }
  });

  it('returns every index once when asked for more than there are', () => {
    const sample = new WeightedSampler(Float64Array.from([1, 0, 3])).sample(10, createSeededRandom(3));
    expect([...sample].sort()).toEqual([0, 1, 2]);
    expect(sample[2]).toBe(1);
  });

  it('tells the second draw from the first by removing the first', () => {
    // With weights 1 and 1000, the heavy index comes first almost always, the light one second.
    const sampler = new WeightedSampler(Float64Array.from([1, 1000]));
    const random = createSeededRandom(4);
    const orders = Array.from({ length: 100 }, () => sampler.sample(2, random).join());
    expect(orders.filter((order) => order === '1,0').length).toBeGreaterThan(95);
  });
});
