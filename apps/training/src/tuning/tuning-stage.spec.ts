import type { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSeededRandom, parseTransformPlan } from '@aiaas/data';
import { trainingSpecSchema, tuningSpecSchema, type TuningSpecInput } from '@aiaas/model-spec';
import { selectBackend, type ComputeBackend } from '@aiaas/models';
import { silentLogger } from '@aiaas/observability';
import { DEFAULT_TENANT, PipelineLauncher, StageWorker, TaskWorker, TenantSlots, type StageResult } from '@aiaas/queue';
import { createRedisConnection, createRegistry, type Registry, type StageName } from '@aiaas/registry';
import { FsArtifactStore } from '@aiaas/storage';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { storeProcessedData } from '../processed-data.test-helpers';
import { createTrainProcessor } from '../train-stage';
import { createTrialProcessor } from './trial-task';

jest.setTimeout(120_000);

/** Two noisy Gaussian blobs in 3 dimensions. */
function blobs(rows: number, seed: number) {
  const random = createSeededRandom(seed);
  return Array.from({ length: rows }, (_, row) => {
    const centre = row % 2 === 1 ? 0.7 : -0.7;
    return { a: centre + (random() - 0.5) * 3, b: centre + (random() - 0.5) * 3, c: (random() - 0.5) * 3, side: row % 2 === 1 ? 'right' : 'left' };
  });
}

