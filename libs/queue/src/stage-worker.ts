import { Queue, UnrecoverableError, WaitingChildrenError, Worker, type Job } from 'bullmq';
import { CancelledError } from '@aiaas/errors';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { traceCarrier, type Logger } from '@aiaas/observability';
import type { JobTracker, StageName } from '@aiaas/registry';
import { watchCancellation } from './cancellation-watch';
import { classifyFailure, describeError } from './job-failure';
import {
  JOB_NAMES,
  PREVIOUS_STAGE,
  QUEUE_NAMES,
  STAGE_CONTRACTS,
  type StagePayload,
  type StageResult,
  type StageWithPrevious,
} from './stage-contracts';
import { JOB_RETENTION } from './job-retention';
import type { QueueMetrics } from './queue-metrics';
import { inAttemptSpan, TRACE_KEY } from './trace-key';
import { TASK_CONTRACTS, type TaskName, type TaskPayload, type TaskResult } from './task-contracts';

/** Where a multi-step job is; kept in the job's data so it survives waits and retries. */
const jobStepSchema = z.object({
  name: z.string().min(1),
  /** What the step needs from the steps before it (small: references, not data). */
  state: z.record(z.string(), z.unknown()),
  /** When the stage first started, for its duration. */
  startedAt: z.number(),
  /** The attempt that recorded the step; a later attempt resuming it is a retry. */
  attempt: z.number().int().positive(),
});
export type JobStep = Pick<z.infer<typeof jobStepSchema>, 'name' | 'state'>;

/** Data key of the step; payload schemas strip unknown keys, so it never reaches a payload. */
const STEP_KEY = '__step';
/** Data key of the processor's last checkpoint; kept across attempts and replicas. */
const CHECKPOINT_KEY = '__checkpoint';

/** One child task to fan out; `id` makes adding it again (after a crash) a no-op. */
export type TaskJob = { [T in TaskName]: { readonly task: T; readonly id: string; readonly payload: TaskPayload<T> } }[TaskName];

/** Thrown inside the worker when the children finished before the job could wait for them. */
class ChildrenAlreadyFinished extends Error {}

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
  /** Reports the end of a training epoch (1-based) with its metrics and, when known, the seconds left. */
  epochEnded(epoch: number, epochs: number, metrics: Readonly<Record<string, number>>, etaSeconds?: number): Promise<void>;
  /** Records the model version this job is producing on the job. */
  modelVersionReserved(version: number): Promise<void>;
  /** Where a multi-step job is: undefined on its first run, then what waitForChildren recorded. */
  readonly step: JobStep | undefined;
  /**
   * Fans `tasks` out as child jobs of this one, records `next` as the job's step and suspends
   * the job (holding no worker slot) until every task has finished; the processor then runs
   * again with `step` set to `next`. A task that fails for good fails this job.
   */
  waitForChildren(tasks: readonly TaskJob[], next: JobStep): Promise<never>;
  /** Results of this job's child tasks of one kind, validated, in no particular order. */
  taskResults<T extends TaskName>(task: T): Promise<Array<TaskResult<T>>>;
  /**
   * What the last `saveCheckpoint` of this job stored, by any attempt on any replica (a retry,
   * or a replica taking over a stalled job after its worker died); undefined before the first.
   * The processor validates it: it is whatever it saved.
   */
  readonly checkpoint: unknown;
  /** Records how far the job got (small: references to artifacts, not data), for `checkpoint`. */
  saveCheckpoint(checkpoint: Readonly<Record<string, unknown>>): Promise<void>;
  /**
   * Aborted when CancelJob asks the job to stop (seen within `cancelPollMs`). Long processors
   * check it at safe points and throw a CancelledError; the job then ends as cancelled.
   */
  readonly signal: AbortSignal;
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
  /** How long a job's lock lasts without renewal before another replica may take it; default 60 s. */
  readonly lockDurationMs?: number;
  /** How often this worker looks for stalled jobs (lock expired: their worker died); default 30 s. */
  readonly stalledIntervalMs?: number;
  /** How often a running job checks whether it was cancelled; default 1 s. */
  readonly cancelPollMs?: number;
  /** Where to report the queue's depth and each attempt's time and outcome. */
  readonly metrics?: QueueMetrics;
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

