#!/usr/bin/env node
// Soak: the whole platform (five service processes on a real Redis) under a steady load for
// minutes, to show it holds up and does not grow. A closed loop of C callers predicts one
// penguin at a time through the gateway, while a new pipeline (upload → train → evaluate →
// deploy) for the same model starts every S seconds, so production moves to a new version
// again and again and inference loads and unloads versions under load. Every 10 s it samples
// the window's requests/s, p50/p99 latency and errors, and each service's resident memory
// (its own process_resident_memory_bytes metric). After a warm-up, memory may not grow by more
// than the bound (default 64 MiB per service); the run fails if it does, or if any call or job
// fails. This is the load generator of issue 9, bounded in time and on loopback only.
//
//   node bench/soak.mjs [--minutes 10] [--concurrency 16] [--job-every 30] [--bound-mib 64] [--quick] [--no-build] [--out DIR]
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './lib/machine.mjs';
import { describeCode } from './lib/provenance.mjs';
import { quantile } from './lib/stats.mjs';
import { prepareRun, SERVICES, startPlatform } from './lib/platform.mjs';
import { parseBenchArgs, writeResults } from './lib/results.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = join(HERE, '..');
const SAMPLE_SECONDS = 10;
const MODEL = 'soak-penguins';
const BIRD = { island: 'Biscoe', beak_length_mm: 47.5, beak_depth_mm: 14.2, flipper_length_mm: 217, body_mass_g: 5200, sex: 'MALE' };
const log = (line) => console.log(line);
const round = (value, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
const mib = (bytes) => round(bytes / 1024 / 1024, 1);

const USAGE = `Usage: node bench/soak.mjs [options]
  --minutes N      measured minutes after the warm-up (default 10)
  --concurrency C  prediction callers (default 16)
  --job-every S    seconds between pipeline starts (default 30)
  --bound-mib M    most resident memory a service may gain after the warm-up (default 64)
  --quick          1 measured minute, a 10 s warm-up
  --no-build       do not check that apps/*/dist and libs/*/dist are up to date
  --out DIR        where results go (default bench/results)`;

function readOptions() {
  const values = parseBenchArgs(USAGE, join(HERE, 'results'), {
    minutes: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '16' },
    'job-every': { type: 'string', default: '30' },
    'bound-mib': { type: 'string', default: '64' },
  });
  const number = (name, value) => {
    const parsed = Number(value);
    if (!(parsed > 0)) {
      console.error(`--${name} must be a positive number, got ${JSON.stringify(value)}\n\n${USAGE}`);
      process.exit(2);
    }
    return parsed;
  };
  return {
    minutes: values.quick ? 1 : number('minutes', values.minutes),
    warmUpSeconds: values.quick ? 10 : 60,
    concurrency: number('concurrency', values.concurrency),
    jobEverySeconds: number('job-every', values['job-every']),
    boundMiB: number('bound-mib', values['bound-mib']),
    quick: values.quick,
    build: !values['no-build'],
    outDir: values.out,
  };
}


/** Each service's resident memory, from its own metrics. */
async function residentMemory(metricsPorts) {
  const entries = await Promise.all(
    Object.entries(metricsPorts).map(async ([service, port]) => {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const line = text.split('\n').find((candidate) => candidate.startsWith('process_resident_memory_bytes'));
      return [service, Number(line?.split(' ').at(-1))];
    }),
  );
  return Object.fromEntries(entries);
}

