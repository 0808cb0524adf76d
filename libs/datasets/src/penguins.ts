import { csvCell } from './csv-cell';
import { readVegaData, type VegaRow } from './vega-data';

/** Column names of the bundled penguins CSV, in file order. */
export const PENGUIN_COLUMNS = ['species', 'island', 'beak_length_mm', 'beak_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex'] as const;

/** The columns of the vega-datasets file the CSV columns come from. */
const SOURCE_FIELDS: Readonly<Record<(typeof PENGUIN_COLUMNS)[number], string>> = {
  species: 'Species',
  island: 'Island',
  beak_length_mm: 'Beak Length (mm)',
  beak_depth_mm: 'Beak Depth (mm)',
  flipper_length_mm: 'Flipper Length (mm)',
  body_mass_g: 'Body Mass (g)',
  sex: 'Sex',
};

function readSource(): VegaRow[] {
  return readVegaData('penguins.json');
}

/**
 * The Palmer penguins (344 birds of three species, from the `vega-datasets` package) as CSV,
 * with snake_case headers. Real data: numeric and categorical columns, missing values (empty
 * cells), and a stray "." in `sex`. Predicting `species` is the demo task.
 */
export function penguinsCsv(): string {
  const lines = [PENGUIN_COLUMNS.join(',')];
  for (const row of readSource()) lines.push(PENGUIN_COLUMNS.map((column) => csvCell(row[SOURCE_FIELDS[column]])).join(','));
  return `${lines.join('\n')}\n`;
}

/** The penguins as records keyed by the CSV column names, missing values as null. */
export function penguinRecords(): Array<Record<(typeof PENGUIN_COLUMNS)[number], string | number | null>> {
  return readSource().map(
    (row) => Object.fromEntries(PENGUIN_COLUMNS.map((column) => [column, row[SOURCE_FIELDS[column]] ?? null])) as Record<(typeof PENGUIN_COLUMNS)[number], string | number | null>,
  );
}
