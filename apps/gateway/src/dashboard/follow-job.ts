import { ApiError, type GatewayApi } from './api.js';
import type { JobEvent } from './api-types.js';
import type { JobProgress } from './job-progress.js';

/** Waits `ms`, or less if `signal` aborts; either way nothing is left listening. */
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const abort = () => (clearTimeout(timer), resolve());
    const timer = setTimeout(() => (signal.removeEventListener('abort', abort), resolve()), ms);
    signal.addEventListener('abort', abort, { once: true });
  });

export interface JobFollowing {
  /** Stops following; the stream in flight is cancelled. */
  stop(): void;
  /** Resolves when following ends: the job's end was seen, it was refused, or it was stopped. */
  readonly ended: Promise<void>;
}

/**
 * Streams a job's events into `progress`, calling `changed` with each new event once applied,
 * until the job's JobFinished event arrives. A dropped stream is resumed after the last event
 * seen, backing off while the gateway is away or over its rate limit; a refusal (401, 404, …) is
 * reported and ends it. With `replayOnly` (a job already finished) the log is read once: a
 * finished job's log may have expired, and nothing more will come.
 */
export function followJob(
  api: GatewayApi,
  jobId: string,
  progress: JobProgress,
  changed: (event: JobEvent) => void,
  report: (error: unknown) => void,
  { replayOnly = false } = {},
): JobFollowing {
  const abort = new AbortController();
  const ended = (async () => {
    let failures = 0;
    while (!abort.signal.aborted && !progress.outcome) {
      let waitMs = 0;
      try {
        for await (const event of api.jobEvents(jobId, progress.lastSequence, abort.signal)) {
          failures = 0;
          if (progress.apply(event)) changed(event);
        }
        if (replayOnly) return;
      } catch (error) {
        if (abort.signal.aborted) return;
        if (error instanceof ApiError && !error.retriable) {
          report(error);
          return;
        }
        failures += 1;
        waitMs = error instanceof ApiError ? (error.retryAfterMs ?? 0) : 0;
      }
      if (!progress.outcome) await sleep(Math.max(waitMs, Math.min(10_000, 500 * 2 ** failures)), abort.signal);
    }
  })();
  return { stop: () => abort.abort(), ended };
}
