import type { JobEvent, Stage } from './api-types';
import { JobProgress } from './job-progress';

let sequence = 0;
const event = (stage: Stage, body: Partial<JobEvent>): JobEvent => ({ job_id: 'j', sequence: (sequence += 1), time: null, stage, ...body });

describe('JobProgress', () => {
  beforeEach(() => {
    sequence = 0;
  });

  it('follows stages, epochs and the outcome, and ignores events it has seen', () => {
    const progress = new JobProgress();
    const log = [
      event('STAGE_PREPROCESS', { stage_started: { attempt: 1 } }),
      event('STAGE_PREPROCESS', { stage_progress: { fraction: 0.5, message: 'half the rows' } }),
      event('STAGE_PREPROCESS', { stage_completed: { summary: '300 rows' } }),
      event('STAGE_TRAIN', { stage_started: { attempt: 1 } }),
      event('STAGE_TRAIN', { epoch_ended: { epoch: 1, epochs: 4, metrics: { loss: 1.2 }, eta_seconds: 3 } }),
    ];
    for (const each of log) expect(progress.apply(each)).toBe(true);
    expect(progress.apply(log[2]!)).toBe(false);
    expect(progress.stages.map((stage) => stage.state)).toEqual(['succeeded', 'running', 'pending', 'pending']);
    expect(progress.current).toMatchObject({ stage: 'STAGE_TRAIN', fraction: 0.25 });
    expect([progress.epochs, progress.epochsPlanned, progress.etaSeconds]).toEqual([[{ epoch: 1, metrics: { loss: 1.2 } }], 4, 3]);

    progress.apply(event('STAGE_TRAIN', { stage_failed: { error: 'worker lost', will_retry: true } }));
    expect(progress.current).toMatchObject({ state: 'retrying', error: 'worker lost' });
    progress.apply(event('STAGE_TRAIN', { epoch_ended: { epoch: 2, epochs: 4, metrics: { loss: 1.0 }, eta_seconds: 2 } }));
    progress.apply(event('STAGE_TRAIN', { stage_started: { attempt: 2 } }));
    // The retry starts its curve again: none of the first attempt's epochs linger.
    expect(progress.epochs).toEqual([]);
    progress.apply(event('STAGE_TRAIN', { epoch_ended: { epoch: 1, epochs: 4, metrics: { loss: 1.1 }, eta_seconds: 2 } }));
    expect(progress.epochs.map((point) => point.metrics['loss'])).toEqual([1.1]);
    expect(progress.current).toMatchObject({ attempt: 2, error: '', fraction: 0.25 });

    progress.apply(event('STAGE_TRAIN', { stage_failed: { error: 'out of memory', will_retry: false } }));
    progress.apply(event('STAGE_UNSPECIFIED', { job_finished: { state: 'JOB_STATE_FAILED', error: 'train: out of memory', model_version: 0 } }));
    expect(progress.current).toBeUndefined();
    expect(progress.stages[1]).toMatchObject({ state: 'failed', error: 'out of memory' });
    expect(progress.outcome).toEqual({ state: 'JOB_STATE_FAILED', error: 'train: out of memory', modelVersion: 0 });
    expect(progress.lastSequence).toBe(sequence);
  });

  it('ends a stage still running as the job ended, as a cancelled job reports no stage event', () => {
    const progress = new JobProgress();
    progress.apply(event('STAGE_PREPROCESS', { stage_started: { attempt: 1 } }));
    progress.apply(event('STAGE_UNSPECIFIED', { job_finished: { state: 'JOB_STATE_CANCELLED', error: 'cancelled', model_version: 0 } }));
    expect(progress.stages.map((stage) => stage.state)).toEqual(['cancelled', 'pending', 'pending', 'pending']);
    expect(progress.current).toBeUndefined();
  });

  it('takes what the job record knows when the event log has expired', () => {
    const progress = new JobProgress();
    progress.seed({
      id: 'j',
      state: 'JOB_STATE_FAILED',
      stages: [
        { stage: 'STAGE_PREPROCESS', state: 'JOB_STATE_SUCCEEDED', error: '', started_at: null, finished_at: null },
        { stage: 'STAGE_TRAIN', state: 'JOB_STATE_FAILED', error: 'out of memory', started_at: null, finished_at: null },
      ],
      dataset_id: 'd',
      target_column: 't',
      model_name: 'm',
      model_version: 0,
      error: 'train: out of memory',
      created_at: null,
      updated_at: null,
    });
    expect(progress.stages.map((stage) => [stage.state, stage.error])).toEqual([['succeeded', ''], ['failed', 'out of memory'], ['pending', ''], ['pending', '']]);
    expect(progress.outcome).toEqual({ state: 'JOB_STATE_FAILED', error: 'train: out of memory', modelVersion: 0 });
  });
});
