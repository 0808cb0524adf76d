// What every benchmark does around its measurement: its command line, which built libraries
// to snapshot, and where its results are written.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * The command line: `--quick`, `--no-build`, `--out DIR` (default `defaultOutDir`) and `--help`
 * (prints `usage` and exits), plus the benchmark's own `options` (node:util parseArgs form).
 */
export function parseBenchArgs(usage, defaultOutDir, options = {}) {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      out: { type: 'string', default: defaultOutDir },
      help: { type: 'boolean', default: false },
      ...options,
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return values;
}

/** `libs/<name>` for every library of the workspace that has been built. */
export function builtLibraries(repoRoot) {
  return readdirSync(join(repoRoot, 'libs'))
    .map((name) => `libs/${name}`)
    .filter((project) => existsSync(join(repoRoot, project, 'dist')));
}

/** `--repeat`'s value as an integer ≥ 1; otherwise prints why with `usage` and exits with 2. */
export function repeatCount(raw, usage) {
  const repeat = Number(raw);
  if (!Number.isInteger(repeat) || repeat < 1) {
    console.error(`--repeat must be an integer ≥ 1, got ${JSON.stringify(raw)}\n\n${usage}`);
    process.exit(2);
  }
  return repeat;
}

/** Writes `<stem>.json` and `<stem>.md` into `outDir`, prints the markdown, and says where they went. */
export function writeResults(outDir, stem, results, markdown, log) {
  mkdirSync(outDir, { recursive: true });
  const jsonPath = join(outDir, `${stem}.json`);
  const mdPath = join(outDir, `${stem}.md`);
  const text = markdown(results);
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(mdPath, text);
  log(`\n${text}`);
  return { jsonPath: relative(process.cwd(), jsonPath), mdPath: relative(process.cwd(), mdPath) };
}
