import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One row of a vega-datasets JSON file. */
export type VegaRow = Readonly<Record<string, string | number | null>>;

/** Reads `data/<fileName>` from the installed `vega-datasets` package. */
export function readVegaData(fileName: string): VegaRow[] {
  // The package's exports map hides its data folder, so locate it from the entry point.
  const packageRoot = join(dirname(require.resolve('vega-datasets')), '..');
  return JSON.parse(readFileSync(join(packageRoot, 'data', fileName), 'utf8')) as VegaRow[];
}
