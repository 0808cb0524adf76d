#!/usr/bin/env node
// Benchmark: training throughput of the platform's MLP (64 → 256 → 256 → 4, ReLU, softmax,
// Adam lr 1e-3, batch 128) on TF.js wasm, as samples per second, next to TF.js's own
// `model.fit` on the stock wasm backend in the same run (the ratios are the numbers to compare
// across machines):
//
//   (a) `model.fit`, stock wasm backend (the baseline)
//   (b) `model.fit`, wasm with the platform's kernels (`selectBackend('wasm')`)
//   (c) the platform's training loop (`fitModel`), wasm with the platform's kernels
//   (c′) the same on the cpu backend, on fewer rows (it is ~40× slower)
//   (d) a train job through the service path: a real BullMQ flow on a real Redis (a unique key
//       prefix, deleted afterwards) whose train stage is the training service's own processor
//       (`createTrainProcessor`), fed a stored processed dataset by a stub preprocess stage;
//       samples/s = rows × epochs / (flow added → train stage completed)
//   (e) PyTorch CPU, one thread, where `$PYTHON -c 'import torch'` works (lib/python.mjs)
//
// Each figure runs in its own child process (kernel registration is process-wide), from a
// snapshot of the built code. See bench/README.md for the shared conventions.
//
//   node bench/training-throughput.mjs [--quick] [--repeat R] [--profile] [--no-build] [--out DIR]
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale, staleProjects } from './lib/build-freshness.mjs';
import { snapshotBuiltCode } from './lib/code-snapshot.mjs';
import { topSelfTime } from './lib/cpu-profile.mjs';
import { describeMachine } from './lib/machine.mjs';
import { phaseMain, runPhaseChild } from './lib/phase-child.mjs';
import { describeCode } from './lib/provenance.mjs';
import { blasName, pytorchVersion, runPython } from './lib/python.mjs';
import { STACK_MD_PYTORCH, TARGETS } from './lib/targets.mjs';
import { builtLibraries, parseBenchArgs, repeatCount, writeResults } from './lib/results.mjs';
import { deleteKeysWithPrefix, exitUnlessRedisAnswers, uniquePrefix, withRedis } from './lib/redis-keys.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = join(HERE, '..');
const SCRIPT = fileURLToPath(import.meta.url);
const round = (value, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
const log = (line) => console.log(line);

/** The MLP of STACK.md and the issue: 8,192 rows × 64 features, 4 classes, 3 epochs. */
const MLP = { features: 64, hiddenUnits: [256, 256], classes: 4, rows: 8192, batchSize: 128, epochs: 3, learningRate: 1e-3, seed: 7 };
/** Rows for the cpu backend's run of (c): it trains ~40× slower than wasm. */
const CPU_ROWS = 2048;
const PYTORCH_REFERENCE = STACK_MD_PYTORCH.trainingSamplesPerSecond;

const USAGE = `Usage: node bench/training-throughput.mjs [options]
  --quick       2,048 rows, 1 epoch, one run of each figure (~30 s)
  --repeat R    runs of each figure (default 5; 1 with --quick); the fastest run of each counts
  --profile     afterwards, one more run of (c) under --cpu-prof; top functions by self time
  --no-build    do not check that the built code is up to date
  --out DIR     where results go (default bench/results)`;

function readOptions() {
  const values = parseBenchArgs(USAGE, join(HERE, 'results'), { repeat: { type: 'string' }, profile: { type: 'boolean', default: false } });
  const repeat = repeatCount(values.repeat ?? (values.quick ? 1 : 5), USAGE);
  return {
    quick: values.quick,
    rows: values.quick ? 2048 : MLP.rows,
    epochs: values.quick ? 1 : MLP.epochs,
    cpuRows: values.quick ? 512 : CPU_ROWS,
    repeat,
    profile: values.profile,
    build: !values['no-build'],
    outDir: values.out,
  };
}

// ---------------------------------------------------------------------------------------------
// Shared by the children: data and the TF.js setup.

/** Deterministic features in [-2, 2] and labels from a linear rule of the first 8 (no PRNG). */
function trainingData(rows) {
  const features = new Float32Array(rows * MLP.features);
  for (let index = 0; index < features.length; index++) features[index] = Math.sin(index * 12.9898) * 2;
  const labels = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    let score = 0;
    for (let column = 0; column < 8; column++) score += features[row * MLP.features + column] * ((column % 3) - 1);
    labels[row] = Math.min(MLP.classes - 1, Math.max(0, Math.floor(score + 2)));
  }
  return { features, labels };
}

