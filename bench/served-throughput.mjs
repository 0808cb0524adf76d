#!/usr/bin/env node
// Benchmark: what serving carries over the wire, against what the wire itself carries. One
// model, the MLP of STACK.md (64 → 256 → 256 → 4, softmax; the same one serving-runtimes.mjs
// builds), is registered as production and served by the real inference service (and the
// gateway in front of it), each a separate process, on a real Redis. In one run it prints:
//   (a) the ceilings: in-process rows/s of TF.js and ONNX Runtime at their best batch size (and
//       PyTorch's, where `import torch` works), and a bare grpc-js echo server's requests/s and
//       rows/s at the same payload sizes — one hop, and two hops through an echo proxy;
//   (b) served rows/s and p50/p99 latency through inference directly (OIP v2 ModelInfer,
//       raw_input_contents) and through the gateway (Predict, a features tensor in raw_data),
//       at 1 and 256 rows per request, concurrency 1, 16, 64 and 256, with and without
//       dynamic batching; and direct 1-row requests on the TF.js runtime, batched and not;
//   (c) the ratios: served ÷ echo ceiling, batched ÷ unbatched on TF.js, runtime ÷ PyTorch.
// The load generator is a closed loop of C callers in this process (on the same cores as the
// servers, as the echo ceiling's client is). See bench/README.md for the shared conventions.
//
//   node bench/served-throughput.mjs [--quick] [--profile] [--no-build] [--out DIR]
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale, staleProjects } from './lib/build-freshness.mjs';
import { snapshotBuiltCode } from './lib/code-snapshot.mjs';
import { describeMachine } from './lib/machine.mjs';
import { runPhaseChild } from './lib/phase-child.mjs';
import { describeCode } from './lib/provenance.mjs';
import { blasName, pytorchVersion, runPython } from './lib/python.mjs';
import { STACK_MD_PYTORCH, TARGETS } from './lib/targets.mjs';
import { deleteKeysWithPrefix, exitUnlessRedisAnswers, uniquePrefix, withRedis } from './lib/redis-keys.mjs';
import { topSelfTime } from './lib/cpu-profile.mjs';
import { closedLoop } from './lib/closed-loop.mjs';
import { builtLibraries, parseBenchArgs, writeResults } from './lib/results.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = join(HERE, '..');
const SCRIPT = fileURLToPath(import.meta.url);
const RUNTIMES_SCRIPT = join(HERE, 'serving-runtimes.mjs');
const MLP = { inputs: 64, hidden: [256, 256], classes: 4 };
const ROWS_PER_REQUEST = [1, 256];
const CONCURRENCY = [1, 16, 64, 256];
const MODEL = 'bench-mlp';
/** PyTorch CPU, one thread, batch 256, on this machine kind (STACK.md), for when it cannot be measured here. */
const STACK_MD_PYTORCH_ROWS_PER_SECOND = STACK_MD_PYTORCH.predictionRowsPerSecond;
const round = (value, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
const log = (line) => console.log(line);

const USAGE = `Usage: node bench/served-throughput.mjs [options]
  --quick       1 s per load point instead of 3 s, and smaller in-process runs
  --profile     run the batched ONNX Runtime inference and its gateway under --cpu-prof;
                print each one's top 10 functions by self time
  --no-build    do not check that apps/*/dist and libs/*/dist are up to date
  --out DIR     where results go (default bench/results)`;

function readOptions() {
  const values = parseBenchArgs(USAGE, join(HERE, 'results'), { profile: { type: 'boolean', default: false } });
  return {
    quick: values.quick,
    profile: values.profile,
    seconds: values.quick ? 1 : 3,
    warmUpSeconds: values.quick ? 0.25 : 0.5,
    rowsPerSize: values.quick ? 20_000 : 200_000,
    build: !values['no-build'],
    outDir: values.out,
  };
}

// ---------------------------------------------------------------------------------------------
// Child modes: the bare echo server and the echo proxy, each a process of its own.

const GRPC_LIMITS = { 'grpc.max_receive_message_length': 64 * 1024 * 1024, 'grpc.max_send_message_length': 64 * 1024 * 1024 };

/** The echo service, loaded as the platform loads its protos (proto-loader, snake_case fields). */
function echoService(load) {
  const grpc = load('@grpc/grpc-js');
  const definition = load('@grpc/proto-loader').loadSync(join(HERE, 'lib', 'echo.proto'), { keepCase: true });
  return { grpc, Echo: grpc.loadPackageDefinition(definition).bench.Echo };
}

/** Serves Echo: a reply of the size asked for; or, given `forwardTo`, each request passed on there (a hop that decodes and re-encodes, as the gateway does). */
async function serveEcho(codeRoot, forwardTo) {
  const { grpc, Echo } = echoService(createRequire(join(codeRoot, 'package.json')));
  const server = new grpc.Server(GRPC_LIMITS);
  let handler;
  if (forwardTo) {
    const client = new Echo(forwardTo, grpc.credentials.createInsecure(), GRPC_LIMITS);
    handler = (call, callback) => client.Echo(call.request, callback);
  } else {
    handler = (call, callback) => callback(null, { payload: Buffer.alloc(call.request.reply_bytes) });
  }
  server.addService(Echo.service, { Echo: handler });
  const port = await new Promise((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
  console.log(JSON.stringify({ msg: 'listening', port }));
  process.on('SIGTERM', () => server.tryShutdown(() => process.exit(0)));
}

// ---------------------------------------------------------------------------------------------
// The model: built as serving-runtimes.mjs builds it, registered as training would.

async function registerModel(code, { redisUrl, prefix, artifactDir }) {
  const load = createRequire(join(code, 'package.json'));
  const { TransformFitter, outputContents, classificationSplitData, denseOutputs, storeSplits } = load('@aiaas/data');
  const { planTraining, trainingSpecSchema } = load('@aiaas/model-spec');
  const { buildModel, saveModel, selectBackend } = load('@aiaas/models');
  const { exportToOnnx } = load('@aiaas/onnx');
  const { silentLogger } = load('@aiaas/observability');
  const { connectRegistry } = load('@aiaas/registry');
  const { modelVersionFixture } = load('@aiaas/registry/testing');
  const { FsArtifactStore, putJson } = load('@aiaas/storage');
  await selectBackend('wasm', silentLogger);
  const columns = Array.from({ length: MLP.inputs }, (_, index) => `f${index}`);
  const classLabels = ['a', 'b', 'c', 'd'];
  const sample = Array.from({ length: 8 }, (_, row) => Object.fromEntries([...columns.map((column, index) => [column, Math.sin(row * 7 + index)]), ['label', classLabels[row % 4]]]));
  const transform = new TransformFitter({ columns: columns.map((column) => ({ column, type: 'numeric', encoding: 'none' })), target: { column: 'label', task: 'classification' } }).fit(() =>
    sample.map((row, index) => ({ row: { read: (column) => row[column] ?? null, describe: (column) => `${index}.${column}` }, isTrain: true })),
  );
  const training = trainingSpecSchema.parse({ model: { family: 'mlp', hiddenLayers: MLP.hidden.map((units) => ({ units })) }, seed: 3 });
  const plan = planTraining(training, { task: 'classification', classLabels, outputs: outputContents(transform), hasValidation: false });
  const model = buildModel(plan);
  const store = new FsArtifactStore(artifactDir);
  const exported = exportToOnnx(model);
  if (!exported.supported) throw new Error(`the MLP did not export to ONNX: ${exported.reason}`);
  const artifacts = await saveModel(model, store);
  model.dispose();
  const none = classificationSplitData(new Float32Array(0), new Int32Array(0));
  const splits = await storeSplits(store, { outputs: denseOutputs(1), labelDtype: 'int32', classLabels: [], train: none, test: none });
  const connections = connectRegistry({ redisUrl, prefix });
  try {
    const { models } = connections.registry;
    const version = await models.reserveVersion(MODEL, 'bench');
    await models.registerVersion(
      modelVersionFixture({
        modelName: MODEL,
        version,
        jobId: 'bench',
        targetColumn: 'label',
        classLabels,
        inputColumns: columns,
        inputs: plan.inputs.map((input) => ({ ...input })),
        featureCount: MLP.inputs,
        training,
        artifacts: { ...artifacts, transform: (await putJson(store, transform)).ref, splits },
        onnx: { status: 'exported', model: (await store.put(exported.bytes)).ref, inputs: exported.inputs, outputs: exported.outputs },
      }),
    );
    const metrics = { accuracy: 1, macroF1: 1, testRows: 1, perClass: [], confusionMatrix: [] };
    await models.recordEvaluation(MODEL, version, { status: 'blessed', reason: 'benchmark', metrics, evaluatedAt: Date.now() });
    await models.setAlias(MODEL, 'production', version);
    // Served through the gateway to the admin key of tenant "default", which must own it.
    await connections.registry.tenancy.claim('model', MODEL, 'default');
  } finally {
    await connections.close();
  }
}

/** The shared closed loop at one point; any failed request fails the run. */
async function loadPoint(send, { concurrency, seconds, warmUpSeconds, rows }) {
  const { errors, warmUpErrors, firstError, ...point } = await closedLoop(send, { concurrency, seconds, warmUpSeconds });
  if (errors + warmUpErrors > 0) throw new Error(`${errors + warmUpErrors} requests failed at concurrency ${concurrency}: ${firstError}`);
  return { ...point, rows, rowsPerSecond: point.requestsPerSecond * rows };
}

const unary = (client, method, request, metadata) =>
  new Promise((resolve, reject) => {
    const callback = (error, response) => (error ? reject(error) : resolve(response));
    if (metadata) client[method](request, metadata, callback);
    else client[method](request, callback);
  });

function features(rows) {
  return Buffer.from(Float32Array.from({ length: rows * MLP.inputs }, (_, index) => Math.sin(index * 12.9898)).buffer);
}

/**
 * Per path (echo, OIP, gateway), given the server's address: a sender per request size, which
 * sends one request of that many rows and checks the answer's size. `inputName` is the served
 * model's input, as ModelMetadata names it; `apiKey` is what the gateway's requests carry.
 */
function senders(load, inputName, apiKey) {
  const grpc = load('@grpc/grpc-js');
  const { loadAiaasProtos, loadOipProtos } = load('@aiaas/proto');
  const insecure = grpc.credentials.createInsecure();
  const clients = [];
  const open = (make) => {
    const client = make();
    clients.push(client);
    return client;
  };
  const expectBytes = (bytes, rows) => {
    if (bytes.length !== rows * MLP.classes * 4) throw new Error(`answered ${bytes.length} bytes for ${rows} rows`);
  };
  const bySize = (make) => Object.fromEntries(ROWS_PER_REQUEST.map((rows) => [rows, make(rows, features(rows))]));
  return {
    echo: (address) => {
      const { Echo } = echoService(load);
      const client = open(() => new Echo(address, insecure, GRPC_LIMITS));
      return bySize((rows, payload) => {
        const request = { payload, reply_bytes: rows * MLP.classes * 4 };
        return async () => expectBytes((await unary(client, 'Echo', request)).payload, rows);
      });
    },
    oip: (address) => {
      const client = open(() => new (loadOipProtos().grpc.inference.GRPCInferenceService)(address, insecure, GRPC_LIMITS));
      return bySize((rows, payload) => {
        const request = { model_name: MODEL, model_version: '', inputs: [{ name: inputName, datatype: 'FP32', shape: [rows, MLP.inputs] }], raw_input_contents: [payload] };
        return async () => expectBytes((await unary(client, 'ModelInfer', request)).raw_output_contents[0], rows);
      });
    },
    gateway: (address) => {
      const client = open(() => new (loadAiaasProtos().grpc.aiaas.v1.GatewayService)(address, insecure, GRPC_LIMITS));
      const metadata = new grpc.Metadata();
      metadata.set('authorization', `Bearer ${apiKey}`);
      return bySize((rows, payload) => {
        const request = { model_name: MODEL, features: { dtype: 'DATA_TYPE_FLOAT32', shape: [rows, MLP.inputs], raw_data: payload } };
        return async () => expectBytes((await unary(client, 'Predict', request, metadata)).probabilities.raw_data, rows);
      });
    },
    close: () => clients.forEach((client) => client.close()),
  };
}

// ---------------------------------------------------------------------------------------------
// Parent.

/** PyTorch's prediction rows/s at batch 256, one thread, with its version and BLAS, where it is installed; else STACK.md's figure. */
function measurePyTorch(rows) {
  const torch = pytorchVersion();
  if (!torch.installed) return { measured: false, reason: torch.reason, rowsPerSecond: STACK_MD_PYTORCH_ROWS_PER_SECOND };
  const program = `
import time, torch
torch.set_num_threads(1)
model = torch.nn.Sequential(torch.nn.Linear(${MLP.inputs}, 256), torch.nn.ReLU(), torch.nn.Linear(256, 256), torch.nn.ReLU(), torch.nn.Linear(256, ${MLP.classes}), torch.nn.Softmax(dim=1)).eval()
x = torch.randn(256, ${MLP.inputs})
with torch.inference_mode():
    for _ in range(20): model(x)
    calls = max(20, ${rows} // 256)
    started = time.perf_counter()
    for _ in range(calls): model(x)
    print(calls * 256 / (time.perf_counter() - started))
`;
  const run = runPython(program);
  if (!run.ok) throw new Error(`the PyTorch run failed: ${run.why}`);
  return { measured: true, version: torch.version, blas: torch.blas, rowsPerSecond: Number(run.stdout.split('\n').pop()) };
}

function markdown(results) {
  const { machine, ceilings, served, ratios } = results;
  const k = (value) => (value >= 10_000 ? `${round(value / 1000)}k` : value >= 1000 ? `${round(value / 1000, 1)}k` : `${round(value)}`);
  const point = (entry) => `${k(entry.requestsPerSecond)} req/s, ${k(entry.rowsPerSecond)} rows/s, p50 ${round(entry.p50Ms, 2)} / p99 ${round(entry.p99Ms, 2)} ms`;
  const grid = (title, series) => [
    `| ${title} | ${CONCURRENCY.map((concurrency) => `concurrency ${concurrency}`).join(' | ')} |`,
    `|---|${CONCURRENCY.map(() => '---:').join('|')}|`,
    ...series.flatMap(([label, points]) => ROWS_PER_REQUEST.filter((rows) => points[rows]).map((rows) => `| ${label}, ${rows} row${rows === 1 ? '' : 's'}/request | ${points[rows].map(point).join(' | ')} |`)),
  ];
  const pytorch = ceilings.pytorch.measured ? `${k(ceilings.pytorch.rowsPerSecond)} rows/s (measured: torch ${ceilings.pytorch.version}, ${blasName(ceilings.pytorch.blas)})` : `${k(ceilings.pytorch.rowsPerSecond)} rows/s (not installed here: STACK.md's figure)`;
  return [
    `# Served throughput: the MLP ${MLP.inputs}→${MLP.hidden.join('→')}→${MLP.classes} over gRPC`,
    '',
    `Measured ${machine.date.slice(0, 10)} on ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}; every server a process of its own, the load a closed loop of C callers in one more (${results.config.seconds} s per point). Generated by \`node bench/served-throughput.mjs\`.`,
    '',
    '## (a) Ceilings',
    '',
    `In-process, best batch size: TF.js (wasm) ${k(ceilings.tfjs.rowsPerSecond)} rows/s at ${ceilings.tfjs.batch}; ONNX Runtime (1 thread) ${k(ceilings.onnxruntime.rowsPerSecond)} rows/s at ${ceilings.onnxruntime.batch}; PyTorch (1 thread, batch 256) ${pytorch}.`,
    '',
    ...grid('bare grpc-js echo', [
      ['one hop', ceilings.echo.oneHop],
      ['two hops (echo proxy)', ceilings.echo.twoHops],
    ]),
    '',
    '## (b) Served',
    '',
    ...grid('path, batching', [
      ['inference (OIP, ONNX Runtime), batched', served.direct.batched],
      ['inference (OIP, ONNX Runtime), unbatched', served.direct.unbatched],
      ['gateway → inference (Predict), batched', served.gateway.batched],
      ['gateway → inference (Predict), unbatched', served.gateway.unbatched],
      ['inference (OIP, TF.js), batched', served.tfjs.batched],
      ['inference (OIP, TF.js), unbatched', served.tfjs.unbatched],
    ]),
    '',
    '## (c) Ratios (best concurrency of each)',
    '',
    '| ratio | value | target |',
    '|---|---:|---:|',
    `| one hop, 256 rows/request: served rows/s ÷ echo rows/s | ${round(ratios.oneHop256, 2)} | ≥ ${TARGETS.oneHop256} |`,
    `| gateway's two hops, 1 row/request: served req/s ÷ one-hop echo req/s | ${round(ratios.gateway1, 2)} | ≥ ${TARGETS.gateway1} |`,
    `| gateway's two hops, 1 row/request: served req/s ÷ two-hop echo req/s | ${round(ratios.gateway1TwoHopEcho, 2)} | |`,
    `| TF.js runtime, 1 row/request: batched ÷ unbatched rows/s | ${round(ratios.batchedTfjs1, 2)} | |`,
    `| ONNX Runtime in-process rows/s ÷ PyTorch rows/s | ${round(ratios.onnxOverPytorch, 2)} | ≥ ${TARGETS.onnxOverPytorch} |`,
    '',
    ...Object.entries(results.profiles ?? {}).flatMap(([service, profile]) => [
      `Top functions by self time in the profiled ${service} (batched, ONNX Runtime; every load point; ${profile.sampledMs} ms sampled):`,
      '',
      '| function | where | self ms | % |',
      '|---|---|---:|---:|',
      ...profile.top.map((entry) => `| \`${entry.function}\` | ${entry.file}:${entry.line} | ${entry.selfMs} | ${entry.selfPercent} |`),
      '',
      '| by file or package | self ms | % |',
      '|---|---:|---:|',
      ...profile.byFile.map((entry) => `| ${entry.file} | ${entry.selfMs} | ${entry.selfPercent} |`),
      '',
    ]),
  ].join('\n');
}

/** Each profiled service's top functions by self time (its profile is written when it exits). */
function readProfiles(profileDir, roots) {
  return Object.fromEntries(
    readdirSync(profileDir).map((service) => {
      const file = readdirSync(join(profileDir, service)).find((name) => name.endsWith('.cpuprofile'));
      if (!file) throw new Error(`the profiled ${service} wrote no .cpuprofile`);
      return [service, topSelfTime(join(profileDir, service, file), roots, 10)];
    }),
  );
}

const best = (points, key) => Math.max(...points.map((entry) => entry[key]));

async function main() {
  const options = readOptions();
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  await exitUnlessRedisAnswers(REPO_ROOT, redisUrl);
  if (options.build) buildIfStale(REPO_ROOT, staleProjects(REPO_ROOT), log);
  const machine = describeMachine();
  const workDir = mkdtempSync(join(tmpdir(), 'aiaas-bench-'));
  const prefix = uniquePrefix('bench-serving');
  const results = {
    benchmark: 'served-throughput',
    machine,
    code: describeCode(REPO_ROOT, ['apps/inference', 'apps/gateway', 'libs']),
    config: { mlp: MLP, rowsPerRequest: ROWS_PER_REQUEST, concurrency: CONCURRENCY, seconds: options.seconds, warmUpSeconds: options.warmUpSeconds },
  };
  const running = [];
  let load;
  let paths;
  try {
    const code = snapshotBuiltCode(REPO_ROOT, ['apps/inference', 'apps/gateway', ...builtLibraries(REPO_ROOT)], join(workDir, 'code'));
    load = createRequire(join(code, 'package.json'));
    const { ServiceProcess } = load('@aiaas/launcher');
    const artifactDir = join(workDir, 'artifacts');

    log('(a) ceilings: in-process runtimes');
    const runtimes = {};
    for (const runtime of ['tfjs', 'onnxruntime']) {
      const { results: sizes } = await runPhaseChild(RUNTIMES_SCRIPT, { codeRoot: code, runtime, rowsPerSize: options.rowsPerSize });
      const top = sizes.reduce((a, b) => (b.rowsPerSecond > a.rowsPerSecond ? b : a));
      runtimes[runtime] = { batch: top.batch, rowsPerSecond: top.rowsPerSecond };
      log(`  ${runtime}: ${round(top.rowsPerSecond)} rows/s at ${top.batch} rows per call`);
    }
    const pytorch = measurePyTorch(options.rowsPerSize);
    log(`  pytorch: ${round(pytorch.rowsPerSecond)} rows/s${pytorch.measured ? '' : " (not installed: STACK.md's figure)"}`);

    const profileDir = join(workDir, 'profiles');
    const start = async (name, script, env = {}, args = [], profiled = false) => {
      const execArgv = profiled ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, name)}`] : [];
      const service = await ServiceProcess.start({ name, script, args, execArgv, env: { ...process.env, METRICS_PORT: '0', ...env } });
      running.push(service);
      return service;
    };
    const stop = async () => {
      while (running.length > 0) await running.pop().stop('SIGTERM', 30_000);
    };
    const sweep = async (label, sendersBySize) => {
      const points = {};
      for (const rows of ROWS_PER_REQUEST) {
        if (!sendersBySize[rows]) continue;
        points[rows] = [];
        for (const concurrency of CONCURRENCY) {
          const entry = await loadPoint(sendersBySize[rows], { concurrency, rows, seconds: options.seconds, warmUpSeconds: options.warmUpSeconds });
          points[rows].push(entry);
          log(`  ${label}, ${rows} rows, concurrency ${concurrency}: ${round(entry.requestsPerSecond)} req/s, ${round(entry.rowsPerSecond)} rows/s, p50 ${round(entry.p50Ms, 2)} ms, p99 ${round(entry.p99Ms, 2)} ms`);
        }
      }
      return points;
    };

    log('(a) ceilings: bare grpc-js echo');
    // Each echo process prints the "listening" line services print, which ServiceProcess waits for.
    const echo = await start('echo', SCRIPT, {}, ['--echo-server', code]);
    const proxy = await start('echo-proxy', SCRIPT, {}, ['--echo-proxy', code, echo.address]);
    paths = senders(load, '', '');
    const oneHop = await sweep('echo, one hop', paths.echo(echo.address));
    const twoHops = await sweep('echo, two hops', paths.echo(proxy.address));
    paths.close();
    await stop();
    results.ceilings = { tfjs: runtimes.tfjs, onnxruntime: runtimes.onnxruntime, pytorch, echo: { oneHop, twoHops } };

    log('(b) served');
    await registerModel(code, { redisUrl, prefix, artifactDir });
    const served = { direct: {}, gateway: {}, tfjs: {} };
    // The gateway registers this admin key at start; its requests carry it, as every client's must.
    // The per-tenant rate limit is off: the benchmark measures the wire, not the limit.
    const apiKey = load('@aiaas/proto').generateApiKey();
    const platformEnv = { ADMIN_API_KEY: apiKey, RATE_LIMIT: '0', GATEWAY_HTTP_PORT: '0', REDIS_URL: redisUrl, REDIS_PREFIX: prefix, ARTIFACT_DIR: artifactDir, GRPC_HOST: '127.0.0.1', GRPC_PORT: '0', INFERENCE_HTTP_PORT: '0', TFJS_BACKEND: 'wasm' };
    for (const [runtime, batching] of [
      ['auto', 'batched'],
      ['auto', 'unbatched'],
      ['tfjs', 'batched'],
      ['tfjs', 'unbatched'],
    ]) {
      const profiled = options.profile && runtime === 'auto' && batching === 'batched';
      const inference = await start('inference', join(code, 'apps/inference/dist/main.js'), { ...platformEnv, INFERENCE_RUNTIME: runtime, BATCH_MAX_ROWS: batching === 'batched' ? '256' : '0' }, [], profiled);
      const oipClient = new (load('@aiaas/proto').loadOipProtos().grpc.inference.GRPCInferenceService)(inference.address, load('@grpc/grpc-js').credentials.createInsecure());
      const metadata = await unary(oipClient, 'ModelMetadata', { name: MODEL, version: '' });
      oipClient.close();
      const expected = runtime === 'auto' ? 'onnxruntime_onnx' : 'tfjs_wasm';
      if (metadata.platform !== expected) throw new Error(`the inference service serves the model on ${metadata.platform}, not ${expected}`);
      paths = senders(load, metadata.inputs[0].name, apiKey);
      if (runtime === 'auto') {
        served.direct[batching] = await sweep(`inference, ${batching}`, paths.oip(inference.address));
        const gateway = await start('gateway', join(code, 'apps/gateway/dist/main.js'), {
          ...platformEnv,
          INFERENCE_ADDR: inference.address,
          // Not called here.
          PREPROCESSING_ADDR: '127.0.0.1:9',
          EVALUATION_ADDR: '127.0.0.1:9',
        }, [], profiled);
        served.gateway[batching] = await sweep(`gateway, ${batching}`, paths.gateway(gateway.address));
      } else {
        const { 1: oneRow } = paths.oip(inference.address);
        served.tfjs[batching] = await sweep(`inference on TF.js, ${batching}`, { 1: oneRow });
      }
      paths.close();
      await stop();
      if (profiled) results.profiles = readProfiles(profileDir, [code, REPO_ROOT]);
    }
    results.served = served;
    const all = (points) => Object.values(points).flat();
    results.ratios = {
      oneHop256: best(served.direct.batched[256].concat(served.direct.unbatched[256]), 'rowsPerSecond') / best(oneHop[256], 'rowsPerSecond'),
      gateway1: best(served.gateway.batched[1], 'requestsPerSecond') / best(oneHop[1], 'requestsPerSecond'),
      gateway1TwoHopEcho: best(served.gateway.batched[1], 'requestsPerSecond') / best(twoHops[1], 'requestsPerSecond'),
      batchedTfjs1: best(all(served.tfjs.batched), 'rowsPerSecond') / best(all(served.tfjs.unbatched), 'rowsPerSecond'),
      onnxOverPytorch: runtimes.onnxruntime.rowsPerSecond / pytorch.rowsPerSecond,
    };
    log(`(c) ratios: ${Object.entries(results.ratios).map(([name, value]) => `${name} ${round(value, 2)}`).join(', ')}`);
  } finally {
    paths?.close();
    for (const service of running.reverse()) await service.stop('SIGTERM', 30_000).catch(() => undefined);
    await withRedis(REPO_ROOT, redisUrl, (redis) => deleteKeysWithPrefix(redis, prefix)).catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  }
  const { jsonPath, mdPath } = writeResults(options.outDir, options.quick ? 'served-throughput-quick' : 'served-throughput', results, markdown, log);
  log(`Wrote ${jsonPath} and ${mdPath}`);
}

const mode = process.argv[2];
if (mode === '--echo-server') await serveEcho(process.argv[3]);
else if (mode === '--echo-proxy') await serveEcho(process.argv[3], process.argv[4]);
else await main();
