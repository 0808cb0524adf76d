#!/usr/bin/env node
// Job submission under load: how fast the platform takes pipelines in, and how fast it works
// them off. The five services run as processes on a real Redis (a `bench-jobs-*` prefix).
//
//   (a) Admission. A closed loop of C callers sends StartPipeline to the gateway, which checks
//       the key, the dataset's owner and the tenant's limits, records the job and adds its
//       four-stage BullMQ flow. The baseline, in the same run and at the same C, is BullMQ
//       itself: a FlowProducer in this process adding the very flow the gateway added (its
//       data and options read back from Redis), under a fresh job id each time. The stage
//       queues are paused meanwhile, so the workers take nothing and only admission is timed;
//       afterwards the queued flows are obliterated.
//   (b) Throughput. N pipelines (upload → train E epochs → evaluate → deploy), first one at a
//       time (the baseline), then all N submitted at once: pipelines/s, and p50/p99 from
//       StartPipeline to the job's last event. Each stage runs on its own service, so N at
//       once overlap one pipeline's training with another's evaluation.
//
// Every call's outcome counts: the error rate is reported, and a failed call or pipeline fails
// the run. Bounded in time and count, loopback only.
//
//   node bench/job-submission.mjs [--seconds 3] [--pipelines 16] [--epochs 5] [--quick] [--no-build] [--out DIR]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closedLoop } from './lib/closed-loop.mjs';
import { describeMachine } from './lib/machine.mjs';
import { describeCode } from './lib/provenance.mjs';
import { prepareRun, startPlatform } from './lib/platform.mjs';
import { parseBenchArgs, writeResults } from './lib/results.mjs';
import { quantile } from './lib/stats.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = join(HERE, '..');
const STAGES = ['preprocess', 'train', 'evaluate', 'deploy'];
const CONCURRENCY = [1, 16, 64];
const MODEL = 'bench-penguins';
const log = (line) => console.log(line);
const round = (value, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

const USAGE = `Usage: node bench/job-submission.mjs [options]
  --seconds S     measured seconds per admission point (default 3), after a 0.5 s warm-up
  --pipelines N   pipelines run one at a time, then all at once (default 16)
  --epochs E      training epochs per pipeline (default 5)
  --quick         1 s per admission point, 6 pipelines
  --no-build      do not check that apps/*/dist and libs/*/dist are up to date
  --out DIR       where results go (default bench/results)`;

function readOptions() {
  const values = parseBenchArgs(USAGE, join(HERE, 'results'), {
    seconds: { type: 'string' },
    pipelines: { type: 'string' },
    epochs: { type: 'string', default: '5' },
  });
  const positive = (name, value, integer) => {
    const parsed = Number(value);
    if (!(parsed > 0) || (integer && !Number.isInteger(parsed))) {
      console.error(`--${name} must be a positive ${integer ? 'integer' : 'number'}, got ${JSON.stringify(value)}\n\n${USAGE}`);
      process.exit(2);
    }
    return parsed;
  };
  return {
    seconds: positive('seconds', values.seconds ?? (values.quick ? 1 : 3), false),
    warmUpSeconds: 0.5,
    pipelines: positive('pipelines', values.pipelines ?? (values.quick ? 6 : 16), true),
    epochs: positive('epochs', values.epochs, true),
    quick: values.quick,
    build: !values['no-build'],
    outDir: values.out,
  };
}

/** The four stage queues, paused or resumed together; `obliterate` drops whatever they hold. */
function stageQueues(load, connection, prefix) {
  const { Queue } = load('bullmq');
  const queues = STAGES.map((stage) => new Queue(stage, { connection, prefix }));
  return {
    byStage: Object.fromEntries(STAGES.map((stage, index) => [stage, queues[index]])),
    pause: () => Promise.all(queues.map((queue) => queue.pause())),
    resume: () => Promise.all(queues.map((queue) => queue.resume())),
    obliterate: () => Promise.all(queues.map((queue) => queue.obliterate({ force: true }))),
    close: () => Promise.all(queues.map((queue) => queue.close())),
  };
}

/**
 * The flow the gateway added for `jobId`, read back from Redis, as a function of a new job id:
 * the baseline adds exactly what the platform adds, with nothing of the platform around it.
 */
async function flowLike(queues, jobId) {
  const stored = {};
  for (const stage of STAGES) {
    const job = await queues.byStage[stage].getJob(`${jobId}-${stage}`);
    if (!job) throw new Error(`the gateway's pipeline ${jobId} has no ${stage} job in Redis`);
    // What a producer sets; BullMQ adds the parent's key and other bookkeeping itself.
    const { jobId: _id, parent: _parent, ...opts } = job.opts;
    stored[stage] = { name: job.name, data: job.data, opts };
  }
  return (newId) => {
    const node = (stage, child) => ({
      name: stored[stage].name,
      queueName: stage,
      data: stored[stage].data,
      opts: { ...stored[stage].opts, jobId: `${newId}-${stage}` },
      ...(child ? { children: [child] } : {}),
    });
    return node('deploy', node('evaluate', node('train', node('preprocess'))));
  };
}

/** Runs one pipeline to its end: resolves milliseconds from StartPipeline to the last event, or throws why it failed. */
async function runPipeline(gateway, request) {
  const started = performance.now();
  const job = await gateway.startPipeline(request);
  let finished;
  for await (const event of gateway.watchJob(job.id)) if (event.job_finished) finished = event.job_finished;
  if (finished?.state !== 'JOB_STATE_SUCCEEDED') throw new Error(`pipeline ${job.id} ended ${finished?.state ?? 'without a JobFinished event'}: ${finished?.error ?? ''}`);
  return performance.now() - started;
}

function summarise(latencies, seconds, failures) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { pipelines: latencies.length, failed: failures.length, seconds: round(seconds, 2), pipelinesPerSecond: latencies.length / seconds, p50Ms: quantile(sorted, 0.5), p99Ms: quantile(sorted, 0.99), errors: failures };
}