/** Loads TF.js from the snapshot and activates `backend`: `registered` through the platform. */
async function loadTf(codeRoot, backend, registered) {
  const load = createRequire(join(codeRoot, 'package.json'));
  const tf = load('@tensorflow/tfjs');
  load('@tensorflow/tfjs-backend-wasm');
  tf.env().set('PROD', true);
  const models = load('@aiaas/models');
  const { silentLogger } = load('@aiaas/observability');
  if (registered) await models.selectBackend(backend, silentLogger);
  else await tf.setBackend(backend);
  if (tf.getBackend() !== backend) throw new Error(`the ${backend} backend did not start (active: ${tf.getBackend()})`);
  return { load, tf, models, silentLogger };
}

/** The training spec of the platform for the MLP. */
function mlpSpec(load, epochs) {
  const { trainingSpecSchema } = load('@aiaas/model-spec');
  return trainingSpecSchema.parse({
    model: { family: 'mlp', hiddenLayers: MLP.hiddenUnits.map((units) => ({ units, activation: 'relu' })) },
    optimizer: { kind: 'adam' },
    learningRate: MLP.learningRate,
    epochs,
    batchSize: MLP.batchSize,
    validationFraction: 0,
    seed: MLP.seed,
  });
}

// ---------------------------------------------------------------------------------------------
// Phase children, one figure each.

/** (a), (b): `model.fit` of the same MLP, one-hot labels, categorical cross-entropy. */
async function runModelFit({ codeRoot, registered, rows, epochs }) {
  const { tf } = await loadTf(codeRoot, 'wasm', registered);
  const build = () => {
    const model = tf.sequential();
    MLP.hiddenUnits.forEach((units, index) =>
      model.add(tf.layers.dense({ units, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: MLP.seed + index }), ...(index === 0 ? { inputShape: [MLP.features] } : {}) })),
    );
    model.add(tf.layers.dense({ units: MLP.classes, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: MLP.seed + 9 }) }));
    model.compile({ optimizer: tf.train.adam(MLP.learningRate), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    return model;
  };
  const { features, labels } = trainingData(rows);
  const { x, y } = tf.tidy(() => ({ x: tf.tensor2d(features, [rows, MLP.features]), y: tf.oneHot(tf.tensor1d(labels, 'int32'), MLP.classes) }));
  const tensorsBefore = tf.memory().numTensors;
  // One epoch first, on another model: V8 compiles the hot code (TF.js's engine takes a few
  // dozen batches to settle; a few batches leave the measured fit ~25% slow), XNNPACK sets up.
  const warm = build();
  await warm.fit(x, y, { batchSize: MLP.batchSize, epochs: 1, shuffle: true, verbose: 0 });
  warm.optimizer.dispose();
  warm.dispose();
  const model = build();
  const started = performance.now();
  const history = await model.fit(x, y, { batchSize: MLP.batchSize, epochs, shuffle: true, verbose: 0 });
  const seconds = (performance.now() - started) / 1000;
  model.optimizer.dispose();
  model.dispose();
  const tensorsLeft = tf.memory().numTensors - tensorsBefore;
  tf.dispose([x, y]);
  return { rows, epochs, seconds, samplesPerSecond: (rows * epochs) / seconds, losses: history.history.loss.map((loss) => round(Number(loss), 4)), tensorsLeft };
}