function markdown(results) {
  const { summary, memory, samples, config } = results;
  return [
    '# Soak',
    '',
    `${results.machine.cores} cores (${results.machine.cpuModel}); commit ${results.code.commit}${results.code.sourcesChangedSinceCommit.length > 0 ? ' with uncommitted changes' : ''}.`,
    `${config.minutes} min measured after a ${config.warmUpSeconds} s warm-up; ${config.concurrency} callers predicting one record through the gateway; a pipeline every ${config.jobEverySeconds} s.`,
    '',
    '| | value |',
    '|---|---:|',
    `| sustained requests/s | ${summary.requestsPerSecond} |`,
    `| p50 / p99 latency | ${summary.p50Ms} / ${summary.p99Ms} ms |`,
    `| calls / failed | ${summary.calls} / ${summary.failedCalls} (${summary.errorRatePercent}%) |`,
    `| pipelines started / succeeded / failed while measuring (one started in the warm-up may finish here) | ${summary.jobsStarted} / ${summary.jobsSucceeded} / ${summary.jobsFailed} |`,
    `| verdict | ${summary.passed ? 'passed' : `FAILED: ${summary.reasons.join('; ')}`}${summary.memoryJudged === false ? ' (memory not judged: a quick run is too short)' : ''} |`,
    '',
    `Resident memory per service (MiB): after the warm-up, at the end, the most seen, and the growth against the ${config.boundMiB} MiB bound.`,
    '',
    '| service | after warm-up | end | max | growth |',
    '|---|---:|---:|---:|---:|',
    ...SERVICES.map((service) => `| ${service} | ${mib(memory[service].start)} | ${mib(memory[service].end)} | ${mib(memory[service].max)} | ${mib(memory[service].end - memory[service].start)} |`),
    '',
    `Every ${SAMPLE_SECONDS} s:`,
    '',
    `| t (s) | requests/s | p50 / p99 ms | errors | ${SERVICES.map((service) => `${service} MiB`).join(' | ')} |`,
    `|---:|---:|---:|---:|${SERVICES.map(() => '---:').join('|')}|`,
    ...samples.map((sample) => `| ${sample.t} | ${sample.requestsPerSecond} | ${sample.p50Ms} / ${sample.p99Ms} | ${sample.errors} | ${SERVICES.map((service) => mib(sample.rss[service])).join(' | ')} |`),
    '',
  ].join('\n');
}

