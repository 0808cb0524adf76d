import { createSeededRandom } from './seeded-random';
import { standardNormal } from './standard-normal';

describe('standardNormal', () => {
  it('draws values with mean 0, standard deviation 1 and normal tails', () => {
    const random = createSeededRandom(11);
    const draws = Array.from({ length: 20_000 }, () => standardNormal(random));
    const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((sum, x) => sum + (x - mean) ** 2, 0) / draws.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    // About 4.55% of a normal lies beyond two standard deviations.
    expect(draws.filter((x) => Math.abs(x) > 2).length / draws.length).toBeCloseTo(0.0455, 2);
  });

  it('repeats itself for the same seed', () => {
    const a = createSeededRandom(5);
    const b = createSeededRandom(5);
    expect([standardNormal(a), standardNormal(a)]).toEqual([standardNormal(b), standardNormal(b)]);
  });
});
