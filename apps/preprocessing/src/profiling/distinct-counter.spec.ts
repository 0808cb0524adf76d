import { DistinctCounter, EXACT_DISTINCT_LIMIT } from './distinct-counter';

describe('DistinctCounter', () => {
  it('counts exactly up to the limit, however often values repeat', () => {
    const counter = new DistinctCounter();
    for (let round = 0; round < 3; round++) for (let value = 0; value < EXACT_DISTINCT_LIMIT; value++) counter.add(`v${value}`);
    expect(counter.result()).toEqual({ count: EXACT_DISTINCT_LIMIT, exact: true });
  });

  it('counts nothing as zero, exactly', () => {
    expect(new DistinctCounter().result()).toEqual({ count: 0, exact: true });
  });

  it('switches to an estimate at the first value past the limit, never reporting less than the limit plus one', () => {
    const counter = new DistinctCounter(10);
    for (let value = 0; value < 11; value++) counter.add(`v${value}`);
    expect(counter.result()).toEqual({ count: 11, exact: false });
  });

  it.each([100_000, 1_000_000])('estimates %i distinct values within 2%', (distinct) => {
    const counter = new DistinctCounter();
    for (let value = 0; value < distinct; value++) counter.add(`row-${value}`);
    const { count, exact } = counter.result();
    expect(exact).toBe(false);
    expect(Math.abs(count - distinct) / distinct).toBeLessThan(0.02);
  });
});
