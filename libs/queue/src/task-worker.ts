import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { CancelledError } from '@aiaas/errors';
import type { Logger } from '@aiaas/observability';
import type { JobTracker } from '@aiaas/registry';
import { watchCancellation } from './cancellation-watch';
import { inAttemptSpan } from './trace-key';
import type { QueueMetrics } from './queue-metrics';
import { classifyFailure, describeError } from './job-failure';
import { TASK_CONTRACTS, type TaskName, type TaskPayload, type TaskResult } from './task-contracts';

/** Data key of the task's last checkpoint; kept across attempts and replicas. */
const CHECKPOINT_KEY = '__checkpoint';

/**
 * Thrown by a task that cannot run yet (its tenant's slots are taken, say): the task goes back
 * to the queue, delayed, without counting as a failed attempt.
 */
export class PostponeTask extends Error {
  constructor(
    readonly delayMs: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'PostponeTask';
  }
}

/** What a task's processor gets. */
export interface TaskContext<T extends TaskName> {
  readonly payload: TaskPayload<T>;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly logger: Logger;
  /** What the last `saveCheckpoint` of this task stored (any attempt, any replica), or undefined. */
  readonly checkpoint: unknown;
  /** Records how far the task got (small: references to artifacts), for `checkpoint`. */
  saveCheckpoint(checkpoint: Readonly<Record<string, unknown>>): Promise<void>;
  /** Aborted when CancelJob asks the task's job to stop; long tasks check it at safe points. */
  readonly signal: AbortSignal;
}

export interface TaskWorkerOptions<T extends TaskName> {
  readonly task: T;
  /** A connection with `maxRetriesPerRequest: null`, as BullMQ workers need. */
  readonly connection: Redis;
  readonly prefix: string;
  readonly concurrency: number;
  readonly tracker: JobTracker;
  readonly logger: Logger;
  readonly process: (context: TaskContext<T>) => Promise<TaskResult<T>>;
  /** How long a task's lock lasts without renewal before another replica may take it; default 60 s. */
  readonly lockDurationMs?: number;
  /** How often this worker looks for stalled tasks; default 30 s. */
  readonly stalledIntervalMs?: number;
  /** How often a running task checks whether its job was cancelled; default 1 s. */
  readonly cancelPollMs?: number;
  /** Where to report the queue's depth and each attempt's time and outcome. */
  readonly metrics?: QueueMetrics;
}

/**
 * Consumes the queue of one kind of child task (e.g. a shard of a preprocessing run): validates
 * payloads and results, retries transient failures, and fails permanently on bad input. A task
 * that fails for good fails its parent stage (BullMQ's failParentOnFailure), so this worker
 * records the failure on the pipeline job, where watchers see it.
 */
export class TaskWorker<T extends TaskName> {
  private readonly worker: Worker;
  private active = 0;

  constructor(private readonly options: TaskWorkerOptions<T>) {
    const contract = TASK_CONTRACTS[options.task];
    this.worker = new Worker(contract.queue, (job, token) => this.tracedProcessJob(job, token), {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockDurationMs ?? 60_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
    });
    this.worker.on('error', (error) => options.logger.error('task worker error', { queue: contract.queue, err: error }));
    options.metrics?.watch(contract.queue, this.worker);
  }

  /** Tasks running on this replica now. */
  get activeTasks(): number {
    return this.active;
  }

  async waitUntilReady(): Promise<void> {
    await this.worker.waitUntilReady();
  }

  /** Stops taking tasks and waits for the running ones. */
  async close(): Promise<void> {
    await this.worker.close();
  }

  /** One attempt as a span of the pipeline's trace (carried in the task's data by the stage that fanned it out). */
  private tracedProcessJob(job: Job, token: string | undefined): Promise<TaskResult<T>> {
    // Postponing (moved back to delayed) is not a failure.
    return inAttemptSpan(`task ${this.options.task}`, job, { 'aiaas.task': this.options.task }, (error) => error instanceof DelayedError, () => this.processJob(job, token));
  }

  private async processJob(job: Job, token: string | undefined): Promise<TaskResult<T>> {
    const contract = TASK_CONTRACTS[this.options.task];
    if (job.name !== contract.jobName) throw new UnrecoverableError(`queue ${contract.queue} does not handle jobs named "${job.name}"`);
    const parsed = contract.payload.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(describeError(parsed.error));
    const payload = parsed.data as TaskPayload<T>;
    const attempt = job.attemptsMade + 1;
    const logger = this.options.logger.child({ jobId: payload.jobId, task: this.options.task, bullJobId: job.id, attempt });
    const startedAt = Date.now();
    if (await this.options.tracker.isFinished(payload.jobId)) {
      logger.info('task skipped: its job has already finished');
      throw new UnrecoverableError(`job ${payload.jobId} has already finished`);
    }
    this.active += 1;
    const attemptEnded = this.options.metrics?.attempt(contract.queue, startedAt) ?? (() => undefined);
    const cancellation = watchCancellation(this.options.tracker, payload.jobId, this.options.cancelPollMs ?? 1_000, logger);
    try {
      const result = contract.result.parse(
        await this.options.process({
          payload,
          attempt,
          logger,
          checkpoint: (job.data as Record<string, unknown>)[CHECKPOINT_KEY],
          saveCheckpoint: (checkpoint) => job.updateData({ ...job.data, [CHECKPOINT_KEY]: checkpoint }),
          signal: cancellation.signal,
        }),
      ) as TaskResult<T>;
      attemptEnded('completed');
      logger.info('task completed', { ms: Date.now() - startedAt });
      return result;
    } catch (error) {
      if (error instanceof PostponeTask && token) {
        logger.debug('task postponed', { reason: error.message, delayMs: error.delayMs });
        await job.moveToDelayed(Date.now() + error.delayMs, token);
        throw new DelayedError();
      }
      if (error instanceof CancelledError) {
        attemptEnded('cancelled');
        logger.info('task cancelled', { reason: error.message });
        await this.options.tracker.stageCancelled(payload.jobId, contract.stage, attempt, startedAt, error.message);
        throw new UnrecoverableError(error.message);
      }
      const { permanent, willRetry, message, rethrow } = classifyFailure(error, job, attempt);
      attemptEnded(willRetry ? 'retried' : 'failed');
      logger[permanent ? 'warn' : 'error']('task failed', { willRetry, err: error });
      if (!willRetry) {
        await this.options.tracker
          .stageFailed(payload.jobId, contract.stage, attempt, startedAt, message, false)
          .catch((trackingError: unknown) => logger.error('could not record task failure', { err: trackingError }));
      }
      throw rethrow;
    } finally {
      cancellation.stop();
      this.active -= 1;
    }
  }
}
