import { createSeededRandom, STATISTICS_QUANTILES, type RawValue } from '@aiaas/data';
import { ColumnProfiler } from './column-profiler';

function profiled(name: string, values: readonly RawValue[], declaredType?: ConstructorParameters<typeof ColumnProfiler>[1]) {
  const profiler = new ColumnProfiler(name, declaredType);
  values.forEach((value) => profiler.add(value));
  return profiler.finish();
}

describe('ColumnProfiler', () => {
  it('computes numeric statistics that match hand-computed values', () => {
    const statistics = profiled('x', ['2', '4', '4', '4', '5', '5', '7', '9', 'NA', '', undefined, '0']);
    expect(statistics).toMatchObject({ name: 'x', type: 'numeric', inferred: true, count: 12, missing: 3 });
    // Present: 0 2 4 4 4 5 5 7 9. Mean 40/9; population variance 232/9 − (40/9)² = 488/81.
    expect(statistics.numeric).toMatchObject({ min: 0, max: 9, zeros: 1 });
    expect(statistics.numeric!.mean).toBeCloseTo(40 / 9, 10);
    expect(statistics.numeric!.std).toBeCloseTo(Math.sqrt(488) / 9, 10);
    expect(statistics.numeric!.quantiles).toHaveLength(STATISTICS_QUANTILES.length);
    expect(statistics.numeric!.quantiles[0]).toBe(0);
    expect(statistics.numeric!.quantiles[50]).toBe(4);
    expect(statistics.numeric!.quantiles[100]).toBe(9);
    expect(statistics.distinct).toEqual({ count: 6, exact: true });
    expect(statistics.topValues.values[0]).toEqual({ value: '4', count: 3 });
    expect(statistics.text).toBeUndefined();
  });

  it('reports quantiles within the sketch rank error on a long stream', () => {
    const random = createSeededRandom(3);
    const values = Array.from({ length: 100_000 }, () => random() * 1000);
    const statistics = profiled('x', values.map((value) => value.toFixed(3)));
    const sorted = values.map((value) => Number(value.toFixed(3))).sort((a, b) => a - b);
    for (const [index, q] of STATISTICS_QUANTILES.entries()) {
      const estimate = statistics.numeric!.quantiles[index]!;
      const rank = sorted.filter((value) => value <= estimate).length / sorted.length;
      expect(Math.abs(rank - q)).toBeLessThan(0.01);
    }
    expect(statistics.distinct.exact).toBe(false);
    expect(Math.abs(statistics.distinct.count - new Set(sorted).size) / new Set(sorted).size).toBeLessThan(0.02);
  });

  it('drops numeric statistics at the first value that is not a number and reports text ones instead', () => {
    const statistics = profiled('amount', ['1', '22', 'three', '4444']);
    expect(statistics.type).toBe('categorical');
    expect(statistics.numeric).toBeUndefined();
    expect(statistics.text).toEqual({
      minLength: 1,
      maxLength: 5,
      meanLength: 12 / 4,
      meanTokens: 1,
      lengthHistogram: [
        { lower: 0, upper: 1, count: 0 },
        { lower: 1, upper: 2, count: 1 },
        { lower: 2, upper: 4, count: 1 },
        { lower: 4, upper: 8, count: 2 },
      ],
    });
  });

  it('counts true and false in a boolean column', () => {
    const statistics = profiled('active', ['yes', 'no', 'YES', 'true', 'n', 'NA']);
    expect(statistics).toMatchObject({ type: 'boolean', missing: 1, boolean: { trueCount: 3, falseCount: 2 } });
    expect(statistics.numeric).toBeUndefined();
    expect(statistics.text).toBeUndefined();
  });

  it('describes timestamps as numbers of milliseconds since the epoch', () => {
    const statistics = profiled('at', ['2024-01-01', '2024-01-03T00:00:00Z']);
    expect(statistics.type).toBe('timestamp');
    expect(statistics.numeric).toMatchObject({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2024, 0, 3), mean: Date.UTC(2024, 0, 2) });
  });

  it('reports text statistics for an id column of integers', () => {
    const statistics = profiled('user_id', ['7', '123', '7']);
    expect(statistics).toMatchObject({ type: 'id', distinct: { count: 2, exact: true }, text: { minLength: 1, maxLength: 3 } });
    expect(statistics.numeric).toBeUndefined();
  });

  it('keeps a declared type and leaves values that do not parse as it out of the typed statistics', () => {
    const statistics = profiled('age', ['30', 'unknown', '50'], 'numeric');
    expect(statistics).toMatchObject({ type: 'numeric', inferred: false, count: 3, missing: 0, numeric: { min: 30, max: 50, mean: 40 } });
    expect(statistics.distinct.count).toBe(3);
  });

  it('counts trimmed values and typed JSON values as their categories', () => {
    const statistics = profiled('c', [' a ', 'a', 1, '1', true, null]);
    expect(statistics.missing).toBe(1);
    expect(statistics.topValues.values).toEqual([
      { value: '1', count: 2 },
      { value: 'a', count: 2 },
      { value: 'true', count: 1 },
    ]);
  });

  it('reports a column with only missing values as categorical without text statistics', () => {
    const statistics = profiled('empty', ['', 'NA', null]);
    expect(statistics).toMatchObject({ type: 'categorical', count: 3, missing: 3, distinct: { count: 0, exact: true } });
    expect(statistics.text).toBeUndefined();
  });
});
