// Both sides of "one phase per child process": `runPhaseChild` forks a phase script and
// resolves with what it reported; `phaseMain` is what a phase script calls to run its work,
// sample its memory and report back over IPC. One process per phase makes the kernel's peak
// RSS (`process.resourceUsage().maxRSS`, KiB) that phase's own.
import { fork } from 'node:child_process';

const KiB = 1024;

/**
 * Samples `process.memoryUsage()` every `intervalMs` and keeps peaks, overall and per stage
 * (`stage(name)` switches). The kernel's maxRSS is the authoritative peak; the samples say in
 * which stage it happened and how much of it was JS heap.
 */
export class MemorySampler {
  #timer;
  #stage = 'start';
  #peaks = {};
  constructor(intervalMs = 50) {
    this.startRssKiB = Math.round(process.memoryUsage().rss / KiB);
    this.#timer = setInterval(() => this.sample(), intervalMs);
    this.#timer.unref();
  }
  sample() {
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    const peak = (this.#peaks[this.#stage] ??= { rssKiB: 0, heapUsedKiB: 0, externalKiB: 0, arrayBuffersKiB: 0 });
    peak.rssKiB = Math.max(peak.rssKiB, Math.round(rss / KiB));
    peak.heapUsedKiB = Math.max(peak.heapUsedKiB, Math.round(heapUsed / KiB));
    peak.externalKiB = Math.max(peak.externalKiB, Math.round(external / KiB));
    peak.arrayBuffersKiB = Math.max(peak.arrayBuffersKiB, Math.round(arrayBuffers / KiB));
  }
  stage(name) {
    this.sample();
    this.#stage = name;
    this.sample();
  }
  stop() {
    this.sample();
    clearInterval(this.#timer);
    const stages = this.#peaks;
    const sampledPeakRssKiB = Math.max(...Object.values(stages).map((peak) => peak.rssKiB));
    return { maxRssKiB: process.resourceUsage().maxRSS, sampledPeakRssKiB, startRssKiB: this.startRssKiB, stages };
  }
}

/**
 * Runs `work(input, sampler)` in this (child) process and sends `{ ok, result, memory }` to
 * the parent. `input` is the JSON the parent passed as the first argument.
 */
export async function phaseMain(work) {
  const input = JSON.parse(process.argv[2] ?? '{}');
  const sampler = new MemorySampler();
  let message;
  try {
    const result = await work(input, sampler);
    message = { ok: true, result, memory: sampler.stop() };
  } catch (error) {
    message = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error), memory: sampler.stop() };
  }
  await new Promise((resolve) => process.send(message, resolve));
  process.disconnect();
  process.exitCode = message.ok ? 0 : 1;
  // A handle left open (a socket, a timer) must not keep a finished phase alive.
  setTimeout(() => process.exit(), 2_000).unref();
}

/**
 * Forks `script` with `input` and resolves with its result and memory report; rejects when it
 * failed or exited without reporting. `execArgv` adds Node flags (e.g. `--cpu-prof`).
 */
export function runPhaseChild(script, input, { execArgv = [] } = {}) {
  return new Promise((resolve, reject) => {
    const child = fork(script, [JSON.stringify(input)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let message;
    child.on('message', (received) => (message = received));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (message?.ok) resolve({ ...message.result, memory: message.memory });
      else if (message) reject(new Error(`${script} failed:\n${message.error}`));
      else reject(new Error(`${script} exited (${signal ?? `code ${code}`}) without reporting`));
    });
  });
}
