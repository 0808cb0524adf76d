import { Metadata, status, type CallOptions, type ServiceError } from '@grpc/grpc-js';
import { fromGrpcStatus, isServiceError } from '@aiaas/errors';

/** Status codes that mean "try again later" rather than "this request is wrong". */
export const RETRYABLE_CODES: ReadonlySet<status> = new Set([status.UNAVAILABLE, status.RESOURCE_EXHAUSTED, status.ABORTED]);

/** How a client calls: deadline and retries. */
export interface CallPolicy {
  /** Deadline of each unary call, from its start. */
  readonly deadlineMs: number;
  /** Attempts of idempotent calls that fail with a retryable code, including the first. */
  readonly maxAttempts: number;
  /** Backoff before the first retry; doubles each time, with full jitter. */
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
}

export const DEFAULT_CALL_POLICY: CallPolicy = Object.freeze({
  deadlineMs: 30_000,
  maxAttempts: 4,
  initialBackoffMs: 100,
  maxBackoffMs: 2_000,
});

/** Starts one unary call with the given options; resolves through the callback. */
export type UnaryStarter<Res> = (
  metadata: Metadata,
  options: CallOptions,
  callback: (error: ServiceError | null, response?: Res) => void,
) => void;

function attempt<Res>(start: UnaryStarter<Res>, deadline: Date): Promise<Res> {
  return new Promise((resolve, reject) => {
    start(new Metadata(), { deadline }, (error, response) => {
      if (error) reject(error);
      else resolve(response as Res);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a unary call under `policy`: a deadline always, retries with exponential backoff and
 * full jitter for retryable codes when the call is idempotent, and received statuses turned
 * back into platform errors.
 */
export async function invokeUnary<Res>(
  start: UnaryStarter<Res>,
  policy: CallPolicy,
  { idempotent }: { idempotent: boolean },
): Promise<Res> {
  const deadline = new Date(Date.now() + policy.deadlineMs);
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt(start, deadline);
    } catch (error) {
      if (!isServiceError(error)) throw error;
      const backoff = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (attemptNumber - 1)) * Math.random();
      const retry =
        idempotent &&
        RETRYABLE_CODES.has(error.code) &&
        attemptNumber < policy.maxAttempts &&
        Date.now() + backoff < deadline.getTime();
      if (!retry) throw fromGrpcStatus(error);
      await sleep(backoff);
    }
  }
}
