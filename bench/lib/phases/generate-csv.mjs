// Phase child: writes the synthetic CSV. Input: { path, rows, seed }.
import { performance } from 'node:perf_hooks';
import { phaseMain } from '../phase-child.mjs';
import { COLUMNS, writeSyntheticCsv } from '../synthetic-csv.mjs';

await phaseMain(async ({ path, rows, seed }) => {
  const started = performance.now();
  const { sizeBytes, labels } = await writeSyntheticCsv(path, rows, seed);
  return { rows, columns: COLUMNS.length, sizeBytes, labels, seconds: (performance.now() - started) / 1000 };
});
