import { Redis } from 'ioredis';
import { CancelledError, InvalidArgumentError } from '@aiaas/errors';
import { trainingSpecSchema } from '@aiaas/model-spec';
import { silentLogger } from '@aiaas/observability';
import { createRedisConnection, createRegistry, type Registry, type StageName } from '@aiaas/registry';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { PipelineLauncher, type PipelinePayloads } from './pipeline-launcher';
import { DEFAULT_TENANT } from './stage-contracts';
import type { StageResult } from './stage-contracts';
import { StageWorker, type StageContext, type StageOutcome } from './stage-worker';

const ref = (digit: string) => `sha256:${digit.repeat(64)}` as const;

function payloads(jobId: string): PipelinePayloads {
  return {
    preprocess: {
      jobId,
      datasetId: 'ds_1',
      targetColumn: 'species',
      split: { strategy: 'ratio', testFraction: 0.2, validationFraction: 0, seed: 1 },
      dropDuplicates: false,
      plan: { columns: [{ type: 'numeric', column: 'x', encoding: 'standardize', buckets: 10, impute: { strategy: 'mean' } }], target: { column: 'species', task: 'classification', maxClasses: 100 }, stopWords: [] },
    },
    train: { jobId, modelName: 'm', tenant: DEFAULT_TENANT, training: trainingSpecSchema.parse({ epochs: 1, batchSize: 8, seed: 1 }) },
    evaluate: { jobId, minAccuracy: 0.5, sliceColumns: [], thresholds: [], maxRegression: [] },
    deploy: { jobId, alias: 'production' },
  };
}

type Processors = { [S in StageName]: (context: StageContext<S>) => Promise<StageOutcome<S>> };

const preprocessResult: StageResult<'preprocess'> = {
  datasetId: 'ds_1',
  targetColumn: 'species',
  task: 'classification',
  classLabels: ['a', 'b'],
  inputColumns: ['x'],
  outputs: [{ name: 'features', dtype: 'float32', width: 1 }],
  featureCount: 1,
  trainRows: 8,
  validationRows: 0,
  testRows: 2,
  dropped: { missingTarget: 0, anomalies: 0, duplicates: 0, missingSplitKey: 0 },
  transform: ref('1'),
  splits: ref('2'),
};