async function main() {
  const options = readOptions();
  const { redisUrl, workDir, prefix, cleanUp } = await prepareRun({ repoRoot: REPO_ROOT, label: 'soak', build: options.build, log });
  let platform;
  try {
    const metricsPorts = {};
    platform = await startPlatform({
      repoRoot: REPO_ROOT,
      workDir,
      redisUrl,
      prefix,
      log,
      onLine: (service, line) => {
        if (line.includes('"msg":"metrics listening"')) metricsPorts[service] = JSON.parse(line).port;
      },
    });
    const { gateway } = platform;
    const jobs = { started: 0, succeeded: 0, failed: 0, errors: [] };
    const runPipeline = async () => {
      jobs.started += 1;
      try {
        const dataset = await platform.uploadPenguins(`soak-${jobs.started}`);
        const job = await gateway.startPipeline({ dataset_id: dataset.id, target_column: 'species', model_name: MODEL, min_accuracy: 0.5, training: { epochs: 10 } });
        let finished;
        for await (const event of gateway.watchJob(job.id)) if (event.job_finished) finished = event.job_finished;
        if (finished?.state === 'JOB_STATE_SUCCEEDED') jobs.succeeded += 1;
        else {
          jobs.failed += 1;
          jobs.errors.push(finished?.error ?? 'no JobFinished event');
        }
      } catch (error) {
        jobs.failed += 1;
        jobs.errors.push(error.message);
      }
    };
    log('training the first version...');
    await runPipeline();
    if (jobs.succeeded !== 1) throw new Error(`the first pipeline failed: ${jobs.errors.join('; ')}`);

    const record = { fields: Object.fromEntries(Object.entries(BIRD).map(([key, value]) => [key, typeof value === 'number' ? { number_value: value } : { string_value: value }])) };
    const window = { latencies: [], errors: 0 };
    const totals = { calls: 0, failed: 0, latencies: [], errorsByMessage: {} };
    let measuring = false;
    let stopped = false;
    const callers = Array.from({ length: options.concurrency }, async () => {
      while (!stopped) {
        const started = performance.now();
        try {
          await gateway.predict({ model_name: MODEL, records: { records: [record] } });
          const ms = performance.now() - started;
          window.latencies.push(ms);
          if (measuring) {
            totals.calls += 1;
            totals.latencies.push(ms);
          }
        } catch (error) {
          window.errors += 1;
          if (measuring) {
            totals.calls += 1;
            totals.failed += 1;
            totals.errorsByMessage[error.message] = (totals.errorsByMessage[error.message] ?? 0) + 1;
          }
        }
      }
    });
    const pipelines = [];
    const jobTimer = setInterval(() => pipelines.push(runPipeline()), options.jobEverySeconds * 1000);

    log(`warming up for ${options.warmUpSeconds} s...`);
    await sleep(options.warmUpSeconds * 1000);
    const start = await residentMemory(metricsPorts);
    const memory = Object.fromEntries(SERVICES.map((service) => [service, { start: start[service], end: start[service], max: start[service] }]));
    const jobsAtStart = { ...jobs };
    measuring = true;
    const samples = [];
    const began = performance.now();
    const end = began + options.minutes * 60_000;
    log(`measuring for ${options.minutes} min...`);
    while (performance.now() < end) {
      window.latencies = [];
      window.errors = 0;
      const windowStart = performance.now();
      await sleep(Math.min(SAMPLE_SECONDS * 1000, end - windowStart));
      const seconds = (performance.now() - windowStart) / 1000;
      const sorted = window.latencies.sort((a, b) => a - b);
      const rss = await residentMemory(metricsPorts);
      for (const service of SERVICES) {
        memory[service].end = rss[service];
        memory[service].max = Math.max(memory[service].max, rss[service]);
      }
      const sample = { t: round((performance.now() - began) / 1000), requestsPerSecond: round(sorted.length / seconds), p50Ms: round(quantile(sorted, 0.5), 2), p99Ms: round(quantile(sorted, 0.99), 2), errors: window.errors, rss };
      samples.push(sample);
      log(`  t=${sample.t}s  ${sample.requestsPerSecond} req/s  p50 ${sample.p50Ms} ms  p99 ${sample.p99Ms} ms  errors ${sample.errors}  ${SERVICES.map((service) => `${service} ${mib(rss[service])} MiB`).join('  ')}`);
    }
    measuring = false;
    // Before the callers and pipelines drain: they count no more calls.
    const measuredSeconds = (performance.now() - began) / 1000;
    clearInterval(jobTimer);
    stopped = true;
    await Promise.all(callers);
    await Promise.all(pipelines);

    const sorted = totals.latencies.sort((a, b) => a - b);
    const reasons = [];
    // A quick run's warm-up ends while inference is still loading versions: its growth is no verdict.
    const memoryJudged = !options.quick;
    for (const service of memoryJudged ? SERVICES : []) {
      const growth = memory[service].end - memory[service].start;
      if (growth > options.boundMiB * 1024 * 1024) reasons.push(`${service} grew by ${mib(growth)} MiB, over the ${options.boundMiB} MiB bound`);
    }
    if (totals.failed > 0) reasons.push(`${totals.failed} calls failed: ${JSON.stringify(totals.errorsByMessage)}`);
    const jobsFailed = jobs.failed - jobsAtStart.failed;
    if (jobsFailed > 0) reasons.push(`${jobsFailed} pipelines failed: ${jobs.errors.join('; ')}`);
    const results = {
      benchmark: 'soak',
      machine: describeMachine(),
      code: describeCode(REPO_ROOT, ['apps', 'libs']),
      config: { minutes: options.minutes, warmUpSeconds: options.warmUpSeconds, concurrency: options.concurrency, jobEverySeconds: options.jobEverySeconds, boundMiB: options.boundMiB },
      summary: {
        requestsPerSecond: round(totals.calls / measuredSeconds),
        p50Ms: round(quantile(sorted, 0.5), 2),
        p99Ms: round(quantile(sorted, 0.99), 2),
        calls: totals.calls,
        failedCalls: totals.failed,
        errorRatePercent: totals.calls === 0 ? 0 : round((100 * totals.failed) / totals.calls, 3),
        jobsStarted: jobs.started - jobsAtStart.started,
        jobsSucceeded: jobs.succeeded - jobsAtStart.succeeded,
        jobsFailed,
        passed: reasons.length === 0,
        memoryJudged,
        reasons,
      },
      memory,
      samples,
    };
    const stem = options.quick ? 'soak-quick' : 'soak';
    const { jsonPath, mdPath } = writeResults(options.outDir, stem, results, markdown, log);
    log(`Wrote ${jsonPath} and ${mdPath}`);
    if (!results.summary.passed) process.exitCode = 1;
  } finally {
    await platform?.stop();
    await cleanUp();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
