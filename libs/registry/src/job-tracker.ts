import type { JobEventLog } from './job-event-log';
import type { JobStore } from './job-store';
import type { FinalJobState, StageName } from './records';

/**
 * Records a job's progress in both places readers look: the job record (GetJob) and the event
 * log (WatchJob). Nothing else writes job state after creation, so a watcher always sees
 * the end of a job.
 */
export class JobTracker {
  constructor(
    private readonly jobs: JobStore,
    private readonly events: JobEventLog,
    /** How long a finished job's event log is kept. */
    private readonly eventRetentionSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async stageStarted(jobId: string, stage: StageName, attempt: number): Promise<void> {
    const time = this.now();
    await this.jobs.updateStage(jobId, stage, { state: 'running', attempt, startedAt: time }, time);
    await this.events.append(jobId, stage, { kind: 'stage_started', attempt }, time);
  }

  async stageProgress(jobId: string, stage: StageName, fraction: number, message: string): Promise<void> {
    await this.events.append(jobId, stage, { kind: 'stage_progress', fraction: Math.min(1, Math.max(0, fraction)), message }, this.now());
  }

  async epochEnded(jobId: string, epoch: number, epochs: number, metrics: Readonly<Record<string, number>>, etaSeconds?: number): Promise<void> {
    const body = { kind: 'epoch_ended' as const, epoch, epochs, metrics: { ...metrics }, ...(etaSeconds === undefined ? {} : { etaSeconds }) };
    await this.events.append(jobId, 'train', body, this.now());
  }

  async modelVersionReserved(jobId: string, version: number): Promise<void> {
    await this.jobs.setModelVersion(jobId, version, this.now());
  }

  async stageCompleted(jobId: string, stage: StageName, attempt: number, startedAt: number, summary: string): Promise<void> {
    const time = this.now();
    await this.jobs.updateStage(jobId, stage, { state: 'succeeded', attempt, startedAt, finishedAt: time }, time);
    await this.events.append(jobId, stage, { kind: 'stage_completed', summary }, time);
  }

  /** A stage attempt failed; when it will not be retried, the whole job fails with it. */
  async stageFailed(jobId: string, stage: StageName, attempt: number, startedAt: number, error: string, willRetry: boolean): Promise<void> {
    // Later failures of a job that already ended (its other shard tasks) add nothing.
    if (await this.jobs.isFinished(jobId)) return;
    const time = this.now();
    await this.jobs.updateStage(
      jobId,
      stage,
      { state: willRetry ? 'queued' : 'failed', attempt, startedAt, finishedAt: time, error },
      time,
    );
    await this.events.append(jobId, stage, { kind: 'stage_failed', error, willRetry }, time);
    if (!willRetry) await this.jobFailed(jobId, `${stage} failed: ${error}`);
  }

  async jobSucceeded(jobId: string): Promise<void> {
    await this.finish(jobId, 'succeeded', undefined);
  }

  /** Ends the job as failed, telling its watchers why. */
  async jobFailed(jobId: string, error: string): Promise<void> {
    await this.finish(jobId, 'failed', error);
  }

  /** True once the job has succeeded, failed or been cancelled; work for it can stop. */
  isFinished(jobId: string): Promise<boolean> {
    return this.jobs.isFinished(jobId);
  }

  /** True once CancelJob has asked the job to stop. */
  isCancelRequested(jobId: string): Promise<boolean> {
    return this.jobs.isCancelRequested(jobId);
  }

  /** A stage stopped because the job was cancelled: the stage and the job end as cancelled. */
  async stageCancelled(jobId: string, stage: StageName, attempt: number, startedAt: number | undefined, reason: string): Promise<void> {
    const time = this.now();
    await this.jobs.updateStage(jobId, stage, { state: 'cancelled', attempt, ...(startedAt === undefined ? {} : { startedAt }), finishedAt: time, error: reason }, time);
    await this.jobCancelled(jobId, reason);
  }

  /** Ends the job as cancelled (a job no stage has started yet ends here directly). */
  async jobCancelled(jobId: string, reason: string): Promise<void> {
    await this.finish(jobId, 'cancelled', reason);
  }

  private async finish(jobId: string, state: FinalJobState, error: string | undefined): Promise<void> {
    const time = this.now();
    // A job ends once: its watchers stop at the first job_finished.
    if (!(await this.jobs.finish(jobId, state, error, time))) return;
    const { modelVersion } = await this.jobs.get(jobId);
    await this.events.append(jobId, null, { kind: 'job_finished', state, error, modelVersion }, time);
    await this.events.expire(jobId, this.eventRetentionSeconds);
  }
}
