#!/usr/bin/env node
// Runs every benchmark in bench/ (each top-level *.mjs but this file), one after the other,
// passing the arguments through (e.g. `npm run bench -- --quick`), then writes one report of
// them all (bench/results/report.{md,json}) and, after a full run into bench/results in which
// every benchmark passed, the README's Performance section from it. Exits non-zero if any failed.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const benchmarks = readdirSync(here)
  .filter((name) => name.endsWith('.mjs') && name !== 'run-all.mjs')
  .sort();
const failed = [];
for (const name of benchmarks) {
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(process.execPath, [join(here, name), ...args], { stdio: 'inherit' });
  if (run.status !== 0) failed.push(`${name} (${run.signal ?? `exit ${run.status}`})`);
}

// The report reads what the benchmarks wrote: the same --out, and the quick runs' files after
// --quick. The README takes a full run into bench/results only, and only when every benchmark
// passed: a failed one may have left its last run's results, or none.
const { values } = parseArgs({ args, strict: false, options: { out: { type: 'string' }, quick: { type: 'boolean' } } });
const out = typeof values.out === 'string' ? resolve(values.out) : join(here, 'results');
const quick = values.quick === true;
const intoReadme = !quick && out === join(here, 'results') && failed.length === 0;
if (!quick && failed.length > 0) console.log('\nThe README is left as it was: not every benchmark passed.');
console.log('\n=== report ===');
const report = spawnSync(process.execPath, [join(here, 'lib', 'report.mjs'), '--results', out, ...(quick ? ['--quick'] : []), ...(intoReadme ? ['--update-readme'] : [])], { stdio: 'inherit' });
if (report.status !== 0) failed.push('the report');

if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
