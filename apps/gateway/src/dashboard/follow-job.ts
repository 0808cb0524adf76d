import { ApiError, type GatewayApi } from './api.js';
import type { JobEvent } from './api-types.js';
import type { JobProgress } from './job-progress.js';

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Streams a job's events into `progress` until the job finishes or the returned function is
 * called, calling `changed` with each new event once applied. A dropped stream is resumed after the last
 * event seen, backing off while the gateway is away; a refusal (4xx) is reported and ends it.
 */
export function followJob(api: GatewayApi, jobId: string, progress: JobProgress, changed: (event: JobEvent) => void, report: (error: unknown) => void): () => void {
  const abort = new AbortController();
  void (async () => {
    let failures = 0;
    while (!abort.signal.aborted && !progress.outcome) {
      try {
        for await (const event of api.jobEvents(jobId, progress.lastSequence, abort.signal)) {
          failures = 0;
          if (progress.apply(event)) changed(event);
        }
      } catch (error) {
        if (abort.signal.aborted) return;
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
          report(error);
          return;
        }
        failures += 1;
      }
      if (!progress.outcome) await sleep(Math.min(10_000, 500 * 2 ** failures), abort.signal);
    }
  })();
  return () => abort.abort();
}
