import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKSPACE_ROOT as REPO_ROOT } from './deployment-manifests';

const REPORT = join(REPO_ROOT, 'bench', 'lib', 'report.mjs');
const START = '<!-- bench-report:start';
const END = '<!-- bench-report:end -->';

/** Runs bench/lib/report.mjs (an ES module, as the benchmarks are) with `args`; resolves its stdout. */
function report(...args: string[]): string {
  return execFileSync(process.execPath, [REPORT, ...args], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The README's generated block: what follows the start marker's line, up to the end marker. */
function readmeBlock(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md has no bench-report block');
  return readme.slice(readme.indexOf('\n', start) + 1, end);
}

describe("the README's Performance section", () => {
  it('is the report of the committed benchmark results (regenerate: node bench/lib/report.mjs --update-readme)', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readmeBlock(readme)).toBe(report('--readme-block'));
  });
});

describe('the benchmark report', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'bench-report-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const point = (concurrency: number, requestsPerSecond: number) => ({ concurrency, requests: requestsPerSecond * 3, errors: 0, requestsPerSecond, p50Ms: 2, p99Ms: 9 });
  const pipelines = (pipelinesPerSecond: number) => ({ pipelines: 6, failed: 0, seconds: 6 / pipelinesPerSecond, pipelinesPerSecond, p50Ms: 400, p99Ms: 700, errors: [] });
  const jobSubmission = {
    benchmark: 'job-submission',
    machine: { cpuModel: 'Test CPU', cores: 2, memoryGiB: 8, node: 'v20.0.0', date: '2026-01-02T03:04:05.000Z', packages: { bullmq: '6.7.0' } },
    code: { commit: 'abcdef0123456789', sourcesChangedSinceCommit: [] },
    config: { seconds: 1, warmUpSeconds: 0.5, concurrency: [1, 16], pipelines: 6, epochs: 5, quick: true },
    admission: { baseline: [point(1, 1000), point(16, 4000)], gateway: [point(1, 250), point(16, 1000)], calls: 3750, failedCalls: 0, errorRatePercent: 0 },
    throughput: { oneAtATime: pipelines(4), allAtOnce: pipelines(9) },
    ratios: { admissionBest: { gateway: 1000, baseline: 4000 }, admission: 0.25, pipelinesAllAtOnceOverOneAtATime: 2.25 },
  };

  it("reads a --quick run's files, gives each figure as a ratio to its baseline, and lists benchmarks without results", () => {
    writeFileSync(join(directory, 'job-submission-quick.json'), JSON.stringify(jobSubmission));
    const markdown = report('--readme-block', '--quick', '--results', directory);

    expect(markdown).toContain('`node bench/job-submission.mjs --quick`; measured 2026-01-02, Test CPU, 2 cores, 8 GiB, Node v20.0.0, commit abcdef0');
    expect(markdown).toContain("Baseline: BullMQ's own `FlowProducer.add` of the same four-stage flow, 4k/s (concurrency 16; p50 2 ms, p99 9 ms)");
    expect(markdown).toContain('| gateway `StartPipeline` over gRPC (0 of 3750 failed) | 1k/s (concurrency 16; p50 2 ms, p99 9 ms) | 0.25× |  |');
    expect(markdown).toContain('| pipelines, all submitted at once | 9 pipelines/s (p50 400 ms, p99 700 ms each; 0 failed) | 2.25× |  |');
    expect(markdown).toContain('Packages: bullmq 6.7.0.');
    expect(markdown).toContain('**soak** (`node bench/soak.mjs --quick`): no results yet.');
    expect(markdown).not.toContain('job-submission.json');
  });

  it('writes report.json and report.md beside the results', () => {
    writeFileSync(join(directory, 'job-submission.json'), JSON.stringify({ ...jobSubmission, config: { ...jobSubmission.config, quick: false } }));
    report('--results', directory);

    const written = JSON.parse(readFileSync(join(directory, 'report.json'), 'utf8'));
    const entry = written.benchmarks.find((benchmark: { name: string }) => benchmark.name === 'job-submission');
    expect(entry.figures.map((figure: { ratio: number }) => figure.ratio)).toEqual([0.25, 2.25]);
    expect(readFileSync(join(directory, 'report.md'), 'utf8')).toContain('| pipelines, all submitted at once |');
  });

  it('replaces only the marked block of a README, and says how to mark one that has none', () => {
    writeFileSync(join(directory, 'job-submission.json'), JSON.stringify({ ...jobSubmission, config: { ...jobSubmission.config, quick: false } }));
    const readme = join(directory, 'README.md');
    const marker = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8').split('\n').find((line) => line.startsWith(START));
    writeFileSync(readme, `# Title\n\n${marker}\nstale figures\n${END}\n\nAfter.\n`);
    report('--results', directory, '--update-readme', '--readme', readme);

    const updated = readFileSync(readme, 'utf8');
    expect(updated.startsWith(`# Title\n\n${marker}\n`)).toBe(true);
    expect(updated.endsWith(`${END}\n\nAfter.\n`)).toBe(true);
    expect(updated).not.toContain('stale figures');
    expect(readmeBlock(updated)).toBe(report('--readme-block', '--results', directory));

    writeFileSync(readme, '# No block\n');
    expect(() => report('--results', directory, '--update-readme', '--readme', readme)).toThrow(/README.md has no generated performance block: add the lines/);
  });
});
