import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { defaultColumnPlan, fittedTransformSchema, loadSplit, loadSplitsManifest, parseNumber, type TransformPlan } from '@aiaas/data';
import { penguinRecords, penguinsCsv } from '@aiaas/datasets';
import { silentLogger } from '@aiaas/observability';
import { JOB_NAMES, QUEUE_NAMES, StageWorker, TaskWorker, type StagePayload, type StageResult } from '@aiaas/queue';
import { createRedisConnection, createRegistry, type DatasetRecord, type JobEventRecord, type Registry } from '@aiaas/registry';
import { FsArtifactStore, getJson } from '@aiaas/storage';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import type { Redis } from 'ioredis';
import { DatasetIngestor } from '../ingest/dataset-ingestor';
import { createPreprocessProcessor, runShardPhase } from './preprocess-stage';
import { preprocessWorkSchema } from './preprocess-work';

describe('a sharded preprocessing run on a real Redis', () => {
  const prefix = uniquePrefix('shards');
  const connections: Redis[] = [];
  const taskWorkers: Array<TaskWorker<'preprocessShard'>> = [];
  const tasksRun = [0, 0];
  let registry: Registry;
  let stageWorker: StageWorker<'preprocess'>;
  let queue: Queue;
  let root: string;
  let store: FsArtifactStore;
  let dataset: DatasetRecord;

  const connect = (role: 'command' | 'worker') => {
    const connection = createRedisConnection(testRedisUrl(), role);
    connections.push(connection);
    return connection;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'aiaas-shards-'));
    store = new FsArtifactStore(root);
    registry = createRegistry({ redis: connect('command'), prefix, openBlockingConnection: () => connect('worker') });
    stageWorker = new StageWorker({
      stage: 'preprocess',
      connection: connect('worker'),
      prefix,
      concurrency: 1,
      tracker: registry.tracker,
      logger: silentLogger,
      process: createPreprocessProcessor({ datasets: registry.datasets, store, maxRecordBytes: 1 << 20 }),
    });
    // Two replicas share the shard tasks.
    for (const replica of [0, 1]) {
      taskWorkers.push(
        new TaskWorker({
          task: 'preprocessShard',
          connection: connect('worker'),
          prefix,
          concurrency: 1,
          tracker: registry.tracker,
          logger: silentLogger,
          process: async ({ payload }) => {
            tasksRun[replica]! += 1;
            const work = await getJson(store, payload.work, (value) => preprocessWorkSchema.parse(value));
            return { shardIndex: payload.shardIndex, phase: payload.phase, output: await runShardPhase(store, work, payload.shardIndex, payload.phase) };
          },
        }),
      );
    }
    await Promise.all([stageWorker.waitUntilReady(), ...taskWorkers.map((worker) => worker.waitUntilReady())]);
    queue = new Queue(QUEUE_NAMES.preprocess, { connection: connect('command'), prefix });
    const ingestor = new DatasetIngestor({ store, datasets: registry.datasets, limits: { maxRecordBytes: 1 << 20, shardBytes: 3_000 }, importDir: root });
    async function* upload() {
      yield { part: 'header' as const, header: { name: 'penguins', delimiter: '', declared_types: {}, format: 'DATA_FORMAT_CSV' as const, column_names: [], schema: [], anomaly_policy: 'ANOMALY_POLICY_UNSPECIFIED' as const } };
      yield { part: 'chunk' as const, chunk: Buffer.from(penguinsCsv()) };
    }
    dataset = await ingestor.ingestUpload(upload());
  });

  afterAll(async () => {
    await Promise.all([stageWorker.close(), ...taskWorkers.map((worker) => worker.close()), queue.close()]);
    await deleteKeysWithPrefix(connections[0]!, prefix);
    for (const connection of connections) connection.disconnect();
    rmSync(root, { recursive: true, force: true });
  });

  function payload(jobId: string): StagePayload<'preprocess'> {
    const plan: TransformPlan = {
      columns: dataset.columns.filter((column) => column.name !== 'species').map((column) => defaultColumnPlan(column.name, column.type)),
      target: { column: 'species', task: 'classification', maxClasses: 100 },
      stopWords: [],
    };
    return { jobId, datasetId: dataset.id, targetColumn: 'species', split: { strategy: 'ratio', testFraction: 0.2, validationFraction: 0.1, seed: 7 }, dropDuplicates: false, plan };
  }

  async function run(jobId: string): Promise<{ events: JobEventRecord[]; result: StageResult<'preprocess'> | undefined }> {
    await registry.jobs.create(jobId, { datasetId: dataset.id, targetColumn: 'species', modelName: 'm', createdAt: Date.now() });
    const job = await queue.add(JOB_NAMES.preprocess, payload(jobId), { jobId: `${jobId}-preprocess`, attempts: 2, backoff: { type: 'fixed', delay: 10 } });
    const events: JobEventRecord[] = [];
    for await (const event of registry.events.follow(jobId, 0, AbortSignal.timeout(30_000), 200)) events.push(event);
    // The job's events end a moment before BullMQ records its return value.
    for (let wait = 0; wait < 100; wait++) {
      const state = await queue.getJobState(job.id!);
      if (state === 'completed') return { events, result: (await queue.getJob(job.id!))!.returnvalue as StageResult<'preprocess'> };
      if (state === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { events, result: undefined };
  }

  it('fans every pass out as shard tasks that any replica runs, and merges them into one transform', async () => {
    expect(dataset.shards.length).toBeGreaterThanOrEqual(4);
    const { events, result } = await run('job_sharded');
    expect(events.at(-1)!.body).toMatchObject({ kind: 'job_finished', state: 'succeeded' });
    expect(events.filter((event) => event.body.kind === 'stage_started')).toHaveLength(1);
    expect(tasksRun[0]! + tasksRun[1]!).toBe(3 * dataset.shards.length);
    expect(tasksRun.every((count) => count > 0)).toBe(true);

    expect(result!.trainRows + result!.validationRows + result!.testRows).toBe(344);
    const manifest = await loadSplitsManifest(store, result!.splits);
    expect(manifest.train.parts).toHaveLength(dataset.shards.length);
    const train = await loadSplit(store, manifest, 'train');
    const validation = await loadSplit(store, manifest, 'validation');
    const test = await loadSplit(store, manifest, 'test');
    expect(new Set([...train.rowNumbers, ...validation.rowNumbers, ...test.rowNumbers]).size).toBe(344);

    // The merged standardisation is exactly that of the training rows, whichever shard they were in.
    const transform = await getJson(store, result!.transform, (value) => fittedTransformSchema.parse(value));
    const flipper = transform.columns.find((column) => column.column === 'flipper_length_mm');
    const penguins = penguinRecords();
    const values = [...train.rowNumbers].map((row) => parseNumber(String(penguins[row - 1]!.flipper_length_mm ?? 'NaN'))).filter((value): value is number => value !== undefined);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(flipper).toMatchObject({ type: 'numeric', encoding: 'standardize' });
    expect((flipper as { mean: number }).mean).toBeCloseTo(mean, 9);
  });

  it('fails the job once, visibly, when a shard task fails for good', async () => {
    const hex = dataset.raw.slice('sha256:'.length);
    unlinkSync(join(root, 'sha256', hex.slice(0, 2), hex.slice(2)));
    const { events } = await run('job_broken');
    const failures = events.filter((event) => event.body.kind === 'stage_failed');
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures.every((event) => event.body.kind === 'stage_failed' && !event.body.willRetry)).toBe(true);
    expect(events.at(-1)!.body).toMatchObject({ kind: 'job_finished', state: 'failed' });
    expect((await registry.jobs.get('job_broken')).error).toMatch(/preprocess failed: .*not found/);
  });
});
