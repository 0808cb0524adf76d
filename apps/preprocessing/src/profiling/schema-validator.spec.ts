import { InvalidArgumentError } from '@aiaas/errors';
import { declaredColumnSchema, type DeclaredColumn, type RawValue } from '@aiaas/data';
import { SchemaValidator } from './schema-validator';

function declare(...columns: Array<Partial<DeclaredColumn> & Pick<DeclaredColumn, 'name' | 'type'>>): Map<string, DeclaredColumn> {
  return new Map(columns.map((column) => [column.name, declaredColumnSchema.parse(column)]));
}

function validated(names: string[], declared: Map<string, DeclaredColumn>, rows: RawValue[][]): SchemaValidator {
  const validator = new SchemaValidator(names, declared);
  rows.forEach((row, index) => validator.record(row, index + 1));
  return validator;
}

describe('SchemaValidator', () => {
  it('reports values that do not parse as the declared type, with their rows and distinct examples', () => {
    const rows = [['1'], ['x'], ['2'], ['x'], ['y'], ['NA'], [' 3 ']];
    const [anomaly, ...others] = validated(['n'], declare({ name: 'n', type: 'numeric' }), rows).anomalies(rows.length);
    expect(others).toEqual([]);
    expect(anomaly).toMatchObject({ column: 'n', kind: 'type-mismatch', count: 3, rows: [2, 4, 5], examples: ['x', 'y'] });
    expect(anomaly!.description).toContain('"n"');
  });

  it('checks booleans and timestamps by their parsers and accepts anything in categorical, text and id columns', () => {
    const declared = declare({ name: 'b', type: 'boolean' }, { name: 't', type: 'timestamp' }, { name: 'c', type: 'categorical' }, { name: 'i', type: 'id' });
    const rows = [
      ['yes', '2024-01-01', '#', '?!'],
      ['maybe', '2024-02-30', 'anything', 'x y'],
      [true, 'soon', 3, 4],
    ];
    const anomalies = validated(['b', 't', 'c', 'i'], declared, rows).anomalies(rows.length);
    expect(anomalies.map(({ column, kind, rows: at }) => ({ column, kind, rows: at }))).toEqual([
      { column: 'b', kind: 'type-mismatch', rows: [2] },
      { column: 't', kind: 'type-mismatch', rows: [2, 3] },
    ]);
  });

  it('reports values outside the declared categories', () => {
    const rows = [['red'], ['blue'], [' red '], ['Red'], ['blue'], ['']];
    const anomalies = validated(['color'], declare({ name: 'color', type: 'categorical', categories: ['red', 'green'] }), rows).anomalies(rows.length);
    expect(anomalies).toEqual([
      expect.objectContaining({ column: 'color', kind: 'unseen-category', count: 3, rows: [2, 4, 5], examples: ['blue', 'Red'] }),
    ]);
  });

  it('reports numbers and timestamps outside the declared range, bounds included as valid', () => {
    const declared = declare({ name: 'age', type: 'numeric', min: 0, max: 120 }, { name: 'at', type: 'timestamp', min: Date.UTC(2020, 0, 1) });
    const rows = [
      ['0', '2020-01-01'],
      ['120', '2019-12-31T23:59:59Z'],
      ['-1', '2021-06-01'],
      ['121', ''],
    ];
    const anomalies = validated(['age', 'at'], declared, rows).anomalies(rows.length);
    expect(anomalies).toEqual([
      expect.objectContaining({ column: 'age', kind: 'out-of-range', count: 2, rows: [3, 4], examples: ['-1', '121'] }),
      expect.objectContaining({ column: 'at', kind: 'out-of-range', count: 1, rows: [2], examples: ['2019-12-31T23:59:59Z'] }),
    ]);
    expect(anomalies[1]!.description).toContain('2020-01-01T00:00:00.000Z');
  });

  it('reports missing values in a required column, undefined and null cells included', () => {
    const rows: RawValue[][] = [['a'], [''], ['N/A'], [undefined], [null], ['b']];
    const anomalies = validated(['k'], declare({ name: 'k', type: 'categorical', required: true }), rows).anomalies(rows.length);
    expect(anomalies).toEqual([expect.objectContaining({ column: 'k', kind: 'missing-value', count: 4, rows: [2, 3, 4, 5], examples: ['', 'N/A', 'null'] })]);
  });

  it('reports a missing rate above the declared maximum, and none at it', () => {
    const rows = [['1'], [''], ['3'], ['NA'], ['5'], ['6'], ['7'], ['8'], ['9'], ['10']];
    const over = validated(['x'], declare({ name: 'x', type: 'numeric', maxMissingFraction: 0.1 }), rows).anomalies(rows.length);
    expect(over).toEqual([expect.objectContaining({ column: 'x', kind: 'missing-rate', count: 2, rows: [2, 4], examples: ['', 'NA'] })]);
    expect(over[0]!.description).toContain('20%');
    expect(validated(['x'], declare({ name: 'x', type: 'numeric', maxMissingFraction: 0.2 }), rows).anomalies(rows.length)).toEqual([]);
  });

  it('lists at most ten rows and five examples but counts them all', () => {
    const rows = Array.from({ length: 30 }, (_, index) => [`bad${index}`]);
    const [anomaly] = validated(['n'], declare({ name: 'n', type: 'numeric' }), rows).anomalies(rows.length);
    expect(anomaly).toMatchObject({ count: 30, rows: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], examples: ['bad0', 'bad1', 'bad2', 'bad3', 'bad4'] });
  });

  it('orders anomalies by column, then by kind', () => {
    const declared = declare({ name: 'b', type: 'numeric', required: true, categories: ['1', '2', '300'], max: 100 }, { name: 'a', type: 'numeric', required: true });
    const rows: RawValue[][] = [
      ['x', '', 'free'],
      ['', '300', 'free'],
      ['', '7', 'free'],
    ];
    const anomalies = validated(['a', 'b', 'c'], declared, rows).anomalies(rows.length);
    expect(anomalies.map(({ column, kind, rows: at }) => [column, kind, at])).toEqual([
      ['a', 'type-mismatch', [1]],
      ['a', 'missing-value', [2, 3]],
      ['b', 'unseen-category', [3]],
      ['b', 'out-of-range', [2]],
      ['b', 'missing-value', [1]],
    ]);
  });

  it('names the anomalous cells of a row, and returns one shared empty array for a clean row', () => {
    const validator = new SchemaValidator(['a', 'b', 'c'], declare({ name: 'a', type: 'numeric' }, { name: 'c', type: 'boolean', required: true }));
    expect(validator.invalidColumns(['x', 'free', undefined])).toEqual([0, 2]);
    expect(validator.invalidColumns(['1', 'x', 'no'])).toEqual([]);
    expect(validator.invalidColumns(['1', 'x', 'no'])).toBe(validator.invalidColumns(['2', 'y', 'yes']));
  });

  it('counts rows with at least one anomalous cell, whatever their number', () => {
    const validator = validated(['a', 'b'], declare({ name: 'a', type: 'numeric' }, { name: 'b', type: 'numeric' }), [
      ['x', 'y'],
      ['1', '2'],
      ['1', 'z'],
    ]);
    expect(validator.rowsWithAnomalies).toBe(2);
  });

  it('refuses a declared column the dataset does not have, naming the columns it has', () => {
    const attempt = (): SchemaValidator => new SchemaValidator(['a', 'b'], declare({ name: 'x', type: 'numeric' }));
    expect(attempt).toThrow(InvalidArgumentError);
    expect(attempt).toThrow(expect.objectContaining({ field: 'schema.columns["x"]', reason: expect.stringContaining('"a", "b"') }));
  });
});
