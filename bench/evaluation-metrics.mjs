#!/usr/bin/env node
// Benchmark: the full classification report of libs/metrics (accuracy, per-class and averaged
// precision/recall/F1, confusion matrix, one-vs-rest ROC-AUC and PR-AUC with their curves, log
// loss, Brier score, top-3 accuracy, calibration) over 1,000,000 predictions of 10 classes,
// added in batches as the evaluation service adds them. Two baselines in the same run: a bare
// loop computing accuracy and the confusion matrix only (what no report can beat), and the
// textbook exact report that keeps every probability and sorts each class's scores for its AUC
// (what streaming saves memory against). Each side runs in its own process, so its peak RSS is
// its own. See bench/README.md for the shared conventions.
//
//   node bench/evaluation-metrics.mjs [--quick] [--repeat R] [--no-build] [--out DIR]
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale, staleProjects } from './lib/build-freshness.mjs';
import { snapshotBuiltCode } from './lib/code-snapshot.mjs';
import { describeMachine } from './lib/machine.mjs';
import { phaseMain, runPhaseChild } from './lib/phase-child.mjs';
import { describeCode } from './lib/provenance.mjs';
import { builtLibraries, parseBenchArgs, repeatCount, writeResults } from './lib/results.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = join(HERE, '..');
const SCRIPT = fileURLToPath(import.meta.url);
const CLASSES = 10;
const BATCH_ROWS = 65_536;
const SIDES = ['generate', 'loop', 'exact', 'metrics'];
const round = (value, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
const log = (line) => console.log(line);

const USAGE = `Usage: node bench/evaluation-metrics.mjs [options]
  --quick       100,000 predictions instead of 1,000,000
  --repeat R    runs of each side (default 1); the fastest run of each side counts
  --no-build    do not check that libs/*/dist is up to date
  --out DIR     where results go (default bench/results)`;

function readOptions() {
  const values = parseBenchArgs(USAGE, join(HERE, 'results'), { repeat: { type: 'string', default: '1' } });
  const repeat = repeatCount(values.repeat, USAGE);
  return { quick: values.quick, rows: values.quick ? 100_000 : 1_000_000, repeat, build: !values['no-build'], outDir: values.out };
}

// ---------------------------------------------------------------------------------------------
// Phase child: one side in a fresh process.

/** A deterministic batch: a softmax over logits that favour the true class (about 70% right). */
function batchOf(first, rows) {
  const truth = new Int32Array(rows);
  const probabilities = new Float32Array(rows * CLASSES);
  for (let row = 0; row < rows; row++) {
    const global = first + row;
    const actual = (global * 7) % CLASSES;
    truth[row] = actual;
    let sum = 0;
    for (let k = 0; k < CLASSES; k++) {
      const noise = Math.sin((global * CLASSES + k) * 12.9898) * 43758.5453;
      const logit = (noise - Math.floor(noise)) * 3 + (k === actual ? 1.6 : 0);
      const e = Math.exp(logit);
      probabilities[row * CLASSES + k] = e;
      sum += e;
    }
    for (let k = 0; k < CLASSES; k++) probabilities[row * CLASSES + k] /= sum;
  }
  return { truth, probabilities };
}

/** Exact one-vs-rest ROC-AUC of one class by sorting its scores (ties count ½). */
function exactAuc(scores, positive) {
  const order = Int32Array.from(scores.keys()).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end < order.length && scores[order[end]] === scores[order[start]]) end++;
    const meanRank = (start + end + 1) / 2;
    for (let index = start; index < end; index++) if (positive[order[index]]) (positives += 1), (rankSum += meanRank);
    start = end;
  }
  const negatives = order.length - positives;
  return positives === 0 || negatives === 0 ? null : (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

async function runSide({ codeRoot, side, rows }, sampler) {
  const metrics = createRequire(join(codeRoot, 'package.json'))('@aiaas/metrics');
  sampler.stage('report');
  const started = performance.now();
  let summary;
  if (side === 'metrics') {
    const accumulator = new metrics.ClassificationAccumulator(CLASSES, { topK: [3] });
    for (let first = 0; first < rows; first += BATCH_ROWS) {
      const { truth, probabilities } = batchOf(first, Math.min(BATCH_ROWS, rows - first));
      accumulator.add(truth, probabilities);
    }
    const report = accumulator.result();
    summary = { accuracy: report.accuracy, macroF1: report.macro.f1, rocAuc: report.rocAuc, rocAucMaxError: report.rocAucMaxError, logLoss: report.logLoss, ece: report.calibration.expectedCalibrationError };
  } else if (side === 'generate') {
    let checksum = 0;
    for (let first = 0; first < rows; first += BATCH_ROWS) checksum += batchOf(first, Math.min(BATCH_ROWS, rows - first)).probabilities[0];
    summary = { checksum };
  } else if (side === 'loop') {
    const confusion = new Float64Array(CLASSES * CLASSES);
    let correct = 0;
    for (let first = 0; first < rows; first += BATCH_ROWS) {
      const { truth, probabilities } = batchOf(first, Math.min(BATCH_ROWS, rows - first));
      for (let row = 0; row < truth.length; row++) {
        let best = 0;
        for (let k = 1; k < CLASSES; k++) if (probabilities[row * CLASSES + k] > probabilities[row * CLASSES + best]) best = k;
        confusion[truth[row] * CLASSES + best] += 1;
        if (best === truth[row]) correct += 1;
      }
    }
    summary = { accuracy: correct / rows };
  } else {
    const truth = new Int32Array(rows);
    const probabilities = new Float32Array(rows * CLASSES);
    for (let first = 0; first < rows; first += BATCH_ROWS) {
      const batch = batchOf(first, Math.min(BATCH_ROWS, rows - first));
      truth.set(batch.truth, first);
      probabilities.set(batch.probabilities, first * CLASSES);
    }
    const aucs = [];
    for (let k = 0; k < CLASSES; k++) {
      const scores = Float32Array.from({ length: rows }, (_, row) => probabilities[row * CLASSES + k]);
      aucs.push(exactAuc(scores, Uint8Array.from(truth, (actual) => (actual === k ? 1 : 0))));
    }
    summary = { rocAuc: aucs.reduce((sum, auc) => sum + auc, 0) / CLASSES };
  }
  const seconds = (performance.now() - started) / 1000;
  return { side, rows, seconds, rowsPerSecond: rows / seconds, summary };
}

// ---------------------------------------------------------------------------------------------
// Parent: build check, snapshot, the three sides, results.

function markdown(results) {
  const { machine, best, ratio, config } = results;
  const mib = (kib) => `${round(kib / 1024)} MiB`;
  const line = (label, run) => `| ${label} | ${round(run.seconds, 2)} s | ${round(run.rowsPerSecond / 1000)}k rows/s | ${mib(run.memory.maxRssKiB)} |`;
  return [
    `# Classification report over ${config.rows.toLocaleString('en-US')} predictions of ${CLASSES} classes`,
    '',
    `Measured ${machine.date.slice(0, 10)} on ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}; best of ${config.repeat} run(s) per side, each in its own process. ` +
      'Generated by `node bench/evaluation-metrics.mjs`; raw numbers in the JSON beside this file.',
    '',
    '| | time | rows/s | peak RSS |',
    '|---|---:|---:|---:|',
    line('making the predictions only (every side does this too)', best.generate),
    line('accuracy and confusion matrix only, one pass (baseline)', best.loop),
    line('exact AUCs: every probability kept, each class sorted', best.exact),
    line('libs/metrics: the full report, streamed in batches', best.metrics),
    '',
    `Net of making the predictions, the full report takes ${ratio.reportVsLoop}× the time of the bare loop and ${ratio.reportVsExactTime}× that of the sort-based exact AUCs alone, in ${ratio.reportVsExactMemory}× its memory. ` +
      `Its ROC-AUC is ${round(best.metrics.summary.rocAuc, 6)} (within ${best.metrics.summary.rocAucMaxError.toExponential(1)} of exact, as it reports); the sort gives ${round(best.exact.summary.rocAuc, 6)}.`,
    '',
  ].join('\n');
}

async function main() {
  const options = readOptions();
  if (options.build) buildIfStale(REPO_ROOT, staleProjects(REPO_ROOT), log);
  const machine = describeMachine();
  log(`evaluation metrics: ${options.rows} predictions of ${CLASSES} classes; ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}`);
  const code = describeCode(REPO_ROOT, ['libs']);
  const workDir = mkdtempSync(join(tmpdir(), 'aiaas-bench-'));
  const cleanUp = () => rmSync(workDir, { recursive: true, force: true });
  const results = { benchmark: 'evaluation-metrics', machine, code, config: { rows: options.rows, classes: CLASSES, batchRows: BATCH_ROWS, repeat: options.repeat } };
  try {
    const codeRoot = snapshotBuiltCode(REPO_ROOT, builtLibraries(REPO_ROOT), join(workDir, 'code'));
    const runs = Object.fromEntries(SIDES.map((side) => [side, []]));
    for (let attempt = 0; attempt < options.repeat; attempt++) {
      for (const side of attempt % 2 === 0 ? SIDES : [...SIDES].reverse()) {
        const run = await runPhaseChild(SCRIPT, { codeRoot, side, rows: options.rows });
        runs[side].push(run);
        log(`  ${side}: ${round(run.seconds, 2)} s, peak RSS ${round(run.memory.maxRssKiB / 1024)} MiB`);
      }
    }
    const best = Object.fromEntries(SIDES.map((side) => [side, runs[side].reduce((fastest, run) => (run.seconds < fastest.seconds ? run : fastest))]));
    results.best = best;
    const net = (side) => Math.max(best[side].seconds - best.generate.seconds, 1e-3);
    results.ratio = {
      reportVsLoop: round(net('metrics') / net('loop'), 2),
      reportVsExactTime: round(net('metrics') / net('exact'), 2),
      reportVsExactMemory: round(best.metrics.memory.maxRssKiB / best.exact.memory.maxRssKiB, 2),
    };
  } finally {
    cleanUp();
  }
  const { jsonPath, mdPath } = writeResults(options.outDir, options.quick ? 'evaluation-metrics-quick' : 'evaluation-metrics', results, markdown, log);
  log(`Wrote ${jsonPath} and ${mdPath}`);
}

// Forked by runPhaseChild with its input as the first argument: run one side; else the parent.
if (process.send !== undefined && process.argv[2]?.startsWith('{')) await phaseMain(runSide);
else await main();
