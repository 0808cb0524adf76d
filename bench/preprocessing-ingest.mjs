#!/usr/bin/env node
// Benchmark: CSV ingest + transform in the preprocessing service, as rows per second and peak
// RSS, next to a plain csv-parse read of the same file in the same run (the ratio is the
// number to compare across machines). Each phase runs in its own child process so its peak
// RSS is its own. See bench/README.md.
//
//   node bench/preprocessing-ingest.mjs [--rows N | --quick] [--flat-rows M] [--repeat R] [--profile] [--no-build]
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale, staleProjects } from './lib/build-freshness.mjs';
import { topSelfTime } from './lib/cpu-profile.mjs';
import { describeMachine } from './lib/machine.mjs';
import { describeCode } from './lib/provenance.mjs';
import { parseBenchArgs } from './lib/results.mjs';
import { snapshotBuiltCode } from './lib/code-snapshot.mjs';
import { runPhaseChild } from './lib/phase-child.mjs';
import { deleteKeysWithPrefix, exitUnlessRedisAnswers, uniquePrefix, withRedis } from './lib/redis-keys.mjs';
import { COLUMNS } from './lib/synthetic-csv.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = join(HERE, '..');
const PHASES = join(HERE, 'lib', 'phases');
const DEFAULT_ROWS = 1_000_000;
const QUICK_ROWS = 100_000;
const MiB = 1024;
const round = (value, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
const mib = (kib) => round(kib / MiB, 1);
const log = (line) => console.log(line);

const USAGE = `Usage: node bench/preprocessing-ingest.mjs [options]
  --rows N        rows in the generated CSV (default ${DEFAULT_ROWS})
  --quick         ${QUICK_ROWS} rows
  --flat-rows M   also run at M rows to show peak RSS does not grow with the file
                  (default rows / 5; 0 skips it)
  --repeat R      runs of each side per size (default 1); the fastest run of each side counts
  --seed S        generator seed (default 20240601)
  --profile       afterwards, one more run of our path under --cpu-prof; prints the top 10
                  functions by self time
  --no-build      do not check that apps/preprocessing/dist and libs/*/dist are up to date
  --out DIR       where results go (default bench/results)`;

function readOptions() {
  const values = parseBenchArgs(USAGE, join(HERE, 'results'), { rows: { type: 'string' }, 'flat-rows': { type: 'string' }, repeat: { type: 'string', default: '1' }, seed: { type: 'string', default: '20240601' }, profile: { type: 'boolean', default: false } });
  const integer = (name, text, min) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) {
      console.error(`--${name} must be an integer ≥ ${min}, got ${JSON.stringify(text)}\n\n${USAGE}`);
      process.exit(2);
    }
    return value;
  };
  const rows = values.rows !== undefined ? integer('rows', values.rows, 100) : values.quick ? QUICK_ROWS : DEFAULT_ROWS;
  const flatRows = values['flat-rows'] !== undefined ? integer('flat-rows', values['flat-rows'], 0) : Math.floor(rows / 5);
  return {
    rows,
    flatRows: flatRows === rows ? 0 : flatRows,
    repeat: integer('repeat', values.repeat, 1),
    seed: integer('seed', values.seed, 0),
    profile: values.profile,
    build: !values['no-build'],
    outDir: values.out,
  };
}

/** One run of our path in a fresh store and Redis prefix, both removed afterwards. */
async function runOurs(context, file, { execArgv = [] } = {}) {
  const storeDir = mkdtempSync(join(context.workDir, 'store-'));
  const prefix = uniquePrefix('preprocessing');
  try {
    return await runPhaseChild(
      join(PHASES, 'ingest-transform.mjs'),
      { codeRoot: context.codeRoot, importDir: context.workDir, fileName: file.name, storeDir, sizeBytes: file.sizeBytes, rows: file.rows, redisUrl: context.redisUrl, prefix },
      { execArgv },
    );
  } finally {
    rmSync(storeDir, { recursive: true, force: true });
    // The child deletes its keys; this catches a child that died first.
    await withRedis(REPO_ROOT, context.redisUrl, (redis) => deleteKeysWithPrefix(redis, prefix));
  }
}

function describeOurs(run) {
  const { memory, ...rest } = run;
  return { ...rest, peakRssKiB: memory.maxRssKiB, memory };
}

