import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { isPermanent } from '@aiaas/errors';
import type { Logger } from '@aiaas/observability';
import type { JobTracker, StageName } from '@aiaas/registry';
import {
  JOB_NAMES,
  PREVIOUS_STAGE,
  QUEUE_NAMES,
  STAGE_CONTRACTS,
  type StagePayload,
  type StageResult,
  type StageWithPrevious,
} from './stage-contracts';

/** What a stage's processor gets for one job. */
export interface StageContext<S extends StageName> {
  readonly jobId: string;
  readonly payload: StagePayload<S>;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly logger: Logger;
  /** Result of the stage before this one; only for stages that have one. */
  previousResult(): Promise<S extends StageWithPrevious ? StageResult<(typeof PREVIOUS_STAGE)[S]> : never>;
  /** Reports progress to WatchJob and to BullMQ. */
  progress(fraction: number, message: string): Promise<void>;
  /** Reports the end of a training epoch (1-based) with its metrics. */
  epochEnded(epoch: number, epochs: number, metrics: Readonly<Record<string, number>>): Promise<void>;
  /** Records the model version this job is producing on the job. */
  modelVersionReserved(version: number): Promise<void>;
}

/** A processor's outcome: the result for the next stage and a line for humans. */
export interface StageOutcome<S extends StageName> {
  readonly result: StageResult<S>;
  readonly summary: string;
}

export interface StageWorkerOptions<S extends StageName> {
  readonly stage: S;
  /** A connection with `maxRetriesPerRequest: null`, as BullMQ workers need. */
  readonly connection: Redis;
  readonly prefix: string;
  /** Jobs processed at once by this replica. */
  readonly concurrency: number;
  readonly tracker: JobTracker;
  readonly logger: Logger;
  readonly process: (context: StageContext<S>) => Promise<StageOutcome<S>>;
  /** How long a job's lock lasts without renewal before another replica may take it. */
  readonly lockDurationMs?: number;
}

/** Counters for DescribeWorker. */
export interface StageWorkerStats {
  readonly queue: string;
  readonly concurrency: number;
  readonly activeJobs: number;
  /** Attempts that succeeded. */
  readonly completedJobs: number;
  /** Attempts that failed, retried or not. */
  readonly failedJobs: number;
}

function describeError(error: unknown): string {
  if (error instanceof z.ZodError) return `invalid data: ${error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Consumes one stage's queue: validates the payload, records the stage in the job tracker,
 * runs the processor, validates its result, and decides between retrying (transient errors)
 * and failing the job for good (bad input, via BullMQ's UnrecoverableError).
 */
export class StageWorker<S extends StageName> {
  private readonly worker: Worker;
  private active = 0;
  private completed = 0;
  private failed = 0;

  constructor(private readonly options: StageWorkerOptions<S>) {
    this.worker = new Worker(QUEUE_NAMES[options.stage], (job) => this.processJob(job), {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockDurationMs ?? 60_000,
      autorun: true,
    });
    this.worker.on('error', (error) => options.logger.error('worker error', { queue: QUEUE_NAMES[options.stage], err: error }));
  }

  get stats(): StageWorkerStats {
    return {
      queue: QUEUE_NAMES[this.options.stage],
      concurrency: this.options.concurrency,
      activeJobs: this.active,
      completedJobs: this.completed,
      failedJobs: this.failed,
    };
  }

  /** Resolves once the worker is connected and taking jobs. */
  async waitUntilReady(): Promise<void> {
    await this.worker.waitUntilReady();
  }

  /** Stops taking jobs and waits for the ones in progress to finish. */
  async close(): Promise<void> {
    await this.worker.close();
  }

  private async processJob(job: Job): Promise<StageResult<S>> {
    const { stage, tracker } = this.options;
    if (job.name !== JOB_NAMES[stage]) throw new UnrecoverableError(`queue ${QUEUE_NAMES[stage]} does not handle jobs named "${job.name}"`);
    const parsed = STAGE_CONTRACTS[stage].payload.safeParse(job.data);
    if (!parsed.success) {
      this.options.logger.error('rejected malformed job payload', { queue: QUEUE_NAMES[stage], bullJobId: job.id, error: describeError(parsed.error) });
      throw new UnrecoverableError(describeError(parsed.error));
    }
    const payload = parsed.data as StagePayload<S>;
    const attempt = job.attemptsMade + 1;
    const logger = this.options.logger.child({ jobId: payload.jobId, stage, attempt });
    const startedAt = Date.now();

    this.active += 1;
    try {
      await tracker.stageStarted(payload.jobId, stage, attempt);
      logger.info('stage started');
      const outcome = await this.options.process({
        jobId: payload.jobId,
        payload,
        attempt,
        logger,
        previousResult: () => this.previousResult(job) as never,
        progress: async (fraction, message) => {
          await Promise.all([tracker.stageProgress(payload.jobId, stage, fraction, message), job.updateProgress({ fraction, message })]);
        },
        epochEnded: async (epoch, epochs, metrics) => {
          await Promise.all([tracker.epochEnded(payload.jobId, epoch, epochs, metrics), job.updateProgress({ fraction: epoch / epochs, epoch, metrics })]);
        },
        modelVersionReserved: (version) => tracker.modelVersionReserved(payload.jobId, version),
      });
      const result = STAGE_CONTRACTS[stage].result.parse(outcome.result) as StageResult<S>;
      await tracker.stageCompleted(payload.jobId, stage, attempt, startedAt, outcome.summary);
      this.completed += 1;
      // The flow's root finishing means every stage has.
      if (!job.parentKey) await tracker.jobSucceeded(payload.jobId);
      logger.info('stage completed', { summary: outcome.summary, ms: Date.now() - startedAt });
      return result;
    } catch (error) {
      const permanent = isPermanent(error) || error instanceof UnrecoverableError || error instanceof z.ZodError;
      const willRetry = !permanent && attempt < (job.opts.attempts ?? 1);
      const message = describeError(error);
      this.failed += 1;
      logger[permanent ? 'warn' : 'error']('stage failed', { willRetry, err: error });
      await tracker.stageFailed(payload.jobId, stage, attempt, startedAt, message, willRetry).catch((trackingError: unknown) => {
        logger.error('could not record stage failure', { err: trackingError });
      });
      if (permanent && !(error instanceof UnrecoverableError)) throw new UnrecoverableError(message);
      throw error;
    } finally {
      this.active -= 1;
    }
  }

  private async previousResult(job: Job): Promise<unknown> {
    const stage = this.options.stage;
    if (!(stage in PREVIOUS_STAGE)) throw new Error(`stage ${stage} has no previous stage`);
    const previous = PREVIOUS_STAGE[stage as StageWithPrevious];
    const values = Object.values(await job.getChildrenValues());
    if (values.length !== 1) throw new Error(`expected one ${previous} result, found ${values.length}`);
    return STAGE_CONTRACTS[previous].result.parse(values[0]);
  }
}