/** (c), (c′): the platform's `fitModel` on the same data, as the train stage calls it. */
async function runFitModel({ codeRoot, backend, rows, epochs }) {
  const { load, tf, models } = await loadTf(codeRoot, backend, true);
  const fitting = (file) => load(join(codeRoot, 'apps/training/dist/fitting', file));
  const { fitModel } = fitting('fit-model.js');
  const { createOptimizer } = fitting('optimizers.js');
  const { TrainingRows } = fitting('training-rows.js');
  const { INITIAL_FIT_STATE } = fitting('fit-state.js');
  const { planTraining } = load('@aiaas/model-spec');
  const { features, labels } = trainingData(rows);
  const data = new TrainingRows(rows, [{ values: features, width: MLP.features }], labels);
  const fit = async (train, fitEpochs) => {
    const plan = planTraining(mlpSpec(load, fitEpochs), {
      task: 'classification',
      classLabels: Array.from({ length: MLP.classes }, (_, index) => `c${index}`),
      outputs: [{ kind: 'dense', name: 'features', width: MLP.features }],
      hasValidation: false,
    });
    const model = models.buildModel(plan);
    const optimizer = createOptimizer(plan.spec.optimizer, plan.spec.learningRate);
    try {
      const started = performance.now();
      const { state } = await fitModel({
        plan,
        model,
        optimizer,
        train: { forEpoch: () => train },
        validation: undefined,
        classWeights: undefined,
        state: INITIAL_FIT_STATE,
        hooks: { epochEnded: async () => undefined, stopRequested: () => false },
      });
      return { seconds: (performance.now() - started) / 1000, losses: state.history.map((metrics) => round(metrics.loss, 4)) };
    } finally {
      optimizer.dispose();
      model.dispose();
    }
  };
  const tensorsBefore = tf.memory().numTensors;
  // One epoch first, on another model, as for (a) and (b).
  await fit(data, 1);
  const { seconds, losses } = await fit(data, epochs);
  return { backend, rows, epochs, seconds, samplesPerSecond: (rows * epochs) / seconds, losses, tensorsLeft: tf.memory().numTensors - tensorsBefore };
}

/** Stores what the preprocess stage would hand training for the data: transform and splits. */
async function storeProcessedDataset(load, store, rows) {
  const { TransformFitter, TransformEncoder, encodeRecords, storeSplits } = load('@aiaas/data');
  const { putJson } = load('@aiaas/storage');
  const columns = Array.from({ length: MLP.features }, (_, index) => `f${index}`);
  const { features, labels } = trainingData(rows);
  const records = Array.from({ length: rows }, (_, row) => {
    const record = { label: `c${labels[row]}` };
    columns.forEach((column, index) => (record[column] = features[row * MLP.features + index]));
    return record;
  });
  const plan = { columns: columns.map((column) => ({ column, type: 'numeric' })), target: { column: 'label', task: 'classification' } };
  const transform = new TransformFitter(plan).fit(() => records.map((record, index) => ({ row: { read: (column) => record[column], describe: (column) => `row ${index + 1}, ${column}` }, isTrain: true })));
  const encoder = new TransformEncoder(transform);
  const encode = (subset) => {
    const batch = encodeRecords(encoder, subset, (record, column) => record[column], (index, column) => `records[${index}].${column}`);
    const encodedLabels = new Int32Array(subset.length);
    subset.forEach((record, index) => encoder.writeLabel(record.label, `records[${index}].label`, encodedLabels, index));
    return { rows: subset.length, tensors: batch.tensors, labels: encodedLabels, rowNumbers: Int32Array.from(subset, (_, index) => index + 1) };
  };
  const classLabels = transform.target.classes;
  const splits = await storeSplits(store, { outputs: transform.outputs, labelDtype: 'int32', classLabels, train: encode(records), test: encode(records.slice(0, 256)) });
  return {
    plan,
    processed: {
      datasetId: 'ds_bench',
      targetColumn: 'label',
      task: 'classification',
      classLabels,
      inputColumns: transform.inputColumns,
      outputs: transform.outputs,
      featureCount: MLP.features,
      trainRows: rows,
      validationRows: 0,
      testRows: 256,
      dropped: { missingTarget: 0, anomalies: 0, duplicates: 0, missingSplitKey: 0 },
      transform: (await putJson(store, transform)).ref,
      splits,
    },
  };
}

