import { InvalidArgumentError } from '@aiaas/errors';
import type { RawValue } from '../raw-values';
import { fittedTransformSchema, outputContents, type FittedTransform } from './fitted-transform';
import { fitRows, recordReader, type TestRecord } from './rows.test-helpers';
import { TransformFitter } from './transform-fitter';
import { createEncodedBatch, encodeRecords, TransformEncoder } from './transform-encoder';
import type { ColumnPlan, TransformPlanInput } from './transform-plan';

type ColumnPlanInput = TransformPlanInput['columns'][number];

const target = { column: 'label', task: 'classification' } as const;

/** Fits one column on `train` values (labels alternate a/b). */
function fitColumn(column: ColumnPlanInput, train: readonly RawValue[], extra: Partial<TransformPlanInput> = {}): FittedTransform {
  const records = train.map((value, i) => ({ [column.column]: value, label: i % 2 === 0 ? 'a' : 'b' }));
  return new TransformFitter({ columns: [column], target, ...extra }).fit(fitRows(records));
}

/** Encodes single-column records. */
function encode(transform: FittedTransform, column: string, values: readonly RawValue[]) {
  return encodeRecords(transform, values.map((value) => ({ [column]: value })), (row, name) => row[name], (i, name) => `records[${i}].fields.${name}`);
}

function features(transform: FittedTransform, column: string, values: readonly RawValue[]): number[][] {
  const batch = encode(transform, column, values);
  const width = transform.outputs[0]!.width;
  const flat = Array.from(batch.tensors.features!);
  return values.map((_, row) => flat.slice(row * width, (row + 1) * width));
}

function ints(transform: FittedTransform, column: string, values: readonly RawValue[]): number[] {
  return Array.from(encode(transform, column, values).tensors[column]!);
}

const f32 = (values: readonly number[]) => values.map((value) => Math.fround(value));

describe('TransformEncoder numeric encodings', () => {
  it('standardises with the training mean and population std, imputing the mean', () => {
    const transform = fitColumn({ column: 'x', type: 'numeric' }, [1, 2, 3, 6]);
    expect(transform.columns[0]).toMatchObject({ encoding: 'standardize', mean: 3, std: Math.sqrt(3.5) });
    expect(features(transform, 'x', [5, null, '1'])).toEqual([f32([2 / Math.sqrt(3.5)]), [0], f32([-2 / Math.sqrt(3.5)])]);
  });

  it('uses std 1 for a constant column', () => {
    const transform = fitColumn({ column: 'x', type: 'numeric' }, [4, 4, 4]);
    expect(transform.columns[0]).toMatchObject({ mean: 4, std: 1 });
    expect(features(transform, 'x', [6])).toEqual([[2]]);
  });

  it('scales min-max without clamping, and to 0 when the range is 0', () => {
    expect(features(fitColumn({ column: 'x', type: 'numeric', encoding: 'min-max' }, [2, 4, 10]), 'x', [6, 12, 2])).toEqual([[0.5], [1.25], [0]]);
    expect(features(fitColumn({ column: 'x', type: 'numeric', encoding: 'min-max' }, [3, 3]), 'x', [3, 9])).toEqual([[0], [0]]);
  });

  it('passes values through unscaled with encoding none, after clipping', () => {
    const transform = fitColumn({ column: 'x', type: 'numeric', encoding: 'none', clip: { method: 'quantile', lower: 0.25, upper: 0.75 } }, [1, 2, 3, 4, 5, 6, 7, 8]);
    expect(transform.columns[0]).toMatchObject({ clip: { lower: 2, upper: 6 } });
    expect(features(transform, 'x', [0, 4.5, 100, null])).toEqual([[2], [4.5], [6], [4.5]]);
  });

  it('bucketizes by how many quantile boundaries are <= the value', () => {
    const transform = fitColumn({ column: 'x', type: 'numeric', encoding: 'bucketize', buckets: 4 }, [1, 2, 3, 4, 5, 6, 7, 8]);
    expect(transform.columns[0]).toMatchObject({ boundaries: [2, 4, 6] });
    expect(transform.outputs).toEqual([{ name: 'features', dtype: 'float32', width: 4 }]);
    expect(features(transform, 'x', [1, 2, 5, 6, 100])).toEqual([
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 1],
    ]);
  });

  it('drops repeated bucket boundaries', () => {
    const transform = fitColumn({ column: 'x', type: 'numeric', encoding: 'bucketize', buckets: 4 }, [1, 1, 1, 1, 1, 1, 2, 3]);
    expect(transform.columns[0]).toMatchObject({ boundaries: [1] });
    expect(features(transform, 'x', [0, 1, 3])).toEqual([
      [1, 0],
      [0, 1],
      [0, 1],
    ]);
  });

  it('encodes timestamps as epoch seconds, imputing the median', () => {
    const transform = fitColumn({ column: 't', type: 'timestamp' }, ['2024-01-01T00:00:00Z', '2024-01-01T00:00:10Z']);
    expect(transform.columns[0]).toMatchObject({ impute: 1_704_067_200, mean: 1_704_067_205, std: 5 });
    expect(features(transform, 't', ['2024-01-01T00:00:20Z', '2024-01-01 01:00:20+01:00', null])).toEqual([[3], [3], [-1]]);
  });

  it('encodes booleans as 1 and 0, imputing the training mode', () => {
    const transform = fitColumn({ column: 'b', type: 'boolean' }, ['yes', 'no', 'Y']);
    expect(features(transform, 'b', [true, 'F', 0, null])).toEqual([[1], [0], [0], [1]]);
  });
});