/** Generates the file for `rows`, then runs baseline and ours `repeat` times, then the baseline once more. */
async function measureSize(context, rows) {
  const name = `synthetic-${rows}.csv`;
  const path = join(context.workDir, name);
  log(`\n[${rows} rows] generating ${name} …`);
  const generated = await runPhaseChild(join(PHASES, 'generate-csv.mjs'), { path, rows, seed: context.seed });
  const file = { name, rows, sizeBytes: generated.sizeBytes };
  log(`  ${round(generated.sizeBytes / 2 ** 20, 1)} MB in ${round(generated.seconds, 1)} s; labels ${JSON.stringify(generated.labels)}`);
  const baseline = [];
  const ours = [];
  const runBaseline = async () => {
    const run = await runPhaseChild(join(PHASES, 'csv-parse-baseline.mjs'), { path });
    if (run.rows !== rows) throw new Error(`csv-parse counted ${run.rows} rows, expected ${rows}`);
    baseline.push({ ...run, peakRssKiB: run.memory.maxRssKiB });
    log(`  baseline csv-parse: ${round(run.rowsPerSecond)} rows/s (${round(run.seconds, 2)} s), peak RSS ${mib(run.memory.maxRssKiB)} MiB`);
  };
  try {
    for (let attempt = 0; attempt < context.repeat; attempt++) {
      await runBaseline();
      log('  ingest + transform …');
      const run = describeOurs(await runOurs(context, file));
      ours.push(run);
      log(
        `  ours: ingest ${round(run.ingestRowsPerSecond)} rows/s (${round(run.ingestSeconds, 1)} s), transform ${round(run.transformRowsPerSecond)} rows/s (${round(run.transformSeconds, 1)} s), combined ${round(run.combinedRowsPerSecond)} rows/s, peak RSS ${mib(run.peakRssKiB)} MiB`,
      );
    }
    // Bracketing ours with baseline runs shows how much the machine drifted meanwhile.
    await runBaseline();
  } finally {
    rmSync(path, { force: true });
  }
  const bestBaseline = baseline.reduce((best, run) => (run.rowsPerSecond > best.rowsPerSecond ? run : best));
  const bestOurs = ours.reduce((best, run) => (run.combinedRowsPerSecond > best.combinedRowsPerSecond ? run : best));
  return {
    rows,
    columns: COLUMNS.length,
    fileSizeBytes: generated.sizeBytes,
    fileSizeMB: round(generated.sizeBytes / 2 ** 20, 1),
    generate: { seconds: round(generated.seconds, 2), labels: generated.labels, peakRssKiB: generated.memory.maxRssKiB },
    baseline: {
      rowsPerSecond: round(bestBaseline.rowsPerSecond),
      seconds: round(bestBaseline.seconds, 3),
      peakRssKiB: Math.max(...baseline.map((run) => run.peakRssKiB)),
      runs: baseline,
    },
    ours: {
      ingestRowsPerSecond: round(bestOurs.ingestRowsPerSecond),
      transformRowsPerSecond: round(bestOurs.transformRowsPerSecond),
      combinedRowsPerSecond: round(bestOurs.combinedRowsPerSecond),
      ingestSeconds: round(bestOurs.ingestSeconds, 2),
      transformSeconds: round(bestOurs.transformSeconds, 2),
      passSeconds: bestOurs.passSeconds && Object.fromEntries(Object.entries(bestOurs.passSeconds).map(([pass, seconds]) => [pass, round(seconds, 2)])),
      peakRssKiB: Math.max(...ours.map((run) => run.peakRssKiB)),
      peakRssAfterIngestKiB: Math.max(...ours.map((run) => run.maxRssAfterIngestKiB)),
      runs: ours,
    },
    ratio: {
      combinedOverBaseline: round(bestOurs.combinedRowsPerSecond / bestBaseline.rowsPerSecond, 3),
      ingestOverBaseline: round(bestOurs.ingestRowsPerSecond / bestBaseline.rowsPerSecond, 3),
      transformOverBaseline: round(bestOurs.transformRowsPerSecond / bestBaseline.rowsPerSecond, 3),
    },
  };
}