/**
 * (d): train jobs through BullMQ and Redis, processed by the training service's processor.
 * One job of one epoch first (warm-up), then the measured job.
 */
async function runServiceJob({ codeRoot, rows, epochs, redisUrl, prefix, storeDir }) {
  const { load, tf, silentLogger } = await loadTf(codeRoot, 'wasm', true);
  const { createTrainProcessor } = load(join(codeRoot, 'apps/training/dist/train-stage.js'));
  const { PipelineLauncher, StageWorker, DEFAULT_TENANT } = load('@aiaas/queue');
  const { createRedisConnection, createRegistry } = load('@aiaas/registry');
  const { FsArtifactStore } = load('@aiaas/storage');
  const { parseTransformPlan } = load('@aiaas/data');
  const backend = { name: 'wasm', provider: '@tensorflow/tfjs-backend-wasm' };
  const connections = [];
  const connect = (role) => {
    const connection = createRedisConnection(redisUrl, role);
    connections.push(connection);
    return connection;
  };
  const workers = [];
  let launcher;
  try {
    const store = new FsArtifactStore(storeDir);
    const { plan, processed } = await storeProcessedDataset(load, store, rows);
    const registry = createRegistry({ redis: connect('command'), prefix, openBlockingConnection: () => connect('worker') });
    launcher = new PipelineLauncher(connect('command'), prefix, { attempts: 1, backoffMs: 10 });
    const stage = (name, process) => new StageWorker({ stage: name, connection: connect('worker'), prefix, concurrency: 1, tracker: registry.tracker, logger: silentLogger, process });
    workers.push(
      stage('preprocess', async () => ({ result: processed, summary: 'stored by the benchmark' })),
      stage('train', createTrainProcessor({ models: registry.models, store, backend })),
      stage('evaluate', async ({ previousResult }) => ({ result: { ...(await previousResult()), blessed: true, reason: 'not evaluated here' }, summary: 'skipped' })),
      stage('deploy', async ({ previousResult, payload }) => ({ result: { ...(await previousResult()), alias: payload.alias }, summary: 'skipped' })),
    );
    const job = async (jobId, jobEpochs) => {
      await registry.jobs.create(jobId, { datasetId: processed.datasetId, targetColumn: 'label', modelName: 'bench_mlp', createdAt: Date.now() });
      const added = Date.now();
      await launcher.start({
        preprocess: { jobId, datasetId: processed.datasetId, targetColumn: 'label', split: { strategy: 'ratio', testFraction: 0.2, validationFraction: 0, seed: 1 }, dropDuplicates: false, plan: parseTransformPlan(plan) },
        train: { jobId, modelName: 'bench_mlp', tenant: DEFAULT_TENANT, training: mlpSpec(load, jobEpochs) },
        evaluate: { jobId, minAccuracy: 0 },
        deploy: { jobId, alias: 'bench' },
      });
      const events = [];
      for await (const event of registry.events.follow(jobId, 0, AbortSignal.timeout(600_000), 200)) events.push(event);
      const final = await registry.jobs.get(jobId);
      if (final.state !== 'succeeded') throw new Error(`the benchmark job ${jobId} ended ${final.state}: ${final.error ?? 'no error recorded'}`);
      const train = (kind) => events.find((event) => event.stage === 'train' && event.body.kind === kind);
      const [started, completed] = [train('stage_started'), train('stage_completed')];
      const version = await registry.models.getVersion('bench_mlp', final.modelVersion);
      return {
        seconds: (completed.time - added) / 1000,
        samplesPerSecond: (rows * jobEpochs) / ((completed.time - added) / 1000),
        trainStageSeconds: (completed.time - started.time) / 1000,
        queuedSeconds: (started.time - added) / 1000,
        fitSeconds: version.fit.seconds,
        fitSamplesPerSecond: version.fit.samplesPerSecond,
        losses: version.fit.lossHistory.map((loss) => round(loss, 4)),
        summary: completed.body.summary,
      };
    };
    const tensorsBefore = tf.memory().numTensors;
    await job('job_benchwarmup', 1);
    const measured = await job('job_bench', epochs);
    return { rows, epochs, ...measured, tensorsLeft: tf.memory().numTensors - tensorsBefore };
  } finally {
    await Promise.all(workers.map((worker) => worker.close()));
    await launcher?.close();
    if (connections[0]) await deleteKeysWithPrefix(connections[0], prefix);
    for (const connection of connections) connection.disconnect();
  }
}