describe('a pipeline as one BullMQ flow on a real Redis', () => {
  const prefix = uniquePrefix('queue');
  const connections: Redis[] = [];
  const workers: Array<StageWorker<StageName>> = [];
  const order: string[] = [];
  let registry: Registry;
  let launcher: PipelineLauncher;
  let trainFailures: Record<string, Error[]> = {};
  const checkpointsSeen: Record<string, unknown[]> = {};
  /** Jobs whose train stage runs until cancelled. */
  const trainUntilCancelled = new Set<string>();

  const processors: Processors = {
    preprocess: async ({ jobId, progress }) => {
      order.push(`${jobId}:preprocess`);
      await progress(0.5, 'half way');
      return { result: preprocessResult, summary: '8 train rows' };
    },
    train: async ({ jobId, previousResult, checkpoint, saveCheckpoint, signal }) => {
      order.push(`${jobId}:train`);
      (checkpointsSeen[jobId] ??= []).push(checkpoint);
      await saveCheckpoint({ epochsDone: (checkpointsSeen[jobId]?.length ?? 0) * 10 });
      if (trainUntilCancelled.has(jobId)) {
        while (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, 20));
        throw new CancelledError('training was cancelled after epoch 3');
      }
      const failure = trainFailures[jobId]?.shift();
      if (failure) throw failure;
      const processed = await previousResult();
      return { result: { modelName: 'm', version: processed.featureCount + 6 }, summary: 'trained' };
    },
    evaluate: async ({ jobId, previousResult }) => {
      order.push(`${jobId}:evaluate`);
      const trained = await previousResult();
      return { result: { ...trained, blessed: true, reason: 'ok' }, summary: 'blessed' };
    },
    deploy: async ({ jobId, payload, previousResult }) => {
      order.push(`${jobId}:deploy`);
      const evaluated = await previousResult();
      return { result: { modelName: evaluated.modelName, version: evaluated.version, alias: payload.alias }, summary: 'deployed' };
    },
  };

  const connect = (role: 'command' | 'worker') => {
    const connection = createRedisConnection(testRedisUrl(), role);
    connections.push(connection);
    return connection;
  };

  async function finished(jobId: string) {
    const events = [];
    for await (const event of registry.events.follow(jobId, 0, AbortSignal.timeout(20_000), 500)) events.push(event);
    return events;
  }

  beforeAll(async () => {
    registry = createRegistry({ redis: connect('command'), prefix, openBlockingConnection: () => connect('worker') });
    launcher = new PipelineLauncher(connect('command'), prefix, { attempts: 2, backoffMs: 10 });
    for (const stage of ['preprocess', 'train', 'evaluate', 'deploy'] as const) {
      const worker = new StageWorker({
        stage,
        connection: connect('worker'),
        prefix,
        concurrency: 1,
        tracker: registry.tracker,
        logger: silentLogger,
        process: processors[stage] as never,
        cancelPollMs: 50,
      });
      workers.push(worker as StageWorker<StageName>);
      await worker.waitUntilReady();
    }
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await launcher.close();
    await deleteKeysWithPrefix(connections[0]!, prefix);
    for (const connection of connections) connection.disconnect();
  });

  beforeEach(() => {
    trainFailures = {};
  });

  it('runs the stages children first, passing each result to the next, and marks the job succeeded', async () => {
    await registry.jobs.create('job_ok', { datasetId: 'ds_1', targetColumn: 'species', modelName: 'm', createdAt: Date.now() });
    await launcher.start(payloads('job_ok'));
    const events = await finished('job_ok');

    expect(order.filter((entry) => entry.startsWith('job_ok:'))).toEqual(['job_ok:preprocess', 'job_ok:train', 'job_ok:evaluate', 'job_ok:deploy']);
    expect(events.map((event) => `${event.stage ?? 'job'}:${event.body.kind}`)).toEqual([
      'preprocess:stage_started',
      'preprocess:stage_progress',
      'preprocess:stage_completed',
      'train:stage_started',
      'train:stage_completed',
      'evaluate:stage_started',
      'evaluate:stage_completed',
      'deploy:stage_started',
      'deploy:stage_completed',
      'job:job_finished',
    ]);
    const job = await registry.jobs.get('job_ok');
    expect(job.state).toBe('succeeded');
    expect(Object.values(job.stages).map((stage) => stage.state)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    expect(workers.map((worker) => worker.stats.completedJobs)).toEqual([1, 1, 1, 1]);
  });

  it('retries a transient failure and reports the retry', async () => {
    trainFailures.job_retry = [new Error('connection reset')];
    await registry.jobs.create('job_retry', { datasetId: 'ds_1', targetColumn: 'species', modelName: 'm', createdAt: Date.now() });
    await launcher.start(payloads('job_retry'));
    const events = await finished('job_retry');

    const train = events.filter((event) => event.stage === 'train').map((event) => event.body);
    expect(train).toEqual([
      { kind: 'stage_started', attempt: 1 },
      { kind: 'stage_failed', error: 'connection reset', willRetry: true },
      { kind: 'stage_started', attempt: 2 },
      { kind: 'stage_completed', summary: 'trained' },
    ]);
    expect((await registry.jobs.get('job_retry')).state).toBe('succeeded');
    // The retry found what the failed attempt checkpointed.
    expect(checkpointsSeen.job_retry).toEqual([undefined, { epochsDone: 10 }]);
  });

  it('cancels a running stage through its signal and ends the job cancelled, running nothing after it', async () => {
    trainUntilCancelled.add('job_cancel');
    await registry.jobs.create('job_cancel', { datasetId: 'ds_1', targetColumn: 'species', modelName: 'm', createdAt: Date.now() });
    await launcher.start(payloads('job_cancel'));
    for (let waited = 0; !order.includes('job_cancel:train') && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(registry.jobs.requestCancel('job_cancel', Date.now())).resolves.toBe(true);
    const events = await finished('job_cancel');

    expect(events.slice(-1).map((event) => event.body)).toEqual([{ kind: 'job_finished', state: 'cancelled', error: 'training was cancelled after epoch 3' }]);
    const job = await registry.jobs.get('job_cancel');
    expect(job).toMatchObject({ state: 'cancelled', error: 'training was cancelled after epoch 3' });
    expect(job.stages.train).toMatchObject({ state: 'cancelled', attempt: 1 });
    expect(order.filter((entry) => entry.startsWith('job_cancel:'))).toEqual(['job_cancel:preprocess', 'job_cancel:train']);
    // Nothing is left to cancel once the job has ended.
    await expect(registry.jobs.requestCancel('job_cancel', Date.now())).resolves.toBe(false);
  });

  it('ends a job cancelled before its first stage ran without running any stage', async () => {
    await registry.jobs.create('job_early', { datasetId: 'ds_1', targetColumn: 'species', modelName: 'm', createdAt: Date.now() });
    await registry.jobs.requestCancel('job_early', Date.now());
    await launcher.start(payloads('job_early'));
    const events = await finished('job_early');

    expect(events.map((event) => event.body.kind)).toEqual(['job_finished']);
    expect((await registry.jobs.get('job_early')).stages.preprocess.state).toBe('cancelled');
    expect(order.filter((entry) => entry.startsWith('job_early:'))).toEqual([]);
  });

  it('fails the job at once on a permanent error, without retrying or running later stages', async () => {
    trainFailures.job_bad = [new InvalidArgumentError('training.hidden_units', 'too many layers'), new Error('must not be retried')];
    await registry.jobs.create('job_bad', { datasetId: 'ds_1', targetColumn: 'species', modelName: 'm', createdAt: Date.now() });
    await launcher.start(payloads('job_bad'));
    const events = await finished('job_bad');

    expect(events.slice(-2).map((event) => event.body)).toEqual([
      { kind: 'stage_failed', error: 'invalid training.hidden_units: too many layers', willRetry: false },
      { kind: 'job_finished', state: 'failed', error: 'train failed: invalid training.hidden_units: too many layers' },
    ]);
    expect(order.filter((entry) => entry.startsWith('job_bad:'))).toEqual(['job_bad:preprocess', 'job_bad:train']);
    const job = await registry.jobs.get('job_bad');
    expect(job).toMatchObject({ state: 'failed', error: 'train failed: invalid training.hidden_units: too many layers' });
    expect(job.stages.evaluate.state).toBe('queued');
  });

  it('validates payloads before anything is queued', async () => {
    const bad = payloads('job_invalid');
    await expect(launcher.start({ ...bad, evaluate: { ...bad.evaluate, minAccuracy: 2 } })).rejects.toThrow(/minAccuracy/);
  });
});