describe('hyper-parameter search as child jobs on a real Redis', () => {
  const prefix = uniquePrefix('tuning');
  const connections: Redis[] = [];
  const workers: Array<{ close(): Promise<void> }> = [];
  let root: string;
  let registry: Registry;
  let launcher: PipelineLauncher;
  let backend: ComputeBackend;
  let processed: StageResult<'preprocess'>;
  let slots: TenantSlots;

  const connect = (role: 'command' | 'worker') => {
    const connection = createRedisConnection(testRedisUrl(), role);
    connections.push(connection);
    return connection;
  };

  beforeAll(async () => {
    backend = await selectBackend('wasm', silentLogger);
    root = mkdtempSync(join(tmpdir(), 'aiaas-tuning-'));
    const store = new FsArtifactStore(root);
    processed = await storeProcessedData(
      store,
      { columns: ['a', 'b', 'c'].map((column) => ({ column, type: 'numeric' })), target: { column: 'side', task: 'classification' } },
      { train: blobs(160, 1), validation: blobs(60, 2), test: blobs(40, 3) },
    );
    registry = createRegistry({ redis: connect('command'), prefix, openBlockingConnection: () => connect('worker') });
    launcher = new PipelineLauncher(connect('command'), prefix, { attempts: 1, backoffMs: 10 });
    // One trial of the tenant at a time, whichever replica runs it.
    slots = new TenantSlots(connect('command'), prefix, 'trials', 1, 5_000);
    const stage = <S extends StageName>(name: S, process: ConstructorParameters<typeof StageWorker<S>>[0]['process']) =>
      new StageWorker<S>({ stage: name, connection: connect('worker'), prefix, concurrency: 1, tracker: registry.tracker, logger: silentLogger, process });
    workers.push(
      stage('preprocess', async () => ({ result: processed, summary: 'stored by the test' })),
      stage('train', createTrainProcessor({ models: registry.models, store, backend })),
      stage('evaluate', async ({ previousResult }) => ({ result: { ...(await previousResult()), blessed: true, reason: 'not evaluated here' }, summary: 'skipped' })),
      stage('deploy', async ({ previousResult, payload }) => ({ result: { ...(await previousResult()), alias: payload.alias }, summary: 'skipped' })),
      // Two trial replicas, as two training services would have.
      ...[1, 2].map(
        () => new TaskWorker({ task: 'trainTrial', connection: connect('worker'), prefix, concurrency: 1, tracker: registry.tracker, logger: silentLogger, process: createTrialProcessor({ store, slots }) }),
      ),
    );
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await launcher.close();
    await deleteKeysWithPrefix(connections[0]!, prefix);
    for (const connection of connections) connection.disconnect();
    rmSync(root, { recursive: true, force: true });
  });

  async function search(jobId: string, tuning: TuningSpecInput) {
    await registry.jobs.create(jobId, { datasetId: processed.datasetId, targetColumn: 'side', modelName: jobId, createdAt: Date.now() });
    await launcher.start({
      preprocess: { jobId, datasetId: processed.datasetId, targetColumn: 'side', split: { strategy: 'ratio', testFraction: 0.2, validationFraction: 0.2, seed: 1 }, dropDuplicates: false, plan: parseTransformPlan({ columns: [{ column: 'a', type: 'numeric' }], target: { column: 'side', task: 'classification' } }) },
      train: { jobId, modelName: jobId, tenant: DEFAULT_TENANT, training: trainingSpecSchema.parse({ epochs: 4, batchSize: 32, seed: 5 }), tuning: tuningSpecSchema.parse(tuning) },
      evaluate: { jobId, minAccuracy: 0, sliceColumns: [], thresholds: [], maxRegression: [] },
      deploy: { jobId, alias: 'production' },
    });
    const events = [];
    let mostSlotsInUse = 0;
    const sampler = setInterval(() => void slots.inUse(DEFAULT_TENANT).then((inUse) => (mostSlotsInUse = Math.max(mostSlotsInUse, inUse))), 10);
    try {
      for await (const event of registry.events.follow(jobId, 0, AbortSignal.timeout(100_000), 200)) events.push(event);
    } finally {
      clearInterval(sampler);
    }
    return { events, job: await registry.jobs.get(jobId), mostSlotsInUse };
  }

  it('runs a grid in waves of bounded size, one trial of the tenant at a time, and registers the best trial with the leaderboard', async () => {
    const { job, events, mostSlotsInUse } = await search('job_grid', {
      strategy: 'grid',
      maxConcurrentTrials: 2,
      objective: 'val_loss',
      parameters: [
        { parameter: 'learning_rate', values: [0.0001, 0.05] },
        { parameter: 'hidden_units', values: [4, 16] },
      ],
    });
    expect(job.state).toBe('succeeded');
    const version = await registry.models.getVersion('job_grid', 1);
    expect(version.tuning?.trials).toHaveLength(4);
    const losses = version.tuning!.trials.map((trial) => trial.objective);
    expect(losses).toEqual([...losses].sort((a, b) => a - b));
    expect(version.tuning!.best).toBe(version.tuning!.trials[0]!.trial);
    // The tiny learning rate cannot win in 4 epochs.
    expect(version.tuning!.trials[0]!.parameters['learning_rate']).toBe(0.05);
    expect(version.fit.metrics['val_loss']).toBe(losses[0]);
    expect(version.training.learningRate).toBe(0.05);
    const waves = events.filter((event) => event.body.kind === 'stage_progress' && event.body.message.includes('for 4 epochs'));
    expect(waves).toHaveLength(2);
    // Two replicas and waves of two, but the tenant's limit is one trial at a time.
    expect(mostSlotsInUse).toBe(1);
  });

  it('halves the field rung by rung, continuing survivors from their checkpoints', async () => {
    const { job } = await search('job_halving', {
      strategy: 'successive-halving',
      trials: 6,
      minEpochs: 1,
      reductionFactor: 2,
      maxConcurrentTrials: 6,
      seed: 3,
      parameters: [{ parameter: 'learning_rate', range: { min: 0.0005, max: 0.1, log: true } }],
    });
    expect(job.state).toBe('succeeded');
    const version = await registry.models.getVersion('job_halving', 1);
    const trials = version.tuning!.trials;
    expect(trials).toHaveLength(6);
    // Rungs: 6 trials × 1 epoch, 3 × 2, 1 × 4.
    expect(trials.map((trial) => [trial.rung, trial.epochs])).toEqual([
      [2, 4],
      [1, 2],
      [1, 2],
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
    expect(version.fit.epochsRun).toBe(4);
    expect(version.fit.lossHistory).toHaveLength(4);
  });
});
