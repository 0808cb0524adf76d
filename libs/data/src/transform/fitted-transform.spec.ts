import { fittedTransformSchema, outputsOf, type ColumnEncoder, type FittedTransform } from './fitted-transform';

const normalization = { lowercase: true, unicode: 'NFKC', stripAccents: false, stripPunctuation: true, removeStopWords: false } as const;
const columns: ColumnEncoder[] = [
  { type: 'numeric', column: 'x', encoding: 'bucketize', impute: 0, boundaries: [1, 2] },
  { type: 'categorical', column: 'c', encoding: 'index', vocabulary: ['a'], exactCounts: true },
  { type: 'text', column: 't', encoding: 'tf-idf', vocabulary: ['w'], idf: [1, 1], normalization, exactCounts: true },
  { type: 'text', column: 's', encoding: 'sequence', vocabulary: ['w'], normalization, exactCounts: true, sequenceLength: 5, padding: 'post', truncation: 'pre' },
  { type: 'id', column: 'u', encoding: 'index', ids: ['u1'] },
];
const valid: FittedTransform = {
  format: 'aiaas.transform/v2',
  columns,
  target: { column: 'y', task: 'regression' },
  inputColumns: ['x', 'c', 't', 's', 'u'],
  outputs: outputsOf(columns),
  trainRows: 3,
};

describe('outputsOf', () => {
  it('puts dense slots in one float32 features output, then one int32 output per index or sequence column', () => {
    expect(outputsOf(columns)).toEqual([
      { name: 'features', dtype: 'float32', width: 3 + 2 },
      { name: 'c', dtype: 'int32', width: 1 },
      { name: 's', dtype: 'int32', width: 5 },
      { name: 'u', dtype: 'int32', width: 1 },
    ]);
  });

  it('omits features when no column is dense', () => {
    expect(outputsOf([columns[4]!])).toEqual([{ name: 'u', dtype: 'int32', width: 1 }]);
  });
});

describe('fittedTransformSchema', () => {
  it('accepts a consistent artifact', () => {
    expect(fittedTransformSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['outputs that disagree with the encoders', { outputs: [{ name: 'features', dtype: 'float32', width: 4 }] }, 'outputs'],
    ['input columns that disagree with the encoders', { inputColumns: ['x'] }, 'inputColumns'],
    ['a missing idf weight', { columns: columns.map((column) => (column.column === 't' ? { ...column, idf: [1] } : column)) }, 'columns'],
    ['a classification target with one class', { target: { column: 'y', task: 'classification', classes: ['a'] } }, 'target'],
    ['another format', { format: 'aiaas.tabular-transform/v1' }, 'format'],
    ['bucket boundaries out of order', { columns: [{ ...columns[0]!, boundaries: [2, 1] }, ...columns.slice(1)] }, 'columns'],
  ])('rejects %s', (_, change, path) => {
    const result = fittedTransformSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(path);
  });

  it('rejects a text column that removes stop words when the artifact stores none', () => {
    const removing = columns.map((column) => (column.type === 'text' ? { ...column, normalization: { ...normalization, removeStopWords: true } } : column));
    expect(fittedTransformSchema.safeParse({ ...valid, columns: removing }).success).toBe(false);
    expect(fittedTransformSchema.safeParse({ ...valid, columns: removing, stopWords: ['the'] }).success).toBe(true);
  });
});
