import { csvCell } from './csv-cell';

describe('csvCell', () => {
  it('writes null and undefined as empty cells', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('leaves plain text and numbers unquoted', () => {
    expect(csvCell('Adelie')).toBe('Adelie');
    expect(csvCell(3.5)).toBe('3.5');
  });

  it('quotes cells holding commas, quotes or line breaks and doubles their quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
  });
});