describe('TransformEncoder categorical encodings', () => {
  const train = ['a', 'b', 'a', 'c', 'b', 'a', 'd', 'B', 'B'];

  it('one-hot encodes the most frequent categories, ties in byte order, with a last slot for unseen and missing', () => {
    const transform = fitColumn({ column: 'c', type: 'categorical', maxVocabulary: 4 }, train);
    expect(transform.columns[0]).toMatchObject({ vocabulary: ['a', 'B', 'b', 'c'], exactCounts: true });
    expect(features(transform, 'c', ['b', ' a ', 'd', 'zzz', null])).toEqual([
      [0, 0, 1, 0, 0],
      [1, 0, 0, 0, 0],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 1],
    ]);
  });

  it('keeps only categories seen at least minFrequency times', () => {
    expect(fitColumn({ column: 'c', type: 'categorical', minFrequency: 2 }, train).columns[0]).toMatchObject({ vocabulary: ['a', 'B', 'b'] });
  });

  it('imputes a missing category with the mode before looking it up', () => {
    const transform = fitColumn({ column: 'c', type: 'categorical', impute: { strategy: 'mode' } }, ['x', 'y', 'y']);
    expect(transform.columns[0]).toMatchObject({ vocabulary: ['y', 'x'], impute: 'y' });
    expect(features(transform, 'c', [null, 'x'])).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
  });

  it('gives an index output of its own: vocabulary position + 1, 0 for unseen or missing', () => {
    const transform = fitColumn({ column: 'c', type: 'categorical', encoding: 'index', maxVocabulary: 3 }, train);
    expect(transform.outputs).toEqual([{ name: 'c', dtype: 'int32', width: 1 }]);
    expect(ints(transform, 'c', ['a', 'B', 'b', 'c', null])).toEqual([1, 2, 3, 0, 0]);
  });
});