/** A small run of our path on the snapshot, so a broken build fails in seconds, not minutes. */
async function smokeTest(context) {
  const rows = 2_000;
  const name = 'smoke.csv';
  const generated = await runPhaseChild(join(PHASES, 'generate-csv.mjs'), { path: join(context.workDir, name), rows, seed: context.seed });
  try {
    const run = await runOurs(context, { name, rows, sizeBytes: generated.sizeBytes });
    if (!run.typesAsExpected) throw new Error(`the ingest inferred ${JSON.stringify(run.columnTypes)}; the generator means 12 numeric, 6 categorical, 1 boolean, 1 timestamp`);
    if (run.encodedRows !== rows) throw new Error(`the transform encoded ${run.encodedRows} of ${rows} rows`);
  } finally {
    rmSync(join(context.workDir, name), { force: true });
  }
}

function markdown(results) {
  const { machine } = results;
  const lines = [
    '# Preprocessing: CSV ingest + transform',
    '',
    `Measured ${machine.date.slice(0, 10)} on ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}, csv-parse ${results.csvParseVersion}; ` +
      `${COLUMNS.length} columns (12 numeric, 5 categorical, 1 boolean, 1 ISO date, 3-class label), best of ${results.config.repeat} run(s) per side. ` +
      'Generated by `node bench/preprocessing-ingest.mjs`; raw numbers in the JSON beside this file.',
    '',
    `Code: commit ${results.code.commit?.slice(0, 7) ?? 'unknown'}${
      results.code.sourcesChangedSinceCommit.length > 0 ? ` plus uncommitted changes to ${results.code.sourcesChangedSinceCommit.join(', ')}` : ''
    }.`,
    '',
    '| rows | file | baseline: csv-parse read | ingest | transform (3 passes) | ingest + transform | ours / baseline | peak RSS baseline | peak RSS ingest + transform |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const k = (rowsPerSecond) => `${round(rowsPerSecond / 1000, 1)}k rows/s`;
  for (const size of results.sizes) {
    lines.push(
      `| ${size.rows.toLocaleString('en-US')} | ${size.fileSizeMB} MB | ${k(size.baseline.rowsPerSecond)} | ${k(size.ours.ingestRowsPerSecond)} | ${k(size.ours.transformRowsPerSecond)} | ${k(size.ours.combinedRowsPerSecond)} | ${size.ratio.combinedOverBaseline} | ${mib(size.baseline.peakRssKiB)} MiB | ${mib(size.ours.peakRssKiB)} MiB |`,
    );
  }
  lines.push('');
  for (const size of results.sizes) {
    const passes = size.ours.passSeconds;
    if (passes) {
      lines.push(
        `- ${size.rows.toLocaleString('en-US')} rows: ingest ${size.ours.ingestSeconds} s, transform ${size.ours.transformSeconds} s (cleaning pass ${passes.cleaning} s, encoding pass ${passes.encoding} s, apply pass ${passes.apply} s); peak RSS after ingest ${mib(size.ours.peakRssAfterIngestKiB)} MiB.`,
      );
    }
  }
  if (results.memory) {
    lines.push(
      `- Peak RSS of ingest + transform: ${mib(results.memory.smaller.peakRssKiB)} MiB at ${results.memory.smaller.rows.toLocaleString('en-US')} rows, ${mib(results.memory.larger.peakRssKiB)} MiB at ${results.memory.larger.rows.toLocaleString('en-US')} rows (${results.memory.growthPercent >= 0 ? '+' : ''}${results.memory.growthPercent}% for ${results.memory.rowsFactor}× the rows).`,
    );
  }
  if (results.profile) {
    lines.push('', `Top functions by self time in one profiled run (${results.profile.rows.toLocaleString('en-US')} rows, ${results.profile.sampledMs} ms sampled):`, '');
    lines.push('| function | file:line | self ms | self % |', '|---|---|---:|---:|');
    for (const entry of results.profile.top) lines.push(`| \`${entry.function}\` | ${entry.file}:${entry.line} | ${entry.selfMs} | ${entry.selfPercent} |`);
    lines.push('', 'The same by file or package:', '', '| file or package | self ms | self % |', '|---|---:|---:|');
    for (const entry of results.profile.byFile) lines.push(`| ${entry.file} | ${entry.selfMs} | ${entry.selfPercent} |`);
  }
  lines.push('', 'Rows/s are data rows (header excluded) over wall time; ingest + transform is rows over the sum of both. Peak RSS is the child process\'s `maxRSS`.', '');
  return lines.join('\n');
}

async function main() {
  const options = readOptions();
  if (options.build) {
    const stale = staleProjects(REPO_ROOT);
    buildIfStale(REPO_ROOT, stale, log);
  }
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  await exitUnlessRedisAnswers(REPO_ROOT, redisUrl);

  const machine = describeMachine();
  const csvParseVersion = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'csv-parse', 'package.json'), 'utf8')).version;
  const workDir = mkdtempSync(join(tmpdir(), 'aiaas-bench-'));
  const cleanUp = () => rmSync(workDir, { recursive: true, force: true });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      cleanUp();
      process.exit(130);
    });
  }
  log(`preprocessing ingest + transform: ${options.rows} rows${options.flatRows ? ` (and ${options.flatRows} for the memory check)` : ''}, ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}`);

  const code = describeCode(REPO_ROOT, ['apps/preprocessing/src', 'libs']);
  if (code.sourcesChangedSinceCommit.length > 0) log(`Note: measuring the working tree's build; sources changed since ${code.commit?.slice(0, 7)}: ${code.sourcesChangedSinceCommit.join(', ')}`);
  const results = { benchmark: 'preprocessing-ingest', machine, code, csvParseVersion, config: { rows: options.rows, flatRows: options.flatRows, repeat: options.repeat, seed: options.seed, columns: [...COLUMNS] } };
  try {
    const projects = ['apps/preprocessing', ...readdirSync(join(REPO_ROOT, 'libs')).map((name) => `libs/${name}`)];
    const codeRoot = snapshotBuiltCode(REPO_ROOT, projects, join(workDir, 'code'));
    const context = { workDir, codeRoot, redisUrl, seed: options.seed, repeat: options.repeat };
    await smokeTest(context);
    const sizes = options.flatRows > 0 ? [Math.min(options.flatRows, options.rows), Math.max(options.flatRows, options.rows)] : [options.rows];
    results.sizes = [];
    for (const rows of sizes) results.sizes.push(await measureSize(context, rows));
    if (results.sizes.length === 2) {
      const [smaller, larger] = results.sizes;
      results.memory = {
        smaller: { rows: smaller.rows, peakRssKiB: smaller.ours.peakRssKiB },
        larger: { rows: larger.rows, peakRssKiB: larger.ours.peakRssKiB },
        rowsFactor: round(larger.rows / smaller.rows, 1),
        growthPercent: round(((larger.ours.peakRssKiB - smaller.ours.peakRssKiB) / smaller.ours.peakRssKiB) * 100, 1),
      };
    }
    if (options.profile) {
      log(`\n[${options.rows} rows] profiling ingest + transform (--cpu-prof; not a measured run) …`);
      const path = join(workDir, `synthetic-${options.rows}.csv`);
      const generated = await runPhaseChild(join(PHASES, 'generate-csv.mjs'), { path, rows: options.rows, seed: options.seed });
      const profileDir = join(workDir, 'profile');
      mkdirSync(profileDir);
      await runOurs(context, { name: `synthetic-${options.rows}.csv`, rows: options.rows, sizeBytes: generated.sizeBytes }, { execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] });
      const profileFile = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
      if (!profileFile) throw new Error('the profiled run wrote no .cpuprofile');
      results.profile = { rows: options.rows, ...topSelfTime(join(profileDir, profileFile), [codeRoot, REPO_ROOT], 10) };
    }
  } finally {
    cleanUp();
  }

  mkdirSync(options.outDir, { recursive: true });
  const stem = options.rows === DEFAULT_ROWS ? 'preprocessing' : `preprocessing-${options.rows}-rows`;
  const jsonPath = join(options.outDir, `${stem}.json`);
  const mdPath = join(options.outDir, `${stem}.md`);
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(mdPath, markdown(results));

  log(`\n${markdown(results)}`);
  const headline = results.sizes.at(-1);
  if (headline.ours.combinedRowsPerSecond < 30_000 && !options.profile) log('Ingest + transform is under 30k rows/s; rerun with --profile to see where the time goes.');
  log(`Wrote ${relative(process.cwd(), jsonPath)} and ${relative(process.cwd(), mdPath)}`);
}

await main();
