// Phase child: the baseline, a plain csv-parse streaming read of the file that only counts
// records. Input: { path }.
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse';
import { phaseMain } from '../phase-child.mjs';

await phaseMain(async ({ path }, sampler) => {
  sampler.stage('parse');
  const started = performance.now();
  let records = 0;
  for await (const _record of createReadStream(path).pipe(parse({ bom: true }))) records += 1;
  const seconds = (performance.now() - started) / 1000;
  // The first record is the header.
  const rows = records - 1;
  return { rows, seconds, rowsPerSecond: rows / seconds };
});
