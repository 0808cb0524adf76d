#!/usr/bin/env node
// Benchmark: how fast a served model runs in-process, per runtime — the ceiling serving works
// under. The MLP of STACK.md (64 → 256 → 256 → 4, softmax), built by the platform's own
// builder, runs on TF.js (wasm, with the platform's kernels) and, exported by libs/onnx, on
// ONNX Runtime (onnxruntime-node, one thread), at several rows per call. Each runtime runs in
// its own process; the baseline is TF.js at its best batch size, in the same run. See
// bench/README.md for the shared conventions.
//
//   node bench/serving-runtimes.mjs [--quick] [--no-build] [--out DIR]
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
import { builtLibraries, parseBenchArgs, writeResults } from './lib/results.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = join(HERE, '..');
const SCRIPT = fileURLToPath(import.meta.url);
const MLP = { inputs: 64, hidden: [256, 256], classes: 4 };
const BATCHES = [1, 32, 256, 1024];
const round = (value, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
const log = (line) => console.log(line);

const USAGE = `Usage: node bench/serving-runtimes.mjs [options]
  --quick       20,000 rows per call size instead of 200,000
  --no-build    do not check that libs/*/dist is up to date
  --out DIR     where results go (default bench/results)`;

function readOptions() {
  const values = parseBenchArgs(USAGE, join(HERE, 'results'));
  return { quick: values.quick, rowsPerSize: values.quick ? 20_000 : 200_000, build: !values['no-build'], outDir: values.out };
}

// ---------------------------------------------------------------------------------------------
// Phase child: one runtime in a fresh process.

async function runRuntime({ codeRoot, runtime, rowsPerSize }) {
  const load = createRequire(join(codeRoot, 'package.json'));
  const tf = load('@tensorflow/tfjs');
  tf.env().set('PROD', true);
  const { buildModel, predictRows, selectBackend } = load('@aiaas/models');
  const { planTraining, trainingSpecSchema } = load('@aiaas/model-spec');
  const { silentLogger } = load('@aiaas/observability');
  await selectBackend('wasm', silentLogger);
  const spec = trainingSpecSchema.parse({ model: { family: 'mlp', hiddenLayers: MLP.hidden.map((units) => ({ units })) }, seed: 3 });
  const plan = planTraining(spec, { task: 'classification', classLabels: ['a', 'b', 'c', 'd'], outputs: [{ kind: 'dense', name: 'features', width: MLP.inputs }], hasValidation: false });
  const model = buildModel(plan);
  let run;
  if (runtime === 'onnxruntime') {
    const { exportToOnnx } = load('@aiaas/onnx');
    const { InferenceSession, Tensor } = load('onnxruntime-node');
    const exported = exportToOnnx(model);
    if (!exported.supported) throw new Error(exported.reason);
    const session = await InferenceSession.create(exported.bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    const [input] = exported.inputs;
    const [output] = exported.outputs;
    run = async (features, rows) => (await session.run({ [input.name]: new Tensor('float32', features, [rows, MLP.inputs]) }))[output.name].data;
  } else {
    run = (features, rows) => predictRows(model, [features], rows, rows);
  }
  const results = [];
  for (const batch of BATCHES) {
    const features = Float32Array.from({ length: batch * MLP.inputs }, (_, index) => Math.sin(index * 12.9898));
    for (let warmUp = 0; warmUp < 20; warmUp++) await run(features, batch);
    const calls = Math.max(20, Math.round(rowsPerSize / batch));
    const started = performance.now();
    for (let call = 0; call < calls; call++) await run(features, batch);
    const seconds = (performance.now() - started) / 1000;
    results.push({ batch, calls, rowsPerSecond: (calls * batch) / seconds, microsecondsPerCall: (seconds / calls) * 1e6 });
  }
  model.dispose();
  return { runtime, results };
}

// ---------------------------------------------------------------------------------------------
// Parent.

function markdown(results) {
  const { machine, runtimes } = results;
  const k = (value) => `${round(value / 1000, 1)}k`;
  const rows = BATCHES.map((batch) => {
    const tfjs = runtimes.tfjs.results.find((entry) => entry.batch === batch);
    const onnx = runtimes.onnxruntime.results.find((entry) => entry.batch === batch);
    return `| ${batch} | ${k(tfjs.rowsPerSecond)} rows/s (${round(tfjs.microsecondsPerCall)} µs/call) | ${k(onnx.rowsPerSecond)} rows/s (${round(onnx.microsecondsPerCall)} µs/call) | ${round(onnx.rowsPerSecond / results.baseline, 1)}× |`;
  });
  return [
    `# Serving runtimes: the MLP ${MLP.inputs}→${MLP.hidden.join('→')}→${MLP.classes} in-process`,
    '',
    `Measured ${machine.date.slice(0, 10)} on ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}; each runtime in its own process, one thread. Generated by \`node bench/serving-runtimes.mjs\`.`,
    '',
    '| rows per call | TF.js (wasm, platform kernels) | ONNX Runtime (1 thread) | ONNX Runtime ÷ best TF.js |',
    '|---:|---:|---:|---:|',
    ...rows,
    '',
  ].join('\n');
}

async function main() {
  const options = readOptions();
  if (options.build) buildIfStale(REPO_ROOT, staleProjects(REPO_ROOT), log);
  const machine = describeMachine();
  const workDir = mkdtempSync(join(tmpdir(), 'aiaas-bench-'));
  const results = { benchmark: 'serving-runtimes', machine, code: describeCode(REPO_ROOT, ['libs']), config: { mlp: MLP, batches: BATCHES, rowsPerSize: options.rowsPerSize } };
  try {
    const codeRoot = snapshotBuiltCode(REPO_ROOT, builtLibraries(REPO_ROOT), join(workDir, 'code'));
    results.runtimes = {};
    for (const runtime of ['tfjs', 'onnxruntime']) {
      results.runtimes[runtime] = await runPhaseChild(SCRIPT, { codeRoot, runtime, rowsPerSize: options.rowsPerSize });
      log(`  ${runtime}: ${results.runtimes[runtime].results.map((entry) => `${entry.batch} rows ${round(entry.rowsPerSecond)} rows/s`).join(', ')}`);
    }
    results.baseline = Math.max(...results.runtimes.tfjs.results.map((entry) => entry.rowsPerSecond));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const { jsonPath, mdPath } = writeResults(options.outDir, options.quick ? 'serving-runtimes-quick' : 'serving-runtimes', results, markdown, log);
  log(`Wrote ${jsonPath} and ${mdPath}`);
}

if (process.send !== undefined && process.argv[2]?.startsWith('{')) await phaseMain(runRuntime);
else await main();
