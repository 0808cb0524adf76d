import { InvalidArgumentError } from '@aiaas/errors';
import { datasetProfileSchema, declaredColumnSchema, type DeclaredColumn } from '@aiaas/data';
import { DatasetProfiler } from './dataset-profiler';

function declare(...columns: Array<Partial<DeclaredColumn> & Pick<DeclaredColumn, 'name' | 'type'>>): Map<string, DeclaredColumn> {
  return new Map(columns.map((column) => [column.name, declaredColumnSchema.parse(column)]));
}

describe('DatasetProfiler', () => {
  it('profiles a dataset: declared types kept, others inferred, anomalies with their rows', () => {
    const profiler = new DatasetProfiler(['user_id', 'age', 'plan', 'active', 'note'], declare({ name: 'age', type: 'numeric', min: 0 }, { name: 'plan', type: 'categorical', categories: ['free', 'pro'] }));
    const rows = [
      ['1', '34', 'free', 'yes', 'likes the product a lot'],
      ['2', '-3', 'pro', 'no', 'would not recommend it to anyone'],
      ['3', 'old', 'gold', 'yes', ''],
      ['4', '51', 'free'],
    ];
    rows.forEach((row, index) => profiler.add(row, index + 1));
    const profile = profiler.finish();

    expect(() => datasetProfileSchema.parse(profile)).not.toThrow();
    expect(profile.rowCount).toBe(4);
    expect(profiler.rowCount).toBe(4);
    expect(profile.columns.map(({ name, type, inferred }) => [name, type, inferred])).toEqual([
      ['user_id', 'id', true],
      ['age', 'numeric', false],
      ['plan', 'categorical', false],
      ['active', 'boolean', true],
      ['note', 'text', true],
    ]);
    expect(profile.columns[3]).toMatchObject({ count: 4, missing: 1, boolean: { trueCount: 2, falseCount: 1 } });
    expect(profile.columns[1]!.numeric).toMatchObject({ min: -3, max: 51 });
    expect(profile.anomalies.map(({ column, kind, count, rows: at }) => [column, kind, count, at])).toEqual([
      ['age', 'type-mismatch', 1, [3]],
      ['age', 'out-of-range', 1, [2]],
      ['plan', 'unseen-category', 1, [3]],
    ]);
    expect(profile.rowsWithAnomalies).toBe(2);
  });

  it('reports anomalies at the row numbers it is given, not at its own count', () => {
    const profiler = new DatasetProfiler(['n'], declare({ name: 'n', type: 'numeric' }));
    profiler.add(['1'], 1);
    profiler.add(['x'], 5);
    profiler.add(['y'], 9);
    expect(profiler.finish().anomalies).toEqual([expect.objectContaining({ kind: 'type-mismatch', count: 2, rows: [5, 9] })]);
  });

  it('gives an empty dataset a valid profile', () => {
    const profile = new DatasetProfiler(['a'], new Map()).finish();
    expect(datasetProfileSchema.parse(profile)).toEqual({
      format: 'aiaas.dataset-profile/v1',
      rowCount: 0,
      columns: [{ name: 'a', type: 'categorical', inferred: true, count: 0, missing: 0, distinct: { count: 0, exact: true }, topValues: { exact: true, values: [] } }],
      anomalies: [],
      rowsWithAnomalies: 0,
    });
  });

  it('refuses a declared column that is not among the columns, naming the ones there are', () => {
    const attempt = (): DatasetProfiler => new DatasetProfiler(['age', 'plan'], declare({ name: 'agee', type: 'numeric' }));
    expect(attempt).toThrow(InvalidArgumentError);
    expect(attempt).toThrow(expect.objectContaining({ field: 'schema.columns["agee"]', reason: expect.stringMatching(/"age", "plan"/) }));
  });

  it('counts exactly for few distinct values and estimates for many, over a long stream', () => {
    const profiler = new DatasetProfiler(['n', 'c'], new Map());
    for (let row = 1; row <= 50_000; row++) profiler.add([String(row % 997), `c${row}`], row);
    const [numbers, categories] = profiler.finish().columns;
    expect(numbers).toMatchObject({ type: 'numeric', count: 50_000, distinct: { count: 997, exact: true }, numeric: { min: 0, max: 996 } });
    expect(categories!.distinct.exact).toBe(false);
    expect(Math.abs(categories!.distinct.count - 50_000) / 50_000).toBeLessThan(0.02);
    expect(categories!.topValues.exact).toBe(false);
  });
});
