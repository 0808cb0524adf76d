import { InvalidArgumentError } from '@aiaas/errors';
import { defaultColumnPlan, parseTransformPlan, type TransformPlanInput } from './transform-plan';

const target = { column: 'label', task: 'classification' } as const;

function problemOf(plan: unknown): InvalidArgumentError {
  try {
    parseTransformPlan(plan, 'preprocessing');
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error('the plan was accepted');
}

describe('parseTransformPlan', () => {
  it('fills every default of every column type', () => {
    const plan = parseTransformPlan({
      columns: [
        { column: 'age', type: 'numeric' },
        { column: 'seen', type: 'timestamp' },
        { column: 'member', type: 'boolean' },
        { column: 'city', type: 'categorical' },
        { column: 'bio', type: 'text' },
        { column: 'user', type: 'id' },
      ],
      target,
    } satisfies TransformPlanInput);
    expect(plan).toEqual({
      columns: [
        { column: 'age', type: 'numeric', encoding: 'standardize', buckets: 10, impute: { strategy: 'mean' } },
        { column: 'seen', type: 'timestamp', encoding: 'standardize', impute: { strategy: 'median' } },
        { column: 'member', type: 'boolean', impute: { strategy: 'mode' } },
        { column: 'city', type: 'categorical', encoding: 'one-hot', maxVocabulary: 1000, minFrequency: 1, impute: { strategy: 'none' } },
        {
          column: 'bio',
          type: 'text',
          encoding: 'tf-idf',
          vocabularySize: 1000,
          minFrequency: 1,
          sequenceLength: 64,
          padding: 'post',
          truncation: 'post',
          normalization: { lowercase: true, unicode: 'NFKC', stripAccents: false, stripPunctuation: true, removeStopWords: false },
        },
        { column: 'user', type: 'id', encoding: 'exclude' },
      ],
      target: { column: 'label', task: 'classification', maxClasses: 100 },
      stopWords: [],
    });
  });

  it.each([
    [{ column: 'member', type: 'boolean', impute: { strategy: 'none' } }, 'preprocessing.columns["member"].impute.strategy', /NaN/],
    [{ column: 'age', type: 'numeric', impute: { strategy: 'none' } }, 'preprocessing.columns["age"].impute.strategy', /"none" imputation does not apply to a numeric column/],
    [{ column: 'city', type: 'categorical', impute: { strategy: 'mean' } }, 'preprocessing.columns["city"].impute.strategy', /use one of mode, constant, none/],
    [{ column: 'member', type: 'boolean', impute: { strategy: 'median' } }, 'preprocessing.columns["member"].impute.strategy', /boolean/],
    [{ column: 'age', type: 'numeric', impute: { strategy: 'constant', value: 'abc' } }, 'preprocessing.columns["age"].impute.value', /"abc" is not a number; column "age" is numeric/],
    [{ column: 'age', type: 'numeric', impute: { strategy: 'constant', value: 'NA' } }, 'preprocessing.columns["age"].impute.value', /missing value/],
    [{ column: 'seen', type: 'timestamp', impute: { strategy: 'constant', value: '2024-02-30' } }, 'preprocessing.columns["seen"].impute.value', /not an ISO 8601 date/],
    [{ column: 'member', type: 'boolean', impute: { strategy: 'constant', value: 'maybe' } }, 'preprocessing.columns["member"].impute.value', /not a boolean/],
    [{ column: 'age', type: 'numeric', impute: { strategy: 'constant' } }, 'preprocessing.columns["age"].impute.value', /needs a value/],
    [{ column: 'age', type: 'numeric', impute: { strategy: 'mean', value: 3 } }, 'preprocessing.columns["age"].impute.value', /only a constant imputation takes a value/],
    [{ column: 'age', type: 'numeric', buckets: 1 }, 'preprocessing.columns["age"].buckets', /./],
    [{ column: 'age', type: 'numeric', clip: { method: 'quantile', lower: 0.6, upper: 0.9 } }, 'preprocessing.columns["age"].clip.lower', /./],
    [{ column: 'age', type: 'numeric', clip: { method: 'z-score', threshold: 0 } }, 'preprocessing.columns["age"].clip.threshold', /./],
    [{ column: 'bio', type: 'text', normalization: { removeStopWords: true } }, 'preprocessing.columns["bio"].normalization.removeStopWords', /stopWords list, which is empty/],
    [{ column: 'features', type: 'categorical', encoding: 'index' }, 'preprocessing.columns["features"].encoding', /collide/],
    [{ column: 'label', type: 'numeric' }, 'preprocessing.columns["label"].column', /is the target column/],
  ])('rejects %j, naming the field', (column, field, message) => {
    const error = problemOf({ columns: [column], target });
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(message);
  });

  it('rejects a column planned twice', () => {
    const error = problemOf({ columns: [{ column: 'a', type: 'numeric' }, { column: 'a', type: 'boolean' }], target });
    expect(error.field).toBe('preprocessing.columns["a"].column');
    expect(error.reason).toMatch(/planned twice/);
  });

  it('names a column by its position when it has no name', () => {
    const error = problemOf({ columns: [{ type: 'numeric' }], target });
    expect(error.field).toBe('preprocessing.columns[0].column');
  });

  it('lists every problem in the message', () => {
    const error = problemOf({
      columns: [
        { column: 'a', type: 'boolean', impute: { strategy: 'none' } },
        { column: 'b', type: 'numeric', impute: { strategy: 'constant', value: 'x' } },
      ],
      target,
    });
    expect(error.reason).toMatch(/preprocessing\.columns\["b"\]\.impute\.value: "x" is not a number/);
  });

  it('accepts a constant that parses as the column type, from text or typed JSON', () => {
    const plan = parseTransformPlan({
      columns: [
        { column: 'age', type: 'numeric', impute: { strategy: 'constant', value: '3.5' } },
        { column: 'member', type: 'boolean', impute: { strategy: 'constant', value: true } },
        { column: 'seen', type: 'timestamp', impute: { strategy: 'constant', value: '2024-01-01' } },
      ],
      target: { column: 'y', task: 'regression' },
    });
    expect(plan.columns.map((column) => ('impute' in column ? column.impute.value : undefined))).toEqual(['3.5', true, '2024-01-01']);
  });

  it('fills the defaults of a sequence target, and keeps what the user set', () => {
    const columns = [{ column: 'english', type: 'text', encoding: 'sequence' }] as const;
    expect(parseTransformPlan({ columns, target: { column: 'french', task: 'sequence' } }).target).toEqual({
      column: 'french',
      task: 'sequence',
      vocabularySize: 1000,
      minFrequency: 1,
      sequenceLength: 16,
      normalization: { lowercase: true, unicode: 'NFKC', stripAccents: false, stripPunctuation: true, removeStopWords: false },
    });
    const target = parseTransformPlan({ columns, target: { column: 'french', task: 'sequence', vocabularySize: 50, minFrequency: 2, sequenceLength: 2, normalization: { lowercase: false } } }).target;
    expect(target).toMatchObject({ vocabularySize: 50, minFrequency: 2, sequenceLength: 2, normalization: { lowercase: false, stripPunctuation: true } });
  });

  it.each([
    [{ sequenceLength: 1 }, 'preprocessing.target.sequenceLength', /./],
    [{ vocabularySize: 0 }, 'preprocessing.target.vocabularySize', /./],
    [{ minFrequency: 1.5 }, 'preprocessing.target.minFrequency', /./],
    [{ normalization: { removeStopWords: true } }, 'preprocessing.target.normalization.removeStopWords', /stop-word removal does not apply/],
  ])('rejects a sequence target with %j, naming the field', (fields, field, message) => {
    const error = problemOf({ columns: [{ column: 'english', type: 'text' }], target: { column: 'french', task: 'sequence', ...fields }, stopWords: ['le'] });
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(message);
  });
});

describe('defaultColumnPlan', () => {
  it('gives the default plan of a column type', () => {
    expect(defaultColumnPlan('age', 'numeric')).toEqual({ column: 'age', type: 'numeric', encoding: 'standardize', buckets: 10, impute: { strategy: 'mean' } });
    expect(defaultColumnPlan('user', 'id')).toEqual({ column: 'user', type: 'id', encoding: 'exclude' });
  });
});
