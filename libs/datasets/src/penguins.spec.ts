import { PENGUIN_COLUMNS, penguinRecords, penguinsCsv } from './penguins';

describe('penguins', () => {
  it('has a header and one line per bird', () => {
    const lines = penguinsCsv().trimEnd().split('\n');
    expect(lines[0]).toBe(PENGUIN_COLUMNS.join(','));
    expect(lines).toHaveLength(345);
    expect(lines[1]).toBe('Adelie,Torgersen,39.1,18.7,181,3750,MALE');
  });

  it('keeps missing values as empty cells', () => {
    expect(penguinsCsv().split('\n')[4]).toBe('Adelie,Torgersen,,,,,');
  });

  it('covers three species', () => {
    const species = new Set(penguinRecords().map((record) => record.species));
    expect([...species].sort()).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
  });
});