async function pipelinesOneAtATime(gateway, request, count) {
  const latencies = [];
  const failures = [];
  const began = performance.now();
  for (let index = 0; index < count; index++) {
    try {
      latencies.push(await runPipeline(gateway, request));
    } catch (error) {
      failures.push(error.message);
    }
  }
  return summarise(latencies, (performance.now() - began) / 1000, failures);
}

async function pipelinesAllAtOnce(gateway, request, count) {
  const began = performance.now();
  const settled = await Promise.allSettled(Array.from({ length: count }, () => runPipeline(gateway, request)));
  const seconds = (performance.now() - began) / 1000;
  return summarise(
    settled.filter((outcome) => outcome.status === 'fulfilled').map((outcome) => outcome.value),
    seconds,
    settled.filter((outcome) => outcome.status === 'rejected').map((outcome) => outcome.reason.message),
  );
}

function markdown(results) {
  const { machine, config, admission, throughput, ratios } = results;
  const point = (entry) => `${round(entry.requestsPerSecond)}/s, p50 ${round(entry.p50Ms, 2)} / p99 ${round(entry.p99Ms, 2)} ms${entry.errors > 0 ? `, ${entry.errors} failed` : ''}`;
  const run = (entry) => `| ${round(entry.pipelinesPerSecond, 2)} | ${round(entry.p50Ms)} / ${round(entry.p99Ms)} ms | ${entry.pipelines} / ${entry.failed} |`;
  return [
    '# Job submission: admission and pipeline throughput',
    '',
    `Measured ${machine.date.slice(0, 10)} on ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}; commit ${results.code.commit?.slice(0, 7) ?? 'unknown'}${results.code.sourcesChangedSinceCommit.length > 0 ? ' with uncommitted changes' : ''}. Five service processes on a real Redis. Generated by \`node bench/job-submission.mjs${config.quick ? ' --quick' : ''}\`.`,
    '',
    `## (a) Admission: StartPipeline against BullMQ's own FlowProducer.add (${config.seconds} s per point, stage queues paused)`,
    '',
    `| | ${CONCURRENCY.map((concurrency) => `concurrency ${concurrency}`).join(' | ')} |`,
    `|---|${CONCURRENCY.map(() => '---:').join('|')}|`,
    `| bare \`FlowProducer.add\` of the same flow (baseline) | ${admission.baseline.map(point).join(' | ')} |`,
    `| gateway \`StartPipeline\` over gRPC | ${admission.gateway.map(point).join(' | ')} |`,
    '',
    `Best of each: ${round(ratios.admissionBest.gateway)} against ${round(ratios.admissionBest.baseline)} submissions/s, a ratio of ${round(ratios.admission, 2)}. Failed calls: ${admission.failedCalls} of ${admission.calls} (${admission.errorRatePercent}%).`,
    '',
    `## (b) Throughput: ${config.pipelines} penguins pipelines of ${config.epochs} epochs on one uploaded dataset, StartPipeline to deployed`,
    '',
    '| | pipelines/s | p50 / p99, StartPipeline → finished | done / failed |',
    '|---|---:|---:|---:|',
    `| one at a time (baseline) ${run(throughput.oneAtATime)}`,
    `| all at once ${run(throughput.allAtOnce)}`,
    '',
    `All at once ÷ one at a time: ${ratios.pipelinesAllAtOnceOverOneAtATime === null ? 'not measured (no pipeline finished one at a time)' : round(ratios.pipelinesAllAtOnceOverOneAtATime, 2)}.`,
    '',
  ].join('\n');
}

