import { BoundedCounter } from './bounded-counter';

function counterOf(keys: readonly string[], capacity?: number): BoundedCounter {
  const counter = new BoundedCounter(capacity);
  keys.forEach((key) => counter.add(key));
  return counter;
}

describe('BoundedCounter', () => {
  it('counts exactly below its capacity and ranks by count, then byte order', () => {
    const counter = counterOf(['b', 'a', 'c', 'a', 'b', 'B', 'a', 'B']);
    expect(counter.exact).toBe(true);
    expect(counter.count('a')).toBe(3);
    expect(counter.count('missing')).toBe(0);
    expect(counter.top(10)).toEqual([['a', 3], ['B', 2], ['b', 2], ['c', 1]]);
    expect(counter.top(2)).toEqual([['a', 3], ['B', 2]]);
    expect(counter.top(10, 2)).toEqual([['a', 3], ['B', 2], ['b', 2]]);
  });

  it('prunes the least frequent half once it tracks more than its capacity, and says counts are approximate', () => {
    const keys = ['x', 'x', 'x', 'x', 'y', 'y', 'y', 'z', 'z', 'a', 'b', 'c'];
    const counter = counterOf(keys, 4);
    expect(counter.exact).toBe(false);
    expect(counter.size).toBeLessThanOrEqual(4);
    expect(counter.top(2).map(([key]) => key)).toEqual(['x', 'y']);
  });

  it('merges shard counters to the counts of the whole stream, through JSON', () => {
    const first = counterOf(['a', 'b', 'a']);
    const second = BoundedCounter.fromJSON(JSON.parse(JSON.stringify(counterOf(['b', 'c', 'b']))));
    first.merge(second);
    expect(first.toJSON()).toEqual(counterOf(['a', 'b', 'a', 'b', 'c', 'b']).toJSON());
    expect(first.exact).toBe(true);
  });

  it('stays approximate after merging a counter that pruned', () => {
    const pruned = counterOf(['a', 'b', 'c', 'd'], 3);
    const exact = counterOf(['a'], 3);
    exact.merge(pruned);
    expect(exact.exact).toBe(false);
  });

  it('sizes capacity at 20 times the wanted keys, at least 100 000', () => {
    expect(BoundedCounter.capacityFor(10)).toBe(100_000);
    expect(BoundedCounter.capacityFor(50_000)).toBe(1_000_000);
  });

  it('rejects a capacity below 2', () => {
    expect(() => new BoundedCounter(1)).toThrow(RangeError);
  });
});