describe('TransformEncoder text encodings', () => {
  const train = ['the cat sat', 'the dog sat', 'the cat ran'];
  const text = 'The cat ATE the dog!';
  // Counts: the 3, cat 2, sat 2, dog 1, ran 1 → ids the 2, cat 3, sat 4, dog 5; 1 = out of vocabulary.
  const sequence = (overrides: Partial<ColumnPlan & { type: 'text' }>) =>
    fitColumn({ column: 't', type: 'text', encoding: 'sequence', vocabularySize: 4, ...overrides } as ColumnPlanInput, train);

  it('orders the vocabulary by count, then byte order', () => {
    expect(sequence({}).columns[0]).toMatchObject({ vocabulary: ['the', 'cat', 'sat', 'dog'] });
  });

  it.each([
    ['post', 'post', 3, [2, 3, 1]],
    ['post', 'pre', 3, [1, 2, 5]],
    ['post', 'post', 7, [2, 3, 1, 2, 5, 0, 0]],
    ['pre', 'post', 7, [0, 0, 2, 3, 1, 2, 5]],
  ] as const)('pads %s and truncates %s to %i token ids', (padding, truncation, sequenceLength, expected) => {
    const transform = sequence({ padding, truncation, sequenceLength });
    expect(transform.outputs).toEqual([{ name: 't', dtype: 'int32', width: sequenceLength }]);
    expect(ints(transform, 't', [text])).toEqual(expected);
  });

  it('encodes missing text as all padding', () => {
    expect(ints(sequence({ sequenceLength: 3 }), 't', [null])).toEqual([0, 0, 0]);
  });

  it('counts words for bag-of-words, the last slot counting out-of-vocabulary words', () => {
    const transform = fitColumn({ column: 't', type: 'text', encoding: 'bag-of-words', vocabularySize: 4 }, train);
    expect(features(transform, 't', [text, null])).toEqual([
      [2, 1, 0, 1, 1],
      [0, 0, 0, 0, 0],
    ]);
  });

  it('weighs tf-idf with the smooth idf and normalises rows to unit length', () => {
    const transform = fitColumn({ column: 't', type: 'text', encoding: 'tf-idf', vocabularySize: 4 }, train);
    // idf = ln((1 + 3)/(1 + df)) + 1: the (df 3) 1, cat and sat (df 2) 1.2876820724517808, dog (df 1) 1.6931471805599454;
    // out of vocabulary: their mean, 1.3171278313658767.
    const idf = (transform.columns[0] as { idf: number[] }).idf;
    expect(idf[0]).toBe(1);
    expect(idf[1]).toBeCloseTo(1.2876820724517808, 15);
    expect(idf[3]).toBeCloseTo(1.6931471805599454, 15);
    expect(idf[4]).toBeCloseTo(1.3171278313658767, 15);
    const [row, inVocabulary, empty] = features(transform, 't', [text, 'the cat sat', '']);
    // "the cat ate the dog": weights [2, 1.2877, 0, 1.6931, 1.3171] / their norm (worked out by hand).
    [0.6243997239694081, 0.4020141652996237, 0, 0.5286003160906058, 0.41120712716863933].forEach((value, i) => expect(row![i]).toBeCloseTo(value, 6));
    // As scikit-learn's TfidfVectorizer gives for "the cat sat" over the same three documents.
    [0.48133416873660545, 0.6198053799406072, 0.6198053799406072, 0, 0].forEach((value, i) => expect(inVocabulary![i]).toBeCloseTo(value, 6));
    expect(empty).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('TransformEncoder id encoding', () => {
  it('indexes training ids in byte order from 1, 0 for unseen or missing', () => {
    const transform = fitColumn({ column: 'u', type: 'id', encoding: 'index' }, ['u3', 'u1', 'u2', 'u1', 'U9']);
    expect(transform.columns[0]).toMatchObject({ ids: ['U9', 'u1', 'u2', 'u3'] });
    expect(ints(transform, 'u', ['u2', 'U9', 'new', null, 7])).toEqual([3, 1, 0, 0, 0]);
  });

  it('contributes nothing when excluded', () => {
    const records = [{ u: 'a', x: 1, label: 'a' }, { u: 'b', x: 2, label: 'b' }];
    const transform = new TransformFitter({ columns: [{ column: 'u', type: 'id' }, { column: 'x', type: 'numeric' }], target }).fit(fitRows(records));
    expect(transform.columns.map((column) => column.column)).toEqual(['x']);
    expect(transform.inputColumns).toEqual(['x']);
  });
});

describe('outputContents', () => {
  it('sizes embedding tables so every index an encoder emits fits: vocabulary + padding + OOV for tokens, + unknown for indexes and ids', () => {
    const records = [
      { t: 'the cat sat', c: 'x', u: 'u1', n: 1, label: 'a' },
      { t: 'the dog', c: 'y', u: 'u2', n: 2, label: 'b' },
    ];
    const transform = new TransformFitter({
      columns: [
        { column: 't', type: 'text', encoding: 'sequence', sequenceLength: 5 },
        { column: 'c', type: 'categorical', encoding: 'index' },
        { column: 'u', type: 'id', encoding: 'index' },
        { column: 'n', type: 'numeric' },
      ],
      target,
    }).fit(fitRows(records));
    expect(outputContents(transform)).toEqual([
      { kind: 'dense', name: 'features', width: 1 },
      { kind: 'sequence', name: 't', width: 5, cardinality: 4 + 2 },
      { kind: 'index', name: 'c', width: 1, cardinality: 2 + 1 },
      { kind: 'index', name: 'u', width: 1, cardinality: 2 + 1 },
    ]);
  });
});

describe('TransformEncoder', () => {
  const plan: TransformPlanInput = {
    columns: [
      { column: 'age', type: 'numeric', clip: { method: 'z-score', threshold: 3 } },
      { column: 'city', type: 'categorical', encoding: 'index' },
      { column: 'seen', type: 'timestamp', encoding: 'min-max' },
      { column: 'member', type: 'boolean' },
      { column: 'colour', type: 'categorical' },
      { column: 'bio', type: 'text', encoding: 'sequence', sequenceLength: 4 },
      { column: 'notes', type: 'text', normalization: { removeStopWords: true } },
      { column: 'score', type: 'numeric', encoding: 'bucketize', buckets: 3 },
    ],
    target,
    stopWords: ['the', 'and'],
  };
  const train: TestRecord[] = [
    { age: '31.5', city: 'Oslo', seen: '2024-01-01', member: 'yes', colour: 'red', bio: 'likes tea', notes: 'the tea and the cake', score: '1', label: 'a' },
    { age: '40', city: 'Lima', seen: '2024-03-01', member: 'no', colour: 'blue', bio: 'likes coffee', notes: 'coffee', score: '5', label: 'b' },
    { age: '3.10', city: 'Oslo', seen: '2024-02-01T12:00:00Z', member: 'NA', colour: 'red', bio: '', notes: 'cake cake', score: '9', label: 'a' },
  ];
  const transform = new TransformFitter(plan).fit(fitRows(train));

  it('lays out a float32 features output, then int32 outputs in column order, reading only feature columns', () => {
    expect(transform.outputs).toEqual([
      { name: 'features', dtype: 'float32', width: 1 + 1 + 1 + 3 + 4 + 3 },
      { name: 'city', dtype: 'int32', width: 1 },
      { name: 'bio', dtype: 'int32', width: 4 },
    ]);
    expect(transform.inputColumns).toEqual(['age', 'city', 'seen', 'member', 'colour', 'bio', 'notes', 'score']);
    const batch = createEncodedBatch(new TransformEncoder(transform), 2);
    expect(batch.tensors.features).toBeInstanceOf(Float32Array);
    expect(batch.tensors.features).toHaveLength(2 * 13);
    expect(batch.tensors.bio).toBeInstanceOf(Int32Array);
    expect(batch.tensors.bio).toHaveLength(8);
  });

  it('produces identical bytes for a CSV row and a typed JSON record of the same values', () => {
    const csv = { age: '3.10', city: ' Lima', seen: '2024-02-01T12:00:00Z', member: 'TRUE', colour: 'red', bio: 'Likes TEA!', notes: 'The cake', score: '5.0' };
    const json = { age: 3.1, city: 'Lima', seen: '2024-02-01T13:00:00+01:00', member: true, colour: 'red', bio: 'likes tea', notes: 'cake', score: 5 };
    const fromCsv = encodeRecords(transform, [csv], (row, column) => row[column as keyof typeof csv], (i, c) => `row ${i}, ${c}`);
    const fromJson = encodeRecords(transform, [json], (row, column) => row[column as keyof typeof json], (i, c) => `records[${i}].${c}`);
    for (const name of ['features', 'city', 'bio']) {
      expect(Buffer.from(fromCsv.tensors[name]!.buffer).equals(Buffer.from(fromJson.tensors[name]!.buffer))).toBe(true);
    }
    const different = encodeRecords(transform, [{ ...json, age: 3.2 }], (row, column) => row[column as keyof typeof json], (i, c) => `records[${i}].${c}`);
    expect(Buffer.from(different.tensors.features!.buffer).equals(Buffer.from(fromJson.tensors.features!.buffer))).toBe(false);
  });

  it('overwrites every slot of a reused batch row', () => {
    const encoder = new TransformEncoder(transform);
    const batch = createEncodedBatch(encoder, 1);
    encoder.encodeRow(recordReader(train[0]!, 1), batch, 0);
    const first = Buffer.from(batch.tensors.features!.slice().buffer);
    encoder.encodeRow(recordReader(train[1]!, 2), batch, 0);
    encoder.encodeRow(recordReader(train[0]!, 1), batch, 0);
    expect(Buffer.from(batch.tensors.features!.buffer).equals(first)).toBe(true);
  });

  it('names the cell when a value does not parse', () => {
    const encoder = new TransformEncoder(transform);
    const batch = createEncodedBatch(encoder, 1);
    const bad = (record: TestRecord) => () => encoder.encodeRow(recordReader({ ...train[0]!, ...record }, 7), batch, 0);
    expect(bad({ age: 'abc' })).toThrow(new InvalidArgumentError('row 7, column "age"', '"abc" is not a number; column "age" is numeric'));
    expect(bad({ seen: '2024-02-30' })).toThrow(/invalid row 7, column "seen": "2024-02-30" is not an ISO 8601 date/);
    expect(bad({ member: 'perhaps' })).toThrow(/invalid row 7, column "member": "perhaps" is not a boolean/);
    expect(() => encodeRecords(transform, [{ age: '4x' }], (row, column) => row[column as 'age'], (i, c) => `records[${i}].fields.${c}`)).toThrow(
      /invalid records\[0\]\.fields\.age: "4x" is not a number/,
    );
  });

  it('refuses a row index outside the batch', () => {
    const encoder = new TransformEncoder(transform);
    expect(() => encoder.encodeRow(recordReader(train[0]!, 1), createEncodedBatch(encoder, 1), 1)).toThrow(RangeError);
  });

  it('writes class labels as their index, one per row, and rejects unknown or missing labels naming the cell', () => {
    const encoder = new TransformEncoder(transform);
    expect([encoder.labelDtype, encoder.labelWidth]).toEqual(['int32', 1]);
    const labels = new Int32Array(3).fill(-1);
    encoder.writeLabel('a', 'x', labels, 2);
    encoder.writeLabel(' b ', 'x', labels, 0);
    expect([...labels]).toEqual([1, -1, 0]);
    expect(() => encoder.writeLabel('c', 'records[2].label', labels, 0)).toThrow(new InvalidArgumentError('records[2].label', '"c" is not a class of the target "label"; classes are "a", "b"'));
    expect(() => encoder.writeLabel(null, 'records[3].label', labels, 0)).toThrow(/invalid records\[3\]\.label: the target "label" is missing/);
    expect(() => encoder.writeLabel('a', 'x', labels, 3)).toThrow(RangeError);
  });

  it('writes regression labels as numbers', () => {
    const regression = new TransformFitter({ columns: [{ column: 'x', type: 'numeric' }], target: { column: 'y', task: 'regression' } }).fit(
      fitRows([{ x: 1, y: '2.5' }, { x: 2, y: 3 }]),
    );
    const encoder = new TransformEncoder(regression);
    expect([encoder.labelDtype, encoder.labelWidth]).toEqual(['float32', 1]);
    const labels = new Float32Array(2);
    encoder.writeLabel('4.25', 'y', labels, 1);
    expect([...labels]).toEqual([0, 4.25]);
    expect(() => encoder.writeLabel('lots', 'row 9, column "y"', labels, 0)).toThrow(/invalid row 9, column "y": "lots" is not a number/);
  });

  it('stores an artifact that passes its own schema after a JSON round trip and encodes the same', () => {
    const stored = JSON.parse(JSON.stringify(transform)) as unknown;
    const restored = fittedTransformSchema.parse(stored);
    expect(restored).toEqual(transform);
    const read = (row: TestRecord, column: string) => row[column];
    const describe = (i: number, c: string) => `${i}.${c}`;
    const before = encodeRecords(transform, train, read, describe);
    const after = encodeRecords(restored, train, read, describe);
    expect(Buffer.from(after.tensors.features!.buffer).equals(Buffer.from(before.tensors.features!.buffer))).toBe(true);
  });
});
