// The load generator the benchmarks share: C callers in this process, each sending its next
// request as soon as the last one is answered, for a bounded time.
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { quantile } from './stats.mjs';

/**
 * Runs `send` from `concurrency` callers for `warmUpSeconds`, then measures for `seconds`.
 * Resolves requests/s and p50/p99 latency of the measured requests that succeeded, how many
 * measured requests failed (`errors`; the error rate is errors ÷ (requests + errors)) and how
 * many failed in the warm-up, with the first failure, so each benchmark decides whether a
 * failure fails its run.
 */
export async function closedLoop(send, { concurrency, seconds, warmUpSeconds }) {
  const latencies = [];
  let errors = 0;
  let warmUpErrors = 0;
  let firstError;
  let measuring = false;
  let stop = false;
  const caller = async () => {
    while (!stop) {
      const started = performance.now();
      try {
        await send();
        if (measuring) latencies.push(performance.now() - started);
      } catch (error) {
        if (measuring) errors += 1;
        else warmUpErrors += 1;
        firstError ??= error;
        // A send that fails at once would otherwise spin on microtasks and starve the timers.
        await nextTurn();
      }
    }
  };
  const callers = Array.from({ length: concurrency }, caller);
  await sleep(warmUpSeconds * 1000);
  measuring = true;
  const started = performance.now();
  await sleep(seconds * 1000);
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(callers);
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    requests: latencies.length,
    errors,
    warmUpErrors,
    firstError: firstError === undefined ? undefined : String(firstError.message ?? firstError),
    requestsPerSecond: latencies.length / elapsed,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
  };
}