async function runChild(input, sampler) {
  sampler.stage(input.figure);
  switch (input.figure) {
    case 'model-fit':
      return runModelFit(input);
    case 'fit-model':
      return runFitModel(input);
    case 'service-job':
      return runServiceJob(input);
    default:
      throw new Error(`unknown figure ${input.figure}`);
  }
}

// ---------------------------------------------------------------------------------------------
// (e) PyTorch, in its own process, when it is installed.

const PYTORCH_SCRIPT = `
import json, sys, time, math
import torch
torch.set_num_threads(1)
rows, epochs, features, classes, batch = (int(value) for value in sys.argv[1:6])
x = torch.tensor([math.sin(i * 12.9898) * 2 for i in range(rows * features)], dtype=torch.float32).reshape(rows, features)
score = sum(x[:, c] * ((c % 3) - 1) for c in range(8))
y = torch.clamp(torch.floor(score + 2), 0, classes - 1).long()
torch.manual_seed(7)
def build():
    return torch.nn.Sequential(torch.nn.Linear(features, 256), torch.nn.ReLU(), torch.nn.Linear(256, 256), torch.nn.ReLU(), torch.nn.Linear(256, classes))
def fit(model, count, fit_epochs):
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    for _ in range(fit_epochs):
        order = torch.randperm(count)
        for start in range(0, count, batch):
            index = order[start:start + batch]
            optimizer.zero_grad()
            loss = loss_fn(model(x[index]), y[index])
            loss.backward()
            optimizer.step()
fit(build(), min(rows, batch * 4), 1)
model = build()
started = time.perf_counter()
fit(model, rows, epochs)
seconds = time.perf_counter() - started
print(json.dumps({"version": torch.__version__, "seconds": seconds, "samplesPerSecond": rows * epochs / seconds}))
`;

function runPytorch(rows, epochs) {
  const torch = pytorchVersion();
  if (!torch.installed) return torch;
  const run = runPython(PYTORCH_SCRIPT, [rows, epochs, MLP.features, MLP.classes, MLP.batchSize]);
  if (!run.ok) throw new Error(`the PyTorch run failed: ${run.why}`);
  return { ...torch, rows, epochs, ...JSON.parse(run.stdout.split('\n').pop()) };
}

// ---------------------------------------------------------------------------------------------
// Parent.

/** apps/training's dist is missing or older than its sources (the shared check covers libs/*). */
function trainingDistStale() {
  const root = join(REPO_ROOT, 'apps/training');
  if (!existsSync(join(root, 'dist'))) return true;
  const newest = (directory, keep) => {
    let mtime = 0;
    for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
      const path = join(entry.parentPath ?? entry.path, entry.name);
      if (entry.isFile() && keep(path)) mtime = Math.max(mtime, statSync(path).mtimeMs);
    }
    return mtime;
  };
  const sources = newest(join(root, 'src'), (path) => path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('.test-helpers.ts'));
  return sources > newest(join(root, 'dist'), (path) => path.endsWith('.js'));
}

const k = (samplesPerSecond) => `${round(samplesPerSecond / 1000, 1)}k`;

