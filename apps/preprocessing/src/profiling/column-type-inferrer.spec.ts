import type { PresentValue } from '@aiaas/data';
import { ColumnTypeInferrer, isIdLikeName } from './column-type-inferrer';

function inferred(name: string, values: readonly PresentValue[]): string {
  const inferrer = new ColumnTypeInferrer(name);
  values.forEach((value) => inferrer.observeValue(value));
  return inferrer.infer();
}

describe('ColumnTypeInferrer', () => {
  it('calls a column with no present values categorical', () => {
    expect(inferred('anything', [])).toBe('categorical');
  });

  it('calls a column of numbers numeric', () => {
    expect(inferred('price', ['1.5', '2', '-3e2', ' 4 '])).toBe('numeric');
    expect(inferred('price', [1.5, 2])).toBe('numeric');
  });

  it('keeps a column of 0 and 1 numeric rather than boolean', () => {
    expect(inferred('clicked', ['0', '1', '1', '0'])).toBe('numeric');
    expect(inferred('clicked', [0, 1])).toBe('numeric');
  });

  it('calls integers under an id-like name an id', () => {
    expect(inferred('user_id', ['17', '42', '99'])).toBe('id');
    expect(inferred('itemId', [1, 2, 3])).toBe('id');
  });

  it('keeps non-integers under an id-like name numeric', () => {
    expect(inferred('user_id', ['17', '42.5'])).toBe('numeric');
  });

  it('calls a column of booleans with at least one non-number boolean', () => {
    expect(inferred('active', ['yes', 'no', 'Y', '1', 'FALSE'])).toBe('boolean');
    expect(inferred('active', [true, false])).toBe('boolean');
  });

  it('calls a column of ISO 8601 dates and date-times timestamp', () => {
    expect(inferred('created', ['2024-05-01', '2024-05-01T13:45:00Z', '2024-05-02 08:00'])).toBe('timestamp');
  });

  it('calls strings under an id-like name an id', () => {
    expect(inferred('order_key', ['A-1', 'B-2'])).toBe('id');
    expect(inferred('ID', ['x', 'y'])).toBe('id');
  });

  it('calls strings of more than three tokens on average text', () => {
    expect(inferred('review', ['great product would buy again', 'not good', 'the best thing I ever bought'])).toBe('text');
  });

  it('calls strings longer than forty characters on average text', () => {
    expect(inferred('blob', ['a'.repeat(50), 'b'.repeat(45)])).toBe('text');
  });

  it('calls short strings categorical', () => {
    expect(inferred('color', ['red', 'green', 'dark blue'])).toBe('categorical');
  });

  it('calls a column of numbers with one non-number categorical', () => {
    expect(inferred('amount', ['1', '2', 'three', '4'])).toBe('categorical');
  });

  it('calls a column of dates with one non-date categorical', () => {
    expect(inferred('created', ['2024-05-01', '2024-02-30'])).toBe('categorical');
  });

  it('counts its evidence instead of keeping values', () => {
    const inferrer = new ColumnTypeInferrer('x');
    ['1', 'yes', '2.5', 'two words'].forEach((value) => inferrer.observeValue(value));
    expect(inferrer.evidence).toEqual({
      present: 4,
      numbers: 2,
      integers: 1,
      booleans: 2,
      nonNumericBooleans: 1,
      timestamps: 0,
      totalLength: 1 + 3 + 3 + 9,
      totalTokens: 5,
    });
  });
});

describe('isIdLikeName', () => {
  it.each(['id', 'ID', 'Id', 'user_id', 'USER_ID', 'userId', 'userID', 'item2Id', 'api_key', 'API_KEY'])('takes %s for an identifier', (name) => {
    expect(isIdLikeName(name)).toBe(true);
  });

  it.each(['paid', 'VALID', 'UUID', 'idea', 'identity', 'keys', 'monkey', 'Id_card'])('does not take %s for an identifier', (name) => {
    expect(isIdLikeName(name)).toBe(false);
  });
});
