import { createSeededRandom as dataSeededRandom } from '@aiaas/data';
import { createSeededRandom } from './seeded-random';

describe('createSeededRandom', () => {
  it('produces the same stream as the one in @aiaas/data', () => {
    for (const seed of [0, 1, 42, -7, 2 ** 40]) {
      const ours = createSeededRandom(seed);
      const theirs = dataSeededRandom(seed);
      const a = Array.from({ length: 1_000 }, ours);
      expect(a).toEqual(Array.from({ length: 1_000 }, theirs));
    }
  });

  it('returns numbers in [0, 1) that differ between seeds', () => {
    const values = Array.from({ length: 10_000 }, createSeededRandom(3));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(createSeededRandom(3)()).not.toBe(createSeededRandom(4)());
  });
});
