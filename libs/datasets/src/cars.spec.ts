import { CAR_COLUMNS, carRecords, carsCsv } from './cars';

describe('cars', () => {
  it('has a snake_case header and one line per car', () => {
    const lines = carsCsv().trimEnd().split('\n');
    expect(lines[0]).toBe('miles_per_gallon,cylinders,displacement,horsepower,weight_in_lbs,acceleration,year,origin');
    expect(lines).toHaveLength(407);
    expect(lines[1]).toBe('18,8,307,130,3504,12,1970-01-01,USA');
  });

  it('keeps the missing mileage and horsepower as empty cells', () => {
    const rows = carsCsv()
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    expect(rows.filter((cells) => cells[0] === '')).toHaveLength(8);
    expect(rows.filter((cells) => cells[3] === '')).toHaveLength(6);
    expect(rows.every((cells) => cells.length === CAR_COLUMNS.length)).toBe(true);
  });

  it('writes the model year as a YYYY-MM-DD date from 1970 to 1982', () => {
    const years = carRecords().map((car) => car.year);
    expect(years.every((year) => typeof year === 'string' && /^\d{4}-01-01$/.test(year))).toBe(true);
    expect([...new Set(years)].sort()).toEqual(expect.arrayContaining(['1970-01-01', '1982-01-01']));
    expect(new Set(years).size).toBe(12);
  });

  it('has three origins and numbers in the numeric columns', () => {
    const cars = carRecords();
    expect([...new Set(cars.map((car) => car.origin))].sort()).toEqual(['Europe', 'Japan', 'USA']);
    for (const column of ['cylinders', 'displacement', 'weight_in_lbs', 'acceleration'] as const) {
      expect(cars.every((car) => typeof car[column] === 'number')).toBe(true);
    }
    expect(cars.filter((car) => car.miles_per_gallon === null)).toHaveLength(8);
  });
});
