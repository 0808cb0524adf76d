import type { Logger } from '@aiaas/observability';
import type { JobTracker } from '@aiaas/registry';

/** A signal that aborts once CancelJob has asked the job to stop, and how to stop watching. */
export interface CancellationWatch {
  readonly signal: AbortSignal;
  stop(): void;
}

/** Polls the job's cancel request every `pollMs` while work for it runs. */
export function watchCancellation(tracker: JobTracker, jobId: string, pollMs: number, logger: Logger): CancellationWatch {
  const cancellation = new AbortController();
  const timer = setInterval(() => {
    tracker.isCancelRequested(jobId).then(
      (requested) => {
        if (requested) cancellation.abort();
      },
      (error: unknown) => logger.warn('could not check for cancellation', { err: error }),
    );
  }, pollMs);
  return {
    signal: cancellation.signal,
    stop: () => clearInterval(timer),
  };
}
