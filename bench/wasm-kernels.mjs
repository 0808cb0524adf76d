#!/usr/bin/env node
// Benchmark: the wasm backend as it ships (stock) next to the wasm backend with the platform's
// training kernels registered (`selectBackend('wasm')` does that), in the same run: a
// transposed matMul, and `model.fit` of the platform's MLP. The ratios are the numbers to
// compare across machines. Each side runs in its own child process, because registration is
// process-wide. See bench/README.md for the shared conventions.
//
//   node bench/wasm-kernels.mjs [--quick] [--repeat R] [--no-build] [--out DIR]
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
const round = (value, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
const log = (line) => console.log(line);

/** matMul(a [m, k], b [n, k], transposeB): the shape of a dense layer's input gradient. */
const MATMUL = { m: 128, k: 256, n: 256 };
/** The MLP of STACK.md: 64 → 256 → 256 → 4, Adam, batch 128, 4096 rows, 2 epochs. */
const FIT = { inputSize: 64, hiddenUnits: [256, 256], classes: 4, rows: 4096, batchSize: 128, epochs: 2 };

const USAGE = `Usage: node bench/wasm-kernels.mjs [options]
  --quick       fewer matMul iterations and 1,024 training rows (~20 s)
  --repeat R    runs of each side (default 1); the fastest run of each side counts
  --no-build    do not check that libs/*/dist is up to date
  --out DIR     where results go (default bench/results)`;

function readOptions() {
  const values = parseBenchArgs(USAGE, join(HERE, 'results'), { repeat: { type: 'string', default: '1' } });
  const repeat = repeatCount(values.repeat, USAGE);
  return {
    quick: values.quick,
    matmulIterations: values.quick ? 30 : 200,
    fitRows: values.quick ? 1024 : FIT.rows,
    repeat,
    build: !values['no-build'],
    outDir: values.out,
  };
}

// ---------------------------------------------------------------------------------------------
// Phase child: one side (stock or registered) in a fresh process.

/** Median milliseconds of `operation` (the wasm backend is synchronous: a call is the work). */
function medianMs(tf, operation, iterations) {
  for (let warmUp = 0; warmUp < 5; warmUp++) tf.dispose(operation());
  const samples = [];
  for (let iteration = 0; iteration < iterations; iteration++) {
    const started = performance.now();
    const result = operation();
    samples.push(performance.now() - started);
    tf.dispose(result);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** Deterministic features and one-hot labels (a linear rule plus noise), no PRNG dependency. */
function trainingData(tf, rows) {
  const features = new Float32Array(rows * FIT.inputSize);
  for (let index = 0; index < features.length; index++) features[index] = Math.sin(index * 12.9898) * 2;
  const labels = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    let score = 0;
    for (let column = 0; column < 8; column++) score += features[row * FIT.inputSize + column] * (column % 3 - 1);
    labels[row] = Math.min(FIT.classes - 1, Math.max(0, Math.floor(score + 2)));
  }
  return tf.tidy(() => ({ x: tf.tensor2d(features, [rows, FIT.inputSize]), y: tf.oneHot(tf.tensor1d(labels, 'int32'), FIT.classes) }));
}

async function runSide({ codeRoot, registered, matmulIterations, fitRows }, sampler) {
  const load = createRequire(join(codeRoot, 'package.json'));
  const tf = load('@tensorflow/tfjs');
  load('@tensorflow/tfjs-backend-wasm');
  const models = load('@aiaas/models');
  tf.env().set('PROD', true);
  if (registered) {
    const { silentLogger } = load('@aiaas/observability');
    await models.selectBackend('wasm', silentLogger);
  } else {
    await tf.setBackend('wasm');
  }
  if (tf.getBackend() !== 'wasm') throw new Error(`the wasm backend did not start (active: ${tf.getBackend()})`);

  sampler.stage('matmul');
  const a = tf.randomNormal([MATMUL.m, MATMUL.k], 0, 1, 'float32', 1);
  const bTransposed = tf.randomNormal([MATMUL.n, MATMUL.k], 0, 1, 'float32', 2);
  const b = tf.transpose(bTransposed);
  const matmul = {
    transposeBMs: medianMs(tf, () => tf.matMul(a, bTransposed, false, true), matmulIterations),
    plainMs: medianMs(tf, () => tf.matMul(a, b), matmulIterations),
  };
  tf.dispose([a, b, bTransposed]);

  sampler.stage('fit');
  // The MLP as TF.js users write it: seeded ReLU layers, softmax, Adam, categorical cross-entropy.
  const model = tf.sequential({
    layers: [
      ...FIT.hiddenUnits.map((units, index) =>
        tf.layers.dense({ units, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: index + 1 }), ...(index === 0 ? { inputShape: [FIT.inputSize] } : {}) }),
      ),
      tf.layers.dense({ units: FIT.classes, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 99 }) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
  const { x, y } = trainingData(tf, fitRows);
  // One short epoch first: XNNPACK sets up its operators on the first calls.
  const warmUp = { x: x.slice(0, FIT.batchSize * 2), y: y.slice(0, FIT.batchSize * 2) };
  await model.fit(warmUp.x, warmUp.y, { batchSize: FIT.batchSize, epochs: 1, verbose: 0 });
  const started = performance.now();
  const history = await model.fit(x, y, { batchSize: FIT.batchSize, epochs: FIT.epochs, verbose: 0 });
  const seconds = (performance.now() - started) / 1000;
  const losses = history.history.loss.map((loss) => round(Number(loss), 4));
  tf.dispose([x, y, warmUp.x, warmUp.y]);
  // The model does not own an optimizer it was compiled with as an instance.
  model.optimizer.dispose();
  model.dispose();
  return {
    registered,
    matmul,
    fit: { rows: fitRows, epochs: FIT.epochs, seconds, samplesPerSecond: (fitRows * FIT.epochs) / seconds, losses },
    tensorsLeft: tf.memory().numTensors,
  };
}

// ---------------------------------------------------------------------------------------------
// Parent: build check, snapshot, both sides, results.

function markdown(results) {
  const { machine, stock, registered, ratio } = results;
  const k = (value) => `${round(value / 1000, 1)}k samples/s`;
  return [
    '# Wasm backend: stock kernels vs. the platform\'s training kernels',
    '',
    `Measured ${machine.date.slice(0, 10)} on ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}; best of ${results.config.repeat} run(s) per side, each side in its own process. ` +
      'Generated by `node bench/wasm-kernels.mjs`; raw numbers in the JSON beside this file.',
    '',
    `Code: commit ${results.code.commit?.slice(0, 7) ?? 'unknown'}${results.code.sourcesChangedSinceCommit.length > 0 ? ` plus uncommitted changes to ${results.code.sourcesChangedSinceCommit.join(', ')}` : ''}.`,
    '',
    '| | stock wasm | registered | registered / stock |',
    '|---|---:|---:|---:|',
    `| matMul ${MATMUL.m}×${MATMUL.k}·(${MATMUL.n}×${MATMUL.k})ᵀ, transposeB | ${round(stock.matmul.transposeBMs, 2)} ms | ${round(registered.matmul.transposeBMs, 2)} ms | ${ratio.transposeBSpeedup}× faster |`,
    `| matMul ${MATMUL.m}×${MATMUL.k}·${MATMUL.k}×${MATMUL.n}, plain (reference) | ${round(stock.matmul.plainMs, 2)} ms | ${round(registered.matmul.plainMs, 2)} ms | |`,
    `| fit ${FIT.inputSize}→${FIT.hiddenUnits.join('→')}→${FIT.classes}, Adam, batch ${FIT.batchSize}, ${results.config.fitRows} rows × ${FIT.epochs} epochs | ${k(stock.fit.samplesPerSecond)} | ${k(registered.fit.samplesPerSecond)} | ${ratio.fitSpeedup}× |`,
    '',
    'matMul times are medians of single calls; samples/s is rows × epochs over the wall time of `model.fit` after a one-epoch warm-up on two batches.',
    '',
  ].join('\n');
}

async function main() {
  const options = readOptions();
  if (options.build) {
    const stale = staleProjects(REPO_ROOT);
    buildIfStale(REPO_ROOT, stale, log);
  }
  const machine = describeMachine();
  log(`wasm kernels: matMul ${MATMUL.m}×${MATMUL.k}×${MATMUL.n} (transposeB) and MLP fit, stock vs registered; ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}`);
  const code = describeCode(REPO_ROOT, ['libs']);
  if (code.sourcesChangedSinceCommit.length > 0) log(`Note: measuring the working tree's build; sources changed since ${code.commit?.slice(0, 7)}: ${code.sourcesChangedSinceCommit.join(', ')}`);

  const workDir = mkdtempSync(join(tmpdir(), 'aiaas-bench-'));
  const cleanUp = () => rmSync(workDir, { recursive: true, force: true });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      cleanUp();
      process.exit(130);
    });
  }
  const config = { quick: options.quick, repeat: options.repeat, matmul: MATMUL, matmulIterations: options.matmulIterations, fitRows: options.fitRows, fit: FIT };
  const results = { benchmark: 'wasm-kernels', machine, code, config };
  try {
    const codeRoot = snapshotBuiltCode(REPO_ROOT, builtLibraries(REPO_ROOT), join(workDir, 'code'));
    const runs = { stock: [], registered: [] };
    for (let attempt = 0; attempt < options.repeat; attempt++) {
      // Alternating the sides spreads the machine's drift over both.
      for (const side of attempt % 2 === 0 ? ['stock', 'registered'] : ['registered', 'stock']) {
        log(`  ${side} …`);
        const run = await runPhaseChild(SCRIPT, { codeRoot, registered: side === 'registered', matmulIterations: options.matmulIterations, fitRows: options.fitRows });
        if (run.tensorsLeft !== 0) throw new Error(`the ${side} run left ${run.tensorsLeft} tensors behind`);
        runs[side].push(run);
        log(`  ${side}: matMul transposeB ${round(run.matmul.transposeBMs, 2)} ms (plain ${round(run.matmul.plainMs, 2)} ms), fit ${round(run.fit.samplesPerSecond)} samples/s (${round(run.fit.seconds, 1)} s)`);
      }
    }
    const best = (side) => ({
      matmul: {
        transposeBMs: Math.min(...runs[side].map((run) => run.matmul.transposeBMs)),
        plainMs: Math.min(...runs[side].map((run) => run.matmul.plainMs)),
      },
      fit: runs[side].reduce((fastest, run) => (run.fit.samplesPerSecond > fastest.fit.samplesPerSecond ? run : fastest)).fit,
      runs: runs[side],
    });
    results.stock = best('stock');
    results.registered = best('registered');
    results.ratio = {
      transposeBSpeedup: round(results.stock.matmul.transposeBMs / results.registered.matmul.transposeBMs, 2),
      fitSpeedup: round(results.registered.fit.samplesPerSecond / results.stock.fit.samplesPerSecond, 2),
    };
  } finally {
    cleanUp();
  }

  const { jsonPath, mdPath } = writeResults(options.outDir, options.quick ? 'wasm-kernels-quick' : 'wasm-kernels', results, markdown, log);
  log(JSON.stringify({ benchmark: results.benchmark, ratio: results.ratio, stock: { matmul: results.stock.matmul, samplesPerSecond: round(results.stock.fit.samplesPerSecond) }, registered: { matmul: results.registered.matmul, samplesPerSecond: round(results.registered.fit.samplesPerSecond) } }, null, 2));
  log(`Wrote ${jsonPath} and ${mdPath}`);
}

// Forked by runPhaseChild with its input as the first argument: run one side; else the parent.
if (process.send !== undefined && process.argv[2]?.startsWith('{')) await phaseMain(runSide);
else await main();