/**
 * Consumes one stage's queue: validates the payload, records the stage in the job tracker,
 * runs the processor, validates its result, and decides between retrying (transient errors)
 * and failing the job for good (bad input, via BullMQ's UnrecoverableError).
 */
export class StageWorker<S extends StageName> {
  private readonly worker: Worker;
  private readonly taskQueues = new Map<string, Queue>();
  private active = 0;
  private completed = 0;
  private failed = 0;

  constructor(private readonly options: StageWorkerOptions<S>) {
    this.worker = new Worker(QUEUE_NAMES[options.stage], (job, token) => this.tracedProcessJob(job, token), {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockDurationMs ?? 60_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      autorun: true,
    });
    this.worker.on('error', (error) => options.logger.error('worker error', { queue: QUEUE_NAMES[options.stage], err: error }));
    options.metrics?.watch(QUEUE_NAMES[options.stage], this.worker);
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
    await Promise.all([...this.taskQueues.values()].map((queue) => queue.close()));
  }

  private taskQueue(name: string): Queue {
    let queue = this.taskQueues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.options.connection, prefix: this.options.prefix });
      this.taskQueues.set(name, queue);
    }
    return queue;
  }

  private async waitForChildren(job: Job, token: string | undefined, tasks: readonly TaskJob[], next: JobStep, startedAt: number, attempt: number): Promise<never> {
    await job.updateData({ ...job.data, [STEP_KEY]: { ...next, startedAt, attempt } });
    const parent = { id: job.id!, queue: job.queueQualifiedName };
    const trace = { [TRACE_KEY]: traceCarrier() };
    for (const task of tasks) {
      const contract = TASK_CONTRACTS[task.task];
      await this.taskQueue(contract.queue).add(contract.jobName, { ...contract.payload.parse(task.payload), ...trace }, {
        jobId: task.id,
        parent,
        failParentOnFailure: true,
        attempts: 3,
        backoff: { type: 'exponential', delay: 2_000 },
        ...JOB_RETENTION,
      });
    }
    if (!token || !(await job.moveToWaitingChildren(token))) throw new ChildrenAlreadyFinished();
    throw new WaitingChildrenError();
  }

  /** Return values of the job's children that ran on `queue` (children keys are `<prefix>:<queue>:<id>`). */
  private async childValues(job: Job, queue: string): Promise<unknown[]> {
    const prefix = `${this.options.prefix}:${queue}:`;
    return Object.entries(await job.getChildrenValues())
      .filter(([key]) => key.startsWith(prefix))
      .map(([, value]) => value);
  }

  private async taskResults<T extends TaskName>(job: Job, task: T): Promise<Array<TaskResult<T>>> {
    const contract = TASK_CONTRACTS[task];
    return (await this.childValues(job, contract.queue)).map((value) => contract.result.parse(value) as TaskResult<T>);
  }

  /** One attempt as a span of the pipeline's trace (carried in the job's data), active while it runs. */
  private tracedProcessJob(job: Job, token: string | undefined): Promise<StageResult<S>> {
    const { stage } = this.options;
    const jobId = (job.data as { jobId?: unknown }).jobId;
    // Suspending to wait for child tasks is not a failure.
    return inAttemptSpan(
      `stage ${stage}`,
      job,
      { 'aiaas.stage': stage, ...(typeof jobId === 'string' ? { 'aiaas.job_id': jobId } : {}) },
      (error) => error instanceof WaitingChildrenError,
      () => this.processJob(job, token),
    );
  }

  private async processJob(job: Job, token: string | undefined): Promise<StageResult<S>> {
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
    const readStep = () => {
      const stored = (job.data as Record<string, unknown>)[STEP_KEY];
      return stored === undefined ? undefined : jobStepSchema.parse(stored);
    };
    const resumed = readStep();
    const startedAt = resumed?.startedAt ?? Date.now();

    this.active += 1;
    // An attempt that waited for its child tasks goes on where it was: its time runs from its start, not from the wake-up.
    const resuming = resumed !== undefined && resumed.attempt === attempt;
    const attemptStartedAt = resuming ? resumed.startedAt : Date.now();
    const attemptEnded = this.options.metrics?.attempt(QUEUE_NAMES[stage], attemptStartedAt) ?? (() => undefined);
    const cancellation = watchCancellation(tracker, payload.jobId, this.options.cancelPollMs ?? 1_000, logger);
    try {
      if (await tracker.isCancelRequested(payload.jobId)) throw new CancelledError('the job was cancelled before this stage started');
      // Waking after child tasks is the same attempt going on; a retry starts the stage again.
      if (resuming) logger.info('stage resumed', { step: resumed.name });
      else {
        await tracker.stageStarted(payload.jobId, stage, attempt);
        logger.info('stage started');
      }
      const run = () => {
        const current = readStep();
        return this.options.process({
          jobId: payload.jobId,
          payload,
          attempt,
          logger,
          previousResult: () => this.previousResult(job) as never,
          progress: async (fraction, message) => {
            await Promise.all([tracker.stageProgress(payload.jobId, stage, fraction, message), job.updateProgress({ fraction, message })]);
          },
          epochEnded: async (epoch, epochs, metrics, etaSeconds) => {
            await Promise.all([
              tracker.epochEnded(payload.jobId, epoch, epochs, metrics, etaSeconds),
              job.updateProgress({ fraction: epoch / epochs, epoch, metrics, ...(etaSeconds === undefined ? {} : { etaSeconds }) }),
            ]);
          },
          modelVersionReserved: (version) => tracker.modelVersionReserved(payload.jobId, version),
          step: current && { name: current.name, state: current.state },
          waitForChildren: (tasks, next) => this.waitForChildren(job, token, tasks, next, startedAt, attempt),
          taskResults: (task) => this.taskResults(job, task),
          checkpoint: (job.data as Record<string, unknown>)[CHECKPOINT_KEY],
          saveCheckpoint: (checkpoint) => job.updateData({ ...job.data, [CHECKPOINT_KEY]: checkpoint }),
          signal: cancellation.signal,
        });
      };
      let outcome: StageOutcome<S> | undefined;
      while (!outcome) {
        outcome = await run().catch((error: unknown) => {
          if (error instanceof ChildrenAlreadyFinished) return undefined;
          throw error;
        });
      }
      const result = STAGE_CONTRACTS[stage].result.parse(outcome.result) as StageResult<S>;
      await tracker.stageCompleted(payload.jobId, stage, attempt, startedAt, outcome.summary);
      this.completed += 1;
      // The flow's root finishing means every stage has.
      if (!job.parentKey) await tracker.jobSucceeded(payload.jobId);
      attemptEnded('completed');
      logger.info('stage completed', { summary: outcome.summary, ms: Date.now() - startedAt });
      return result;
    } catch (error) {
      if (error instanceof WaitingChildrenError) {
        logger.info('stage waiting for its tasks', { step: readStep()?.name });
        throw error;
      }
      if (error instanceof CancelledError) {
        attemptEnded('cancelled');
        logger.info('stage cancelled', { reason: error.message });
        await tracker.stageCancelled(payload.jobId, stage, attempt, startedAt, error.message);
        throw new UnrecoverableError(error.message);
      }
      const { permanent, willRetry, message, rethrow } = classifyFailure(error, job, attempt);
      this.failed += 1;
      attemptEnded(willRetry ? 'retried' : 'failed');
      logger[permanent ? 'warn' : 'error']('stage failed', { willRetry, err: error });
      await tracker.stageFailed(payload.jobId, stage, attempt, startedAt, message, willRetry).catch((trackingError: unknown) => {
        logger.error('could not record stage failure', { err: trackingError });
      });
      throw rethrow;
    } finally {
      cancellation.stop();
      this.active -= 1;
    }
  }

  private async previousResult(job: Job): Promise<unknown> {
    const stage = this.options.stage;
    if (!(stage in PREVIOUS_STAGE)) throw new Error(`stage ${stage} has no previous stage`);
    const previous = PREVIOUS_STAGE[stage as StageWithPrevious];
    const values = await this.childValues(job, QUEUE_NAMES[previous]);
    if (values.length !== 1) throw new Error(`expected one ${previous} result, found ${values.length}`);
    return STAGE_CONTRACTS[previous].result.parse(values[0]);
  }
}
