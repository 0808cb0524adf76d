import { InteractionSampler } from './interaction-sampler';

describe('InteractionSampler', () => {
  const users = Int32Array.from([1, 1, 2, 3]);
  const items = Int32Array.from([1, 2, 3, 4]);

  it('keeps rows with a target above 0 as interactions and adds the asked number of negatives per interaction', () => {
    const sampler = new InteractionSampler(users, items, [5, 3, 0, 1], 6, 2, 42);
    expect(sampler.positives).toBe(3);
    const pairs = sampler.draw(0);
    expect(Array.from(pairs.labels)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(pairs.users)).toEqual([1, 1, 3, 1, 1, 1, 1, 3, 3]);
    expect(Array.from(pairs.items.subarray(0, 3))).toEqual([1, 2, 4]);
  });

  it('never draws the unknown item or an item the user interacted with', () => {
    const sampler = new InteractionSampler(users, items, [1, 1, 1, 1], 6, 4, 7);
    for (let draw = 0; draw < 20; draw++) {
      const pairs = sampler.draw(draw);
      for (let index = 4; index < pairs.users.length; index++) {
        const [user, item] = [pairs.users[index]!, pairs.items[index]!];
        expect(item).toBeGreaterThanOrEqual(1);
        expect(item).toBeLessThan(6);
        expect(users.some((known, row) => known === user && items[row] === item)).toBe(false);
      }
    }
  });

  it('repeats a draw for the same seed and number, and varies it across numbers', () => {
    const sampler = new InteractionSampler(users, items, [1, 1, 1, 1], 50, 3, 9);
    expect(sampler.draw(3)).toEqual(new InteractionSampler(users, items, [1, 1, 1, 1], 50, 3, 9).draw(3));
    expect(Array.from(sampler.draw(4).items)).not.toEqual(Array.from(sampler.draw(3).items));
  });

  it('never draws a pair known from another split', () => {
    // User 1 has items 1 and 2 here and item 3 in another split: only 4 and 5 are non-interactions.
    const [users, items] = [Int32Array.from([1, 1]), Int32Array.from([1, 2])];
    const known = { users: Int32Array.from([1]), items: Int32Array.from([3]) };
    const withKnown = new InteractionSampler(users, items, [1, 1], 6, 10, 1, [known]).draw(0).items.subarray(2);
    expect(new Set(withKnown)).toEqual(new Set([4, 5]));
    const withoutKnown = new InteractionSampler(users, items, [1, 1], 6, 10, 1).draw(0).items.subarray(2);
    expect(Array.from(withoutKnown)).toContain(3);
  });

  it('refuses rows that do not line up', () => {
    expect(() => new InteractionSampler(users, items, [1], 6, 1, 1)).toThrow(RangeError);
  });
});
