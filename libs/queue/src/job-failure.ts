import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import { isPermanent } from '@aiaas/errors';

/** A job error as people read it: schema problems listed by path, anything else by message. */
export function describeError(error: unknown): string {
  if (error instanceof z.ZodError) return `invalid data: ${error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`;
  return error instanceof Error ? error.message : String(error);
}

/** How one failed attempt of a job ends. */
export interface JobFailure {
  /** Bad input (a platform error that says so, a schema violation, or BullMQ's own verdict). */
  readonly permanent: boolean;
  /** Transient, with attempts left. */
  readonly willRetry: boolean;
  readonly message: string;
  /** What to throw to BullMQ: permanent failures as UnrecoverableError, so they never retry. */
  readonly rethrow: unknown;
}

/** Classifies an error thrown by attempt `attempt` of `job`. */
export function classifyFailure(error: unknown, job: Job, attempt: number): JobFailure {
  const permanent = isPermanent(error) || error instanceof UnrecoverableError || error instanceof z.ZodError;
  const message = describeError(error);
  return {
    permanent,
    willRetry: !permanent && attempt < (job.opts.attempts ?? 1),
    message,
    rethrow: permanent && !(error instanceof UnrecoverableError) ? new UnrecoverableError(message) : error,
  };
}
