import { categoryOf, isMissing, parseBoolean, parseNumber, parseTimestamp } from './raw-values';

describe('raw values', () => {
  it('treat empty cells and the usual spellings of "no value" as missing, padded or not', () => {
    for (const value of [null, undefined, Number.NaN, '', '  ', 'NA', ' N/A ', 'NaN', 'null', 'NULL', 'None', '?', '\tnan\u00a0']) expect(isMissing(value)).toBe(true);
    for (const value of [0, false, 'none!', 'Nadia', ' 1 ', 'unknown', '0']) expect(isMissing(value)).toBe(false);
  });

  it('read numbers the same from text and from JSON', () => {
    expect(parseNumber('3.10')).toBe(3.1);
    expect(parseNumber(' -2e3 ')).toBe(-2000);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber(7)).toBe(7);
    for (const value of ['0x10', '1,5', 'Infinity', '', '1e999', true, Number.POSITIVE_INFINITY, '12abc']) expect(parseNumber(value)).toBeUndefined();
  });

  it('read booleans in any case, and 1/0', () => {
    expect(['true', 'T', ' yes ', 'Y', '1', 1, true].map(parseBoolean)).toEqual([true, true, true, true, true, true, true]);
    expect(['False', 'f', 'NO', 'n', '0', 0, false].map(parseBoolean)).toEqual([false, false, false, false, false, false, false]);
    expect(['maybe', '2', 2, 'falsey', ''].map(parseBoolean)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('read ISO 8601 dates and date-times as UTC milliseconds, exactly as Date does', () => {
    const cases: Array<[string, string]> = [
      ['1970-01-01', '1970-01-01T00:00:00Z'],
      ['2024-02-29', '2024-02-29T00:00:00Z'],
      ['1999-12-31T23:59:59', '1999-12-31T23:59:59Z'],
      ['2024-05-01 13:45', '2024-05-01T13:45:00Z'],
      ['2024-05-01T13:45:00.5+02:00', '2024-05-01T13:45:00.500+02:00'],
      ['2024-05-01T13:45:00.123456Z', '2024-05-01T13:45:00.123Z'],
      ['2000-03-01T00:00:00-0730', '2000-03-01T00:00:00-07:30'],
      ['0099-06-15', '0099-06-15T00:00:00Z'],
      ['1600-02-29T12:00:00Z', '1600-02-29T12:00:00Z'],
    ];
    for (const [text, iso] of cases) expect([text, parseTimestamp(text)]).toEqual([text, Date.parse(iso)]);
  });

  it('refuse dates that do not exist and anything that is not ISO 8601', () => {
    for (const value of ['2023-02-29', '2024-13-01', '2024-04-31', '2024-01-01T24:00', '2024-01-01T10:60', '01/02/2024', '2024-1-5', 'yesterday', 1700000000]) {
      expect([value, parseTimestamp(value)]).toEqual([value, undefined]);
    }
  });

  it('name categories as written, trimmed, and numbers and booleans as text', () => {
    expect([categoryOf(' Biscoe '), categoryOf(3.5), categoryOf(true)]).toEqual(['Biscoe', '3.5', 'true']);
  });
});