function markdown(results) {
  const { machine, figures, ratio, config } = results;
  const spread = (figure) => {
    const all = (figure.runs ?? [figure]).map((run) => run.samplesPerSecond);
    return all.length > 1 ? `${k(Math.min(...all))}–${k(Math.max(...all))}` : '';
  };
  const row = (label, figure, note) => `| ${label} | ${k(figure.samplesPerSecond)} | ${spread(figure)} | ${round(figure.samplesPerSecond / figures.modelFitStock.samplesPerSecond, 2)}× | ${note} |`;
  const pytorch = figures.pytorch.installed ? `${k(figures.pytorch.samplesPerSecond)} (torch ${figures.pytorch.version}, ${blasName(figures.pytorch.blas)})` : `not installed (${figures.pytorch.reason})`;
  const lines = [
    '# Training throughput: the platform\'s MLP on TF.js wasm',
    '',
    `Measured ${machine.date.slice(0, 10)} on ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}; load average at start ${machine.loadAverageAtStart.join(', ')}. ` +
      `Best of ${config.repeat} run(s) per figure, each in its own process. Generated by \`node bench/training-throughput.mjs${config.quick ? ' --quick' : ''}\`; raw numbers in the JSON beside this file.`,
    '',
    `Code: commit ${results.code.commit?.slice(0, 7) ?? 'unknown'}${results.code.sourcesChangedSinceCommit.length > 0 ? ` plus uncommitted changes to ${results.code.sourcesChangedSinceCommit.join(', ')}` : ''}.`,
    '',
    `Model ${MLP.features} → ${MLP.hiddenUnits.join(' → ')} → ${MLP.classes} (ReLU, softmax), Adam lr ${MLP.learningRate}, batch ${MLP.batchSize}, ${config.rows.toLocaleString('en-US')} rows × ${config.epochs} epoch(s), each after one epoch on another model in the same process (the warm-up: V8 compiles the hot code); (d) after a one-epoch job.`,
    '',
    '| figure | samples/s (best) | all runs | vs (a) | |',
    '|---|---:|---:|---:|---|',
    row('(a) `model.fit`, stock wasm (baseline)', figures.modelFitStock, 'TF.js as it ships'),
    row('(b) `model.fit`, wasm + platform kernels', figures.modelFitRegistered, '`selectBackend(\'wasm\')`'),
    row('(c) platform `fitModel`, wasm + platform kernels', figures.fitModel, 'seeded order, class weights, schedules, checkpoints'),
    row(`(c′) platform \`fitModel\`, cpu backend (${config.cpuRows.toLocaleString('en-US')} rows × 1 epoch)`, figures.fitModelCpu, ''),
    row('(d) train job through BullMQ + Redis + the service processor', figures.serviceJob, `flow added → train stage completed; ${round(ratio.serviceJobOverFitModel * 100)}% of (c)`),
    `| (e) PyTorch CPU, 1 thread | ${pytorch} | | ${figures.pytorch.installed ? `${round(figures.pytorch.samplesPerSecond / figures.modelFitStock.samplesPerSecond, 2)}×` : '–'} | STACK.md: ~${k(PYTORCH_REFERENCE)} on this machine kind |`,
    '',
    figures.pytorch.installed
      ? `- (c) is ${ratio.fitModelOverPytorch}× PyTorch as measured in this run (and ${ratio.fitModelOverPytorchReference}× STACK.md's reference of ${k(PYTORCH_REFERENCE)}); the target is ≥ ${TARGETS.fitModelOverPytorch}× (${k(results.target.samplesPerSecond)}): ${results.target.reached ? 'reached' : 'not reached'}.`
      : `- (c) is ${ratio.fitModelOverPytorchReference}× the PyTorch reference of ${k(PYTORCH_REFERENCE)} samples/s (STACK.md; PyTorch is not installed here); the target is ≥ ${TARGETS.fitModelOverPytorch}× (${k(results.target.samplesPerSecond)}): ${results.target.reached ? 'reached' : 'not reached'}.`,
    `- (d): ${round(figures.serviceJob.seconds, 2)} s from adding the flow to the train stage's completion (${round(figures.serviceJob.queuedSeconds, 2)} s before the train stage started, which includes the stub preprocess stage; ${round(figures.serviceJob.trainStageSeconds, 2)} s in the train stage, of which the fit took ${round(figures.serviceJob.fitSeconds, 2)} s: ${k(figures.serviceJob.fitSamplesPerSecond)} samples/s). The rest of the stage loads the splits, builds the model, checkpoints every epoch, runs the kernel preflight, saves and registers the model.`,
    `- Final-epoch loss: (a) ${figures.modelFitStock.losses.at(-1)}, (b) ${figures.modelFitRegistered.losses.at(-1)}, (c) ${figures.fitModel.losses.at(-1)}, (d) ${figures.serviceJob.losses.at(-1)} (the same data; (d) sees it standardised by the transform).`,
  ];
  if (results.profile) {
    lines.push('', `Top functions by self time in one profiled run of (c) with ${config.epochs * 4} epochs (${results.profile.sampledMs} ms sampled, start-up included; \`wasm-function[0]\` is the platform's SIMD gemm):`, '');
    lines.push('| function | file:line | self ms | self % |', '|---|---|---:|---:|');
    for (const entry of results.profile.top) lines.push(`| \`${entry.function}\` | ${entry.file}:${entry.line} | ${entry.selfMs} | ${entry.selfPercent} |`);
    lines.push('', '| file or package | self ms | self % |', '|---|---:|---:|');
    for (const entry of results.profile.byFile) lines.push(`| ${entry.file} | ${entry.selfMs} | ${entry.selfPercent} |`);
  }
  lines.push('', 'samples/s = rows × epochs / wall seconds of the fit (of the job, for (d)).', '');
  return lines.join('\n');
}

