import { InvalidArgumentError } from '@aiaas/errors';
import { createSeededRandom } from '../seeded-random';
import type { CleaningFit } from './cleaning-fit';
import type { FittedTransform } from './fitted-transform';
import { fitRows, recordReader, type TestRecord } from './rows.test-helpers';
import { TransformFitter } from './transform-fitter';
import type { TransformPlanInput } from './transform-plan';

const classification = { column: 'label', task: 'classification' } as const;
const regression = { column: 'y', task: 'regression' } as const;

function cleaningOf(plan: TransformPlanInput, records: readonly TestRecord[], isTrain?: (index: number) => boolean): CleaningFit {
  const fitter = new TransformFitter(plan);
  const accumulator = fitter.createCleaningAccumulator();
  for (const { row, isTrain: train } of fitRows(records, isTrain)()) accumulator.add(row, train);
  return fitter.fitCleaning(accumulator);
}

function caught(action: () => unknown): InvalidArgumentError {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('TransformFitter cleaning pass', () => {
  const labels = (values: readonly number[]) => values.map((x, i) => ({ x, label: i % 2 === 0 ? 'a' : 'b' }));

  it.each([
    ['mean', [1, 2, 3, 10], 4],
    ['median', [1, 2, 3, 10, 50], 3],
    ['mode', [7, 3, 3, 7, 1], 3],
  ] as const)('imputes numeric columns with the %s of the training values', (strategy, values, expected) => {
    const cleaning = cleaningOf({ columns: [{ column: 'x', type: 'numeric', impute: { strategy } }], target: classification }, labels(values));
    expect(cleaning.columns[0]).toEqual({ column: 'x', impute: expected });
  });

  it('imputes with a constant written as text, a timestamp constant in epoch seconds', () => {
    const cleaning = cleaningOf(
      {
        columns: [
          { column: 'x', type: 'numeric', impute: { strategy: 'constant', value: '2.50' } },
          { column: 't', type: 'timestamp', impute: { strategy: 'constant', value: '2024-01-01T00:00:01Z' } },
          { column: 'c', type: 'categorical', impute: { strategy: 'constant', value: ' other ' } },
          { column: 'b', type: 'boolean', impute: { strategy: 'constant', value: 'yes' } },
        ],
        target: classification,
      },
      labels([1, 2]),
    );
    expect(cleaning.columns.map((column) => column.impute)).toEqual([2.5, 1_704_067_201, 'other', true]);
  });

  it('imputes categorical and boolean columns with their most frequent training value', () => {
    const records = [
      { c: 'z', b: 'yes', label: 'a' },
      { c: 'y', b: 'no', label: 'b' },
      { c: 'z', b: 'yes', label: 'a' },
      { c: 'y', b: null, label: 'b' },
      { c: null, b: 'true', label: 'a' },
    ];
    const cleaning = cleaningOf(
      { columns: [{ column: 'c', type: 'categorical', impute: { strategy: 'mode' } }, { column: 'b', type: 'boolean' }], target: classification },
      records,
    );
    // y and z tie at 2: the smaller in byte order wins.
    expect(cleaning.columns.map((column) => column.impute)).toEqual(['y', true]);
  });

  it('computes imputation, clip bounds and vocabularies-to-be on training rows only, but classes on all rows', () => {
    const train = Array.from({ length: 10 }, (_, i) => ({ x: i + 1, label: i % 2 === 0 ? 'a' : 'b' }));
    const held = [
      { x: 1e6, label: 'c' },
      { x: -1e6, label: 'a' },
    ];
    const cleaning = cleaningOf(
      {
        columns: [
          { column: 'x', type: 'numeric', impute: { strategy: 'mean' }, clip: { method: 'z-score', threshold: 2 } },
          { column: 'x2', type: 'numeric', impute: { strategy: 'median' }, clip: { method: 'quantile', lower: 0.1, upper: 0.9 } },
        ],
        target: classification,
      },
      [...train, ...held].map((record) => ({ ...record, x2: record.x })),
      (index) => index < train.length,
    );
    const std = Math.sqrt(8.25);
    expect(cleaning.columns[0]).toEqual({ column: 'x', impute: 5.5, clip: { lower: 5.5 - 2 * std, upper: 5.5 + 2 * std } });
    expect(cleaning.columns[1]).toEqual({ column: 'x2', impute: 5, clip: { lower: 1, upper: 9 } });
    expect(cleaning.target).toEqual({ column: 'label', task: 'classification', classes: ['a', 'b', 'c'] });
  });

  it('uses raw values, before clipping, for the imputation statistics', () => {
    const cleaning = cleaningOf(
      { columns: [{ column: 'x', type: 'numeric', impute: { strategy: 'mean' }, clip: { method: 'quantile', lower: 0, upper: 0.75 } }], target: classification },
      labels([1, 2, 3, 94]),
    );
    expect(cleaning.columns[0]).toEqual({ column: 'x', impute: 25, clip: { lower: 1, upper: 3 } });
  });

  it('sorts classes in byte order', () => {
    const cleaning = cleaningOf({ columns: [{ column: 'x', type: 'numeric' }], target: classification }, [
      { x: 1, label: 'b' },
      { x: 1, label: 'B' },
      { x: 1, label: 'a' },
    ]);
    expect(cleaning.target).toEqual({ column: 'label', task: 'classification', classes: ['B', 'a', 'b'] });
  });

  it('fails on target_column when the target has a single class, naming it', () => {
    const error = caught(() => cleaningOf({ columns: [{ column: 'x', type: 'numeric' }], target: classification }, [{ x: 1, label: 'only' }, { x: 2, label: 'only' }]));
    expect(error.field).toBe('target_column');
    expect(error.reason).toBe('column "label" has only the class "only"; classification needs at least 2 classes');
  });

  it('fails on target_column when the target has more classes than allowed', () => {
    const records = ['a', 'b', 'c', 'd'].map((label) => ({ x: 1, label }));
    const error = caught(() => cleaningOf({ columns: [{ column: 'x', type: 'numeric' }], target: { ...classification, maxClasses: 3 } }, records));
    expect(error.field).toBe('target_column');
    expect(error.reason).toMatch(/more than 3 classes/);
  });

  it('fails naming the row when a regression target is not a number', () => {
    const error = caught(() => cleaningOf({ columns: [{ column: 'x', type: 'numeric' }], target: regression }, [{ x: 1, y: 2 }, { x: 1, y: 'high' }]));
    expect(error.field).toBe('row 2, column "y"');
    expect(error.reason).toBe('"high" is not a number; the regression target "y" needs numbers');
  });

  it('fails naming the cell when a training value does not parse', () => {
    const error = caught(() => cleaningOf({ columns: [{ column: 'age', type: 'numeric' }], target: classification }, [{ age: 1, label: 'a' }, { age: 'abc', label: 'b' }]));
    expect(error.field).toBe('row 2, column "age"');
    expect(error.reason).toBe('"abc" is not a number; column "age" is numeric');
  });

  it('fails naming the column when a statistic has no training values to come from', () => {
    const error = caught(() => cleaningOf({ columns: [{ column: 'age', type: 'numeric' }], target: classification }, [{ age: null, label: 'a' }, { age: 'NA', label: 'b' }]));
    expect(error.field).toBe('plan.columns["age"].impute');
    expect(error.reason).toMatch(/no values in the training split/);
  });
});

describe('TransformFitter.needsCleaningPass', () => {
  it('is false for constant imputations, no clipping and a regression target, and fitting then works without pass 1', () => {
    const fitter = new TransformFitter({
      columns: [
        { column: 'x', type: 'numeric', impute: { strategy: 'constant', value: 0 } },
        { column: 'c', type: 'categorical' },
      ],
      target: regression,
    });
    expect(fitter.needsCleaningPass).toBe(false);
    const transform = fitter.fit(fitRows([{ x: 1, c: 'a', y: 1 }, { x: 3, c: null, y: 2 }]));
    expect(transform.columns[0]).toMatchObject({ impute: 0, mean: 2, std: 1 });
  });

  it('is true for a classification target, clipping, or a statistical imputation', () => {
    expect(new TransformFitter({ columns: [{ column: 'x', type: 'numeric', impute: { strategy: 'constant', value: 0 } }], target: classification }).needsCleaningPass).toBe(true);
    expect(new TransformFitter({ columns: [{ column: 'x', type: 'numeric' }], target: regression }).needsCleaningPass).toBe(true);
    const clipped = { column: 'x', type: 'numeric', impute: { strategy: 'constant', value: 0 }, clip: { method: 'z-score', threshold: 3 } } as const;
    expect(new TransformFitter({ columns: [clipped], target: regression }).needsCleaningPass).toBe(true);
  });

  it('still rejects a bad regression target in pass 2 when pass 1 is skipped', () => {
    const fitter = new TransformFitter({ columns: [{ column: 'x', type: 'numeric', impute: { strategy: 'constant', value: 0 } }], target: regression });
    const error = caught(() => fitter.fit(fitRows([{ x: 1, y: 1 }, { x: 1, y: 'n/a?' }])));
    expect(error.field).toBe('row 2, column "y"');
  });
});

describe('TransformFitter encoding pass', () => {
  it('fits statistics on cleaned (imputed, clipped) training values only', () => {
    const records = [
      { x: 1, label: 'a' },
      { x: 3, label: 'b' },
      { x: null, label: 'a' },
      { x: 100, label: 'b' },
      { x: 5000, label: 'a' },
    ];
    const transform = new TransformFitter({
      columns: [{ column: 'x', type: 'numeric', encoding: 'min-max', impute: { strategy: 'constant', value: 2 }, clip: { method: 'quantile', lower: 0, upper: 0.6 } }],
      target: classification,
    }).fit(fitRows(records, (index) => index < 4));
    // Train values 1, 3, 100 clip to [1, 3]; the missing one becomes 2; the held-out 5000 plays no part.
    expect(transform.columns[0]).toEqual({ type: 'numeric', column: 'x', encoding: 'min-max', impute: 2, clip: { lower: 1, upper: 3 }, min: 1, max: 3 });
    expect(transform.trainRows).toBe(4);
  });

  it('keeps categories and tokens that occur only outside the training split out of vocabularies', () => {
    const records = [
      { c: 'a', t: 'red fox', u: 'u1', label: 'x' },
      { c: 'b', t: 'red dog', u: 'u2', label: 'y' },
      { c: 'leak', t: 'leak leak', u: 'u-leak', label: 'x' },
    ];
    const transform = new TransformFitter({
      columns: [
        { column: 'c', type: 'categorical' },
        { column: 't', type: 'text', encoding: 'bag-of-words' },
        { column: 'u', type: 'id', encoding: 'index' },
      ],
      target: classification,
    }).fit(fitRows(records, (index) => index < 2));
    expect(transform.columns).toMatchObject([{ vocabulary: ['a', 'b'] }, { vocabulary: ['red', 'dog', 'fox'] }, { ids: ['u1', 'u2'] }]);
  });

  it('fails when the training split is empty', () => {
    const fitter = new TransformFitter({ columns: [{ column: 'x', type: 'numeric', impute: { strategy: 'constant', value: 1 } }], target: regression });
    expect(() => fitter.fit(fitRows([{ x: 1, y: 1 }], () => false))).toThrow(/training split has no rows/);
  });

  it('stores the stop words only when some text column removes them', () => {
    const plan = (removeStopWords: boolean): TransformPlanInput => ({
      columns: [{ column: 't', type: 'text', normalization: { removeStopWords } }],
      target: classification,
      stopWords: ['the'],
    });
    const records = [{ t: 'the cat', label: 'a' }, { t: 'the dog', label: 'b' }];
    const removing = new TransformFitter(plan(true)).fit(fitRows(records));
    expect(removing.stopWords).toEqual(['the']);
    expect(removing.columns[0]).toMatchObject({ vocabulary: ['cat', 'dog'] });
    expect(new TransformFitter(plan(false)).fit(fitRows(records)).stopWords).toBeUndefined();
  });
});

describe('TransformFitter over shards', () => {
  const random = createSeededRandom(2024);
  const cities = ['Paris', 'Oslo', 'Lima', 'Kyiv', 'Rome', 'Nairobi', 'Quito'];
  const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
  const records: TestRecord[] = Array.from({ length: 3000 }, () => ({
    income: random() < 0.1 ? null : (random() * 1000).toFixed(2),
    score: Math.floor(random() * 50) - 10,
    seen: new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 3e10)).toISOString(),
    member: random() < 0.05 ? '' : random() < 0.6 ? 'yes' : 'no',
    city: random() < 0.1 ? 'NA' : cities[Math.floor(random() * random() * cities.length)]!,
    note: Array.from({ length: 1 + Math.floor(random() * 6) }, () => words[Math.floor(random() * random() * words.length)]).join(' '),
    user: `u${Math.floor(random() * 400)}`,
    label: ['cat', 'dog', 'bird'][Math.floor(random() * 3)]!,
  }));
  const isTrain = (index: number) => index % 5 !== 0;

  /** Fits in one process, or over `shards` whose accumulators travel as JSON and merge in reverse order. */
  function fitOver(plan: TransformPlanInput, shards: number): { cleaning: CleaningFit; transform: FittedTransform } {
    const fitter = new TransformFitter(plan);
    const parts = Array.from({ length: shards }, (_, s) => records.map((record, index) => ({ record, index })).filter(({ index }) => index % shards === s));
    const travel = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

    const cleaningParts = parts.map((part) => {
      const accumulator = fitter.createCleaningAccumulator();
      for (const { record, index } of part) accumulator.add(recordReader(record, index + 1), isTrain(index));
      return fitter.cleaningAccumulatorFromJSON(travel(accumulator.toJSON()));
    });
    const cleaningAccumulator = cleaningParts.pop()!;
    for (const part of cleaningParts.reverse()) cleaningAccumulator.merge(part);
    const cleaning = travel(fitter.fitCleaning(cleaningAccumulator));

    const encodingParts = parts.map((part) => {
      const accumulator = fitter.createEncodingAccumulator(cleaning);
      for (const { record, index } of part) accumulator.add(recordReader(record, index + 1), isTrain(index));
      return fitter.encodingAccumulatorFromJSON(cleaning, travel(accumulator.toJSON()));
    });
    const encodingAccumulator = encodingParts.pop()!;
    for (const part of encodingParts.reverse()) encodingAccumulator.merge(part);
    return { cleaning, transform: fitter.fitEncoding(cleaning, encodingAccumulator) };
  }

  it('gives exactly the transform of one pass for every statistic but sketch quantiles', () => {
    const plan: TransformPlanInput = {
      columns: [
        { column: 'income', type: 'numeric', impute: { strategy: 'mean' }, clip: { method: 'z-score', threshold: 2 } },
        { column: 'score', type: 'numeric', encoding: 'min-max', impute: { strategy: 'mode' } },
        { column: 'seen', type: 'timestamp', impute: { strategy: 'mean' } },
        { column: 'member', type: 'boolean' },
        { column: 'city', type: 'categorical', impute: { strategy: 'mode' }, maxVocabulary: 5 },
        { column: 'note', type: 'text', vocabularySize: 6 },
        { column: 'user', type: 'id', encoding: 'index' },
      ],
      target: classification,
    };
    const single = fitOver(plan, 1);
    const sharded = fitOver(plan, 4);
    expect(sharded.cleaning).toEqual(single.cleaning);
    expect(sharded.transform).toEqual(single.transform);
    expect(single.transform.columns.map((column) => column.type)).toEqual(['numeric', 'numeric', 'timestamp', 'boolean', 'categorical', 'text', 'id']);
  });

  it('keeps median imputation, quantile clipping and bucket boundaries within the sketch error', () => {
    const plan: TransformPlanInput = {
      columns: [{ column: 'income', type: 'numeric', encoding: 'bucketize', buckets: 8, impute: { strategy: 'median' }, clip: { method: 'quantile', lower: 0.05, upper: 0.95 } }],
      target: classification,
    };
    const single = fitOver(plan, 1);
    const sharded = fitOver(plan, 3);
    const train = records.filter((_, index) => isTrain(index) && records[index]!.income !== null).map((record) => Number(record.income)).sort((a, b) => a - b);
    const rank = (value: number) => train.filter((x) => x <= value).length / train.length;
    // Values are uniform on [0, 1000), so a rank error of 1% is about 10 units.
    for (const fit of [single, sharded]) {
      const column = fit.cleaning.columns[0]!;
      expect(Math.abs(rank(column.impute as number) - 0.5)).toBeLessThan(0.01);
      expect(Math.abs(rank(column.clip!.lower) - 0.05)).toBeLessThan(0.01);
      expect(Math.abs(rank(column.clip!.upper) - 0.95)).toBeLessThan(0.01);
    }
    const boundaries = (fit: typeof single) => (fit.transform.columns[0] as { boundaries: number[] }).boundaries;
    expect(boundaries(sharded)).toHaveLength(7);
    boundaries(sharded).forEach((boundary, i) => expect(Math.abs(boundary - boundaries(single)[i]!)).toBeLessThan(20));
  });

  it('gives exactly the sequence target vocabulary of one pass', () => {
    const plan: TransformPlanInput = {
      columns: [{ column: 'city', type: 'categorical' }],
      target: { column: 'note', task: 'sequence', vocabularySize: 6, sequenceLength: 4 },
    };
    const single = fitOver(plan, 1);
    const sharded = fitOver(plan, 4);
    expect(sharded.cleaning).toEqual(single.cleaning);
    expect(sharded.transform).toEqual(single.transform);
    expect(single.transform.target).toMatchObject({ task: 'sequence', exactCounts: true });
    expect((single.transform.target as { vocabulary: string[] }).vocabulary).toHaveLength(6);
  });

  it('refuses to restore an accumulator made for another plan', () => {
    const fitter = new TransformFitter({ columns: [{ column: 'a', type: 'numeric' }], target: classification });
    const other = new TransformFitter({ columns: [{ column: 'b', type: 'numeric' }], target: classification });
    expect(() => fitter.cleaningAccumulatorFromJSON(other.createCleaningAccumulator().toJSON())).toThrow(/not this plan's/);
  });
});
