import { createSeededRandom } from '@aiaas/data';
import { TopValues } from './top-values';

describe('TopValues', () => {
  it('reports exact counts, most frequent first and ties by value, while nothing was evicted', () => {
    const top = new TopValues();
    for (const value of ['b', 'a', 'c', 'a', 'b', 'a', 'd']) top.add(value);
    expect(top.result()).toEqual({
      exact: true,
      values: [
        { value: 'a', count: 3 },
        { value: 'b', count: 2 },
        { value: 'c', count: 1 },
        { value: 'd', count: 1 },
      ],
    });
  });

  it('reports at most ten values', () => {
    const top = new TopValues();
    for (let value = 0; value < 50; value++) top.add(`v${value}`);
    expect(top.result().values).toHaveLength(10);
    expect(top.result().exact).toBe(true);
  });

  it('finds the heavy hitters of a skewed stream with far more distinct values than counters', () => {
    const random = createSeededRandom(11);
    const top = new TopValues(100);
    const truth = new Map<string, number>();
    for (let row = 0; row < 200_000; row++) {
      // Zipf-like: value k with probability ∝ 1/k over 50,000 values.
      const value = `k${Math.floor(Math.exp(random() * Math.log(50_000)))}`;
      top.add(value);
      truth.set(value, (truth.get(value) ?? 0) + 1);
    }
    const expected = [...truth].sort((a, b) => b[1] - a[1]).slice(0, 5);
    const { exact, values } = top.result();
    expect(exact).toBe(false);
    expect(values.slice(0, 5).map((entry) => entry.value)).toEqual(expected.map(([value]) => value));
    for (const { value, count } of values) {
      // Misra–Gries counts are lower bounds, short by at most n / (capacity + 1).
      expect(count).toBeLessThanOrEqual(truth.get(value)!);
      expect(count).toBeGreaterThanOrEqual(truth.get(value)! - 200_000 / 101);
    }
  });

  it('keeps only as many counters as its capacity on a stream of distinct values', () => {
    const top = new TopValues(10);
    for (let value = 0; value < 1_000; value++) top.add(`v${value}`);
    top.add('v999');
    const { exact, values } = top.result();
    expect(exact).toBe(false);
    expect(values.length).toBeLessThanOrEqual(10);
  });
});