async function main() {
  const options = readOptions();
  if (options.build) {
    const stale = [...staleProjects(REPO_ROOT).filter((project) => project !== 'apps/preprocessing'), ...(trainingDistStale() ? ['apps/training'] : [])];
    buildIfStale(REPO_ROOT, stale, log);
  }
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  await exitUnlessRedisAnswers(REPO_ROOT, redisUrl);
  const machine = describeMachine();
  log(`training throughput: MLP ${MLP.features}→${MLP.hiddenUnits.join('→')}→${MLP.classes}, ${options.rows} rows × ${options.epochs} epoch(s), best of ${options.repeat}; ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}`);
  const code = describeCode(REPO_ROOT, ['apps/training/src', 'libs']);
  if (code.sourcesChangedSinceCommit.length > 0) log(`Note: measuring the working tree's build; sources changed since ${code.commit?.slice(0, 7)}: ${code.sourcesChangedSinceCommit.join(', ')}`);

  const workDir = mkdtempSync(join(tmpdir(), 'aiaas-bench-'));
  const cleanUp = () => rmSync(workDir, { recursive: true, force: true });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      cleanUp();
      process.exit(130);
    });
  }
  const config = { quick: options.quick, repeat: options.repeat, rows: options.rows, epochs: options.epochs, cpuRows: options.cpuRows, mlp: MLP };
  const results = { benchmark: 'training-throughput', machine, code, config };
  try {
    const projects = ['apps/training', ...builtLibraries(REPO_ROOT)];
    const codeRoot = snapshotBuiltCode(REPO_ROOT, projects, join(workDir, 'code'));
    const base = { codeRoot, rows: options.rows, epochs: options.epochs };
    const serviceJob = async () => {
      const prefix = uniquePrefix('training');
      const storeDir = mkdtempSync(join(workDir, 'store-'));
      try {
        return await runPhaseChild(SCRIPT, { ...base, figure: 'service-job', redisUrl, prefix, storeDir });
      } finally {
        rmSync(storeDir, { recursive: true, force: true });
        // The child deletes its keys; this catches a child that died first.
        await withRedis(REPO_ROOT, redisUrl, (redis) => deleteKeysWithPrefix(redis, prefix));
      }
    };
    const FIGURES = {
      modelFitStock: () => runPhaseChild(SCRIPT, { ...base, figure: 'model-fit', registered: false }),
      modelFitRegistered: () => runPhaseChild(SCRIPT, { ...base, figure: 'model-fit', registered: true }),
      fitModel: () => runPhaseChild(SCRIPT, { ...base, figure: 'fit-model', backend: 'wasm' }),
      serviceJob,
    };
    const runs = Object.fromEntries(Object.keys(FIGURES).map((name) => [name, []]));
    for (let attempt = 0; attempt < options.repeat; attempt++) {
      // Alternating the order spreads the machine's drift over every figure.
      const order = attempt % 2 === 0 ? Object.keys(FIGURES) : Object.keys(FIGURES).reverse();
      for (const name of order) {
        const run = await FIGURES[name]();
        if (run.tensorsLeft !== 0) throw new Error(`${name} left ${run.tensorsLeft} tensors behind`);
        runs[name].push(run);
        log(`  ${name}: ${round(run.samplesPerSecond)} samples/s (${round(run.seconds, 2)} s), losses ${run.losses.join(', ')}`);
      }
    }
    log('  fitModel on cpu …');
    const cpu = await runPhaseChild(SCRIPT, { ...base, figure: 'fit-model', backend: 'cpu', rows: options.cpuRows, epochs: 1 });
    log(`  fitModelCpu: ${round(cpu.samplesPerSecond)} samples/s (${round(cpu.seconds, 2)} s)`);
    const pytorch = runPytorch(options.rows, options.epochs);
    log(`  PyTorch: ${pytorch.installed ? `${round(pytorch.samplesPerSecond)} samples/s` : `not installed (${pytorch.reason})`}`);
    const best = (name) => ({ ...runs[name].reduce((fastest, run) => (run.samplesPerSecond > fastest.samplesPerSecond ? run : fastest)), runs: runs[name] });
    results.figures = { ...Object.fromEntries(Object.keys(FIGURES).map((name) => [name, best(name)])), fitModelCpu: cpu, pytorch };
    const { modelFitStock, modelFitRegistered, fitModel, serviceJob: job } = results.figures;
    results.ratio = {
      modelFitRegisteredOverStock: round(modelFitRegistered.samplesPerSecond / modelFitStock.samplesPerSecond, 2),
      fitModelOverStock: round(fitModel.samplesPerSecond / modelFitStock.samplesPerSecond, 2),
      fitModelOverModelFitRegistered: round(fitModel.samplesPerSecond / modelFitRegistered.samplesPerSecond, 2),
      serviceJobOverFitModel: round(job.samplesPerSecond / fitModel.samplesPerSecond, 3),
      fitModelCpuOverStock: round(cpu.samplesPerSecond / modelFitStock.samplesPerSecond, 3),
      fitModelOverPytorchReference: round(fitModel.samplesPerSecond / PYTORCH_REFERENCE, 2),
      ...(pytorch.installed ? { fitModelOverPytorch: round(fitModel.samplesPerSecond / pytorch.samplesPerSecond, 2) } : {}),
    };
    const target = TARGETS.fitModelOverPytorch * (pytorch.installed ? pytorch.samplesPerSecond : PYTORCH_REFERENCE);
    results.target = { samplesPerSecond: target, reached: fitModel.samplesPerSecond >= target, basis: pytorch.installed ? 'PyTorch, measured in this run' : `STACK.md's PyTorch reference (${PYTORCH_REFERENCE} samples/s)` };
    if (options.profile) {
      log('  profiling (c) (--cpu-prof; not a measured run) …');
      const profileDir = join(workDir, 'profile');
      mkdirSync(profileDir);
      // Four times the epochs, so that the fit outweighs the process's start-up in the profile.
      await runPhaseChild(SCRIPT, { ...base, epochs: options.epochs * 4, figure: 'fit-model', backend: 'wasm' }, { execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] });
      const profileFile = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
      if (!profileFile) throw new Error('the profiled run wrote no .cpuprofile');
      results.profile = topSelfTime(join(profileDir, profileFile), [codeRoot, REPO_ROOT], 12);
    }
  } finally {
    cleanUp();
  }

  const { jsonPath, mdPath } = writeResults(options.outDir, options.quick ? 'training-throughput-quick' : 'training-throughput', results, markdown, log);
  log(`Wrote ${jsonPath} and ${mdPath}`);
}

// Forked by runPhaseChild with its input as the first argument: run one figure; else the parent.
if (process.send !== undefined && process.argv[2]?.startsWith('{')) await phaseMain(runChild);
else await main();