async function main() {
  const options = readOptions();
  const { redisUrl, workDir, prefix, cleanUp } = await prepareRun({ repoRoot: REPO_ROOT, label: 'jobs', build: options.build, log });
  let platform;
  let redis;
  let queues;
  let producer;
  try {
    platform = await startPlatform({ repoRoot: REPO_ROOT, workDir, redisUrl, prefix, log });
    const { load, gateway } = platform;
    redis = new (load('ioredis').Redis)(redisUrl, { maxRetriesPerRequest: null });
    queues = stageQueues(load, redis, prefix);
    producer = new (load('bullmq').FlowProducer)({ connection: redis, prefix });

    const dataset = await platform.uploadPenguins('bench-penguins');
    const request = { dataset_id: dataset.id, target_column: 'species', model_name: MODEL, min_accuracy: 0.5, training: { epochs: options.epochs } };

    log('(a) admission, stage queues paused...');
    await queues.pause();
    const template = await flowLike(queues, (await gateway.startPipeline(request)).id);
    let baselineIds = 0;
    const admission = { baseline: [], gateway: [] };
    for (const concurrency of CONCURRENCY) {
      const loadOptions = { concurrency, seconds: options.seconds, warmUpSeconds: options.warmUpSeconds };
      admission.baseline.push(await closedLoop(() => producer.add(template(`bench_${++baselineIds}`)), loadOptions));
      admission.gateway.push(await closedLoop(() => gateway.startPipeline(request), loadOptions));
      log(`  concurrency ${concurrency}: FlowProducer.add ${round(admission.baseline.at(-1).requestsPerSecond)}/s, StartPipeline ${round(admission.gateway.at(-1).requestsPerSecond)}/s`);
    }
    await queues.obliterate();
    await queues.resume();

    log(`(b) ${options.pipelines} pipelines one at a time, then all at once...`);
    const oneAtATime = await pipelinesOneAtATime(gateway, request, options.pipelines);
    log(`  one at a time: ${round(oneAtATime.pipelinesPerSecond, 2)}/s`);
    const allAtOnce = await pipelinesAllAtOnce(gateway, request, options.pipelines);
    log(`  all at once: ${round(allAtOnce.pipelinesPerSecond, 2)}/s`);

    const best = (points) => points.reduce((top, entry) => (entry.requestsPerSecond > top.requestsPerSecond ? entry : top));
    const calls = admission.gateway.reduce((sum, entry) => sum + entry.requests + entry.errors, 0);
    const failedCalls = admission.gateway.reduce((sum, entry) => sum + entry.errors, 0);
    const results = {
      benchmark: 'job-submission',
      machine: describeMachine(),
      code: describeCode(REPO_ROOT, ['apps', 'libs']),
      config: { seconds: options.seconds, warmUpSeconds: options.warmUpSeconds, concurrency: CONCURRENCY, pipelines: options.pipelines, epochs: options.epochs, quick: options.quick },
      admission: { ...admission, calls, failedCalls, errorRatePercent: calls === 0 ? 0 : round((100 * failedCalls) / calls, 3) },
      throughput: { oneAtATime, allAtOnce },
      ratios: {
        admissionBest: { gateway: best(admission.gateway).requestsPerSecond, baseline: best(admission.baseline).requestsPerSecond },
        admission: best(admission.gateway).requestsPerSecond / best(admission.baseline).requestsPerSecond,
        // null when no pipeline finished one at a time (the run fails then anyway).
        pipelinesAllAtOnceOverOneAtATime: oneAtATime.pipelinesPerSecond > 0 ? allAtOnce.pipelinesPerSecond / oneAtATime.pipelinesPerSecond : null,
      },
    };
    const { jsonPath, mdPath } = writeResults(options.outDir, options.quick ? 'job-submission-quick' : 'job-submission', results, markdown, log);
    log(`Wrote ${jsonPath} and ${mdPath}`);
    const failures = [
      ...[...admission.baseline, ...admission.gateway].filter((entry) => entry.errors + entry.warmUpErrors > 0).map((entry) => `${entry.errors + entry.warmUpErrors} submissions failed at concurrency ${entry.concurrency}: ${entry.firstError}`),
      ...[...oneAtATime.errors, ...allAtOnce.errors],
    ];
    if (failures.length > 0) {
      console.error(`Failed:\n  ${failures.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    // Each step on its own: one that fails must not leave the keys and files of the rest behind.
    for (const step of [() => producer?.close(), () => queues?.close(), () => platform?.stop(), () => redis?.disconnect(), cleanUp]) {
      await Promise.resolve()
        .then(step)
        .catch((error) => console.error(`cleaning up: ${error.message}`));
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
