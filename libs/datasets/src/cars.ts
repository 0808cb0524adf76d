import { csvCell } from './csv-cell';
import { readVegaData, type VegaRow } from './vega-data';

/** Column names of the bundled cars CSV, in file order; `miles_per_gallon` is the demo target. */
export const CAR_COLUMNS = ['miles_per_gallon', 'cylinders', 'displacement', 'horsepower', 'weight_in_lbs', 'acceleration', 'year', 'origin'] as const;

/** One car keyed by the CSV column names: numbers, `year` as `YYYY-MM-DD`, `origin` as text, missing values as null. */
export type CarRecord = Record<(typeof CAR_COLUMNS)[number], string | number | null>;

/** The columns of the vega-datasets file the CSV columns come from. */
const SOURCE_FIELDS: Readonly<Record<(typeof CAR_COLUMNS)[number], string>> = {
  miles_per_gallon: 'Miles_per_Gallon',
  cylinders: 'Cylinders',
  displacement: 'Displacement',
  horsepower: 'Horsepower',
  weight_in_lbs: 'Weight_in_lbs',
  acceleration: 'Acceleration',
  year: 'Year',
  origin: 'Origin',
};

/** The model year as a calendar date; the source already writes `1970-01-01`, a longer ISO string is cut to its date. */
function isoDate(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const match = /^\d{4}-\d{2}-\d{2}/.exec(String(value));
  if (!match) throw new Error(`vega-datasets cars.json: unexpected Year ${JSON.stringify(value)}`);
  return match[0];
}

function toRecord(row: VegaRow): CarRecord {
  const record = Object.fromEntries(CAR_COLUMNS.map((column) => [column, row[SOURCE_FIELDS[column]] ?? null])) as CarRecord;
  record.year = isoDate(row[SOURCE_FIELDS.year]);
  return record;
}

/** The cars as records keyed by the CSV column names, missing values as null. */
export function carRecords(): CarRecord[] {
  return readVegaData('cars.json').map(toRecord);
}

/**
 * The classic auto-mpg cars (406 models from 1970–1982, from the `vega-datasets` package) as
 * CSV with snake_case headers. A regression demo: predict `miles_per_gallon` (8 cars lack it)
 * from numeric columns (`horsepower` has 6 gaps, left as empty cells), a timestamp column
 * (`year`, a `YYYY-MM-DD` date) and a categorical one (`origin`: USA, Europe or Japan). The
 * car names are left out: they identify a row rather than describe it.
 */
export function carsCsv(): string {
  const lines = [CAR_COLUMNS.join(',')];
  for (const record of carRecords()) lines.push(CAR_COLUMNS.map((column) => csvCell(record[column])).join(','));
  return `${lines.join('\n')}\n`;
}
