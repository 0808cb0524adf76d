import type { JobEvent, JobState, Stage } from './api-types.js';

export const PIPELINE_STAGES: readonly Stage[] = ['STAGE_PREPROCESS', 'STAGE_TRAIN', 'STAGE_EVALUATE', 'STAGE_DEPLOY'];

export type StageState = 'pending' | 'running' | 'retrying' | 'succeeded' | 'failed';

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
 * applied at most once, so a stream resumed after a drop may repeat some.
 */
export class JobProgress {
  readonly stages: readonly StageProgress[] = PIPELINE_STAGES.map((stage) => ({ stage, state: 'pending', attempt: 0, fraction: 0, message: '', error: '' }));
  /** By epoch number; a retried stage's epochs replace the first attempt's. */
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
      this.outcome = { state: event.job_finished.state, error: event.job_finished.error, modelVersion: event.job_finished.model_version };
      this.etaSeconds = 0;
    }
    return true;
  }
}
