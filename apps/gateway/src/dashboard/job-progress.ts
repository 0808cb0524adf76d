import type { Job, JobEvent, JobState, Stage } from './api-types.js';

const PIPELINE_STAGES: readonly Stage[] = ['STAGE_PREPROCESS', 'STAGE_TRAIN', 'STAGE_EVALUATE', 'STAGE_DEPLOY'];

export type StageState = 'pending' | 'running' | 'retrying' | 'succeeded' | 'failed' | 'cancelled';

const FINISHED_JOB_STATES: readonly JobState[] = ['JOB_STATE_SUCCEEDED', 'JOB_STATE_FAILED', 'JOB_STATE_CANCELLED'];

export const isFinished = (state: JobState): boolean => FINISHED_JOB_STATES.includes(state);

const STAGE_STATE_OF: Readonly<Record<JobState, StageState>> = {
  JOB_STATE_UNSPECIFIED: 'pending',
  JOB_STATE_QUEUED: 'pending',
  JOB_STATE_RUNNING: 'running',
  JOB_STATE_SUCCEEDED: 'succeeded',
  JOB_STATE_FAILED: 'failed',
  JOB_STATE_CANCELLED: 'cancelled',
};

export interface StageProgress {
  readonly stage: Stage;
  state: StageState;
  /** From 1; 0 before the stage started. */
  attempt: number;
  /** Of the current attempt, in [0, 1]. */
  fraction: number;
  message: string;
  error: string;
}

export interface EpochPoint {
  /** 1-based. */
  readonly epoch: number;
  readonly metrics: Readonly<Record<string, number>>;
}

export interface JobOutcome {
  readonly state: JobState;
  readonly error: string;
  readonly modelVersion: number;
}

/**
 * A job's progress, rebuilt from its event log: each stage's state and progress, the metrics of
 * every epoch trained so far (for a live training curve) and, once over, the outcome. Events are
 * applied at most once, so a stream resumed after a drop may repeat some. A training stage that
 * starts again (a retry) starts its curve again: the attempts need not share epochs.
 */
export class JobProgress {
  readonly stages: readonly StageProgress[] = PIPELINE_STAGES.map((stage) => ({ stage, state: 'pending', attempt: 0, fraction: 0, message: '', error: '' }));
  /** By epoch number, of the training stage's latest attempt. */
  private readonly epochsByNumber = new Map<number, EpochPoint>();
  epochsPlanned = 0;
  etaSeconds = 0;
  lastSequence = 0;
  outcome: JobOutcome | undefined;

  get epochs(): readonly EpochPoint[] {
    return [...this.epochsByNumber.values()].sort((a, b) => a.epoch - b.epoch);
  }

  /** The stage running now, if any. */
  get current(): StageProgress | undefined {
    return this.stages.find((stage) => stage.state === 'running' || stage.state === 'retrying');
  }

  /** Whether the event was new. */
  apply(event: JobEvent): boolean {
    if (event.sequence <= this.lastSequence) return false;
    this.lastSequence = event.sequence;
    const stage = this.stages.find((each) => each.stage === event.stage);
    if (event.stage_started && stage) {
      Object.assign(stage, { state: 'running', attempt: event.stage_started.attempt, fraction: 0, message: '', error: '' });
      if (stage.stage === 'STAGE_TRAIN') this.epochsByNumber.clear();
    } else if (event.stage_progress && stage) {
      stage.fraction = Math.min(1, Math.max(0, event.stage_progress.fraction));
      stage.message = event.stage_progress.message;
    } else if (event.epoch_ended) {
      const { epoch, epochs, metrics, eta_seconds } = event.epoch_ended;
      this.epochsByNumber.set(epoch, { epoch, metrics });
      this.epochsPlanned = epochs;
      this.etaSeconds = eta_seconds;
      if (stage && epochs > 0) stage.fraction = Math.max(stage.fraction, epoch / epochs);
    } else if (event.stage_completed && stage) {
      Object.assign(stage, { state: 'succeeded', fraction: 1, message: event.stage_completed.summary });
    } else if (event.stage_failed && stage) {
      Object.assign(stage, { state: event.stage_failed.will_retry ? 'retrying' : 'failed', error: event.stage_failed.error });
    } else if (event.job_finished) {
      this.finish({ state: event.job_finished.state, error: event.job_finished.error, modelVersion: event.job_finished.model_version });
    }
    return true;
  }

  /**
   * Takes the stages' states and, for a finished job, the outcome from the job's record: what
   * is known of a job whose event log has expired. Events applied afterwards refine it.
   */
  seed(job: Job): void {
    for (const status of job.stages) {
      const stage = this.stages.find((each) => each.stage === status.stage);
      if (stage) Object.assign(stage, { state: STAGE_STATE_OF[status.state], error: status.error, fraction: status.state === 'JOB_STATE_SUCCEEDED' ? 1 : 0 });
    }
    if (isFinished(job.state)) this.finish({ state: job.state, error: job.error, modelVersion: job.model_version });
  }

  /** The job is over: a stage still running ends as the job did (a cancelled job reports no stage event). */
  private finish(outcome: JobOutcome): void {
    this.outcome = outcome;
    this.etaSeconds = 0;
    for (const stage of this.stages) {
      if (stage.state === 'running' || stage.state === 'retrying') stage.state = STAGE_STATE_OF[outcome.state];
    }
  }
}
