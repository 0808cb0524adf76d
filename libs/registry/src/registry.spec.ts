import { modelVersionFixture } from './model-version-fixture';
import type { Redis } from 'ioredis';
import { FailedPreconditionError, NotFoundError } from '@aiaas/errors';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import type { ModelVersionRecord } from './records';
import { createRedisConnection } from './redis-connection';
import { createRegistry, type Registry } from './registry';

const ref = (digit: string) => `sha256:${digit.repeat(64)}` as const;

function versionRecord(version: number, jobId: string): ModelVersionRecord {
  return modelVersionFixture({ version, jobId });
}

const metrics = { accuracy: 0.9, macroF1: 0.88, testRows: 10, perClass: [], confusionMatrix: [] };

describe('registry on a real Redis', () => {
  const prefix = uniquePrefix('registry');
  const blocking: Redis[] = [];
  let redis: Redis;
  let registry: Registry;

  beforeAll(() => {
    redis = createRedisConnection(testRedisUrl(), 'command');
    registry = createRegistry({
      redis,
      prefix,
      openBlockingConnection: () => {
        const connection = createRedisConnection(testRedisUrl(), 'worker');
        blocking.push(connection);
        return connection;
      },
    });
  });

  afterAll(async () => {
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
    for (const connection of blocking) connection.disconnect();
  });

  describe('ModelRegistry', () => {
    it('reserves one version per job, stable across retries, and increasing across jobs', async () => {
      const first = await registry.models.reserveVersion('penguins', 'job_a');
      const again = await registry.models.reserveVersion('penguins', 'job_a');
      const second = await registry.models.reserveVersion('penguins', 'job_b');
      expect(again).toBe(first);
      expect(second).toBe(first + 1);
    });

    it('resolves versions by number and by alias, once blessed', async () => {
      await registry.models.registerVersion(versionRecord(1, 'job_a'));
      await expect(registry.models.setAlias('penguins', 'production', 1)).rejects.toBeInstanceOf(FailedPreconditionError);

      await registry.models.recordEvaluation('penguins', 1, { status: 'blessed', reason: 'accuracy 0.9 >= 0.5', metrics, evaluatedAt: 2_000 });
      await registry.models.setAlias('penguins', 'production', 1);

      await expect(registry.models.resolve('penguins', { alias: 'production' })).resolves.toMatchObject({ version: 1, jobId: 'job_a' });
      const model = await registry.models.getModel('penguins');
      expect(model.aliases).toEqual({ production: 1 });
      expect(model.versions[0]).toMatchObject({ aliases: ['production'], evaluation: { status: 'blessed' } });
    });

    it('keeps a version policy, refusing versions that are not registered, and announces it and every new version', async () => {
      const subscriber = createRedisConnection(testRedisUrl(), 'worker');
      blocking.push(subscriber);
      const announced: string[] = [];
      await subscriber.subscribe(registry.models.versionPolicyEventsChannel);
      subscriber.on('message', (_channel: string, message: string) => announced.push(message));
      await expect(registry.models.versionPolicy('penguins')).resolves.toEqual({ kind: 'all' });
      await registry.models.registerVersion(versionRecord(2, 'job_b'));
      await expect(registry.models.setVersionPolicy('penguins', { kind: 'specific', versions: [1, 7] })).rejects.toThrow('model version "penguins@7" not found; the policy may only name registered versions (1, 2)');
      await registry.models.setVersionPolicy('penguins', { kind: 'latest', count: 1 });
      await expect(registry.models.getModel('penguins')).resolves.toMatchObject({ versionPolicy: { kind: 'latest', count: 1 } });
      await expect(registry.models.versionNumbers('penguins')).resolves.toEqual([1, 2]);
      await registry.models.setVersionPolicy('penguins', { kind: 'all' });
      await expect(registry.models.versionPolicy('penguins')).resolves.toEqual({ kind: 'all' });
      const deadline = Date.now() + 5_000;
      while (announced.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(announced).toEqual(Array(3).fill(JSON.stringify({ modelName: 'penguins' })));
    });

    it('rolls an alias back through the versions it pointed at, one move at a time', async () => {
      for (const version of [11, 12, 13]) {
        await registry.models.registerVersion(modelVersionFixture({ modelName: 'rolling', version, jobId: `job_${version}` }));
        await registry.models.recordEvaluation('rolling', version, { status: 'blessed', reason: 'ok', metrics, evaluatedAt: 1 });
      }
      for (const version of [11, 12, 12, 13]) await registry.models.setAlias('rolling', 'production', version);
      await expect(registry.models.rollbackAlias('rolling', 'production')).resolves.toBe(12);
      await expect(registry.models.rollbackAlias('rolling', 'production')).resolves.toBe(11);
      await expect(registry.models.aliasVersion('rolling', 'production')).resolves.toBe(11);
      await expect(registry.models.rollbackAlias('rolling', 'production')).rejects.toThrow('alias "production" of model "rolling" has no earlier version to go back to');
      await expect(registry.models.rollbackAlias('rolling', 'staging')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('says which part of a reference is unknown', async () => {
      await expect(registry.models.resolve('nope', { version: 1 })).rejects.toThrow('model "nope" not found');
      await expect(registry.models.resolve('penguins', { version: 99 })).rejects.toThrow('model version "penguins@99" not found');
      await expect(registry.models.resolve('penguins', { alias: 'canary' })).rejects.toThrow('alias "penguins@canary" not found');
    });
  });

  describe('DatasetCatalog', () => {
    it('stores a dataset once and reports unknown ids as NotFoundError', async () => {
      const record = {
        id: 'ds_x',
        name: 'x',
        sha256: 'f'.repeat(64),
        sizeBytes: 10,
        rowCount: 2,
        format: { kind: 'csv' as const, delimiter: ',', hasHeader: true },
        columns: [{ name: 'a', type: 'numeric' as const, inferred: true, missingCount: 0, distinctCount: 2, distinctCountCapped: false }],
        schema: [],
        anomalyPolicy: 'reject' as const,
        rowsWithAnomalies: 0,
        shards: [{ byteStart: 0, byteEnd: 10, firstRow: 1, firstLine: 1, rowCount: 2 }],
        raw: ref('5'),
        profile: ref('6'),
        createdAt: 1,
      };
      await registry.datasets.register(record);
      await expect(registry.datasets.get('ds_x')).resolves.toEqual(record);
      await expect(registry.datasets.register(record)).rejects.toThrow('already exists');
      await expect(registry.datasets.get('ds_missing')).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('jobs and their events', () => {
    it('tracks stages in the job record and in an ordered, replayable event log', async () => {
      await registry.jobs.create('job_1', { datasetId: 'ds_1', targetColumn: 'species', modelName: 'penguins', createdAt: 10 });
      const { tracker } = registry;
      await tracker.stageStarted('job_1', 'preprocess', 1);
      await tracker.stageCompleted('job_1', 'preprocess', 1, 10, '300 train rows');
      await tracker.stageStarted('job_1', 'train', 1);
      await tracker.epochEnded('job_1', 1, 2, { loss: 0.7 });
      await tracker.modelVersionReserved('job_1', 3);
      await tracker.stageFailed('job_1', 'train', 1, 11, 'out of memory', false);

      const job = await registry.jobs.get('job_1');
      expect(job).toMatchObject({ state: 'failed', modelVersion: 3, error: 'train failed: out of memory' });
      expect(job.stages.preprocess.state).toBe('succeeded');
      expect(job.stages.train).toMatchObject({ state: 'failed', error: 'out of memory' });
      expect(job.stages.deploy.state).toBe('queued');

      const events = await registry.events.read('job_1');
      expect(events.map((event) => event.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(events.map((event) => event.body.kind)).toEqual([
        'stage_started',
        'stage_completed',
        'stage_started',
        'epoch_ended',
        'stage_failed',
        'job_finished',
      ]);
      expect(events[5]!.body).toEqual({ kind: 'job_finished', state: 'failed', error: 'train failed: out of memory', modelVersion: 3 });
      await expect(registry.events.read('job_1', 4)).resolves.toHaveLength(2);
    });

    it('follows a live job until it finishes, resuming after a given sequence', async () => {
      await registry.jobs.create('job_2', { datasetId: 'ds_1', targetColumn: 'species', modelName: 'penguins', createdAt: 10 });
      await registry.tracker.stageStarted('job_2', 'preprocess', 1);

      const seen: string[] = [];
      const following = (async () => {
        for await (const event of registry.events.follow('job_2', 0, new AbortController().signal, 200)) {
          seen.push(`${event.sequence}:${event.body.kind}`);
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await registry.tracker.stageCompleted('job_2', 'preprocess', 1, 10, 'done');
      await registry.tracker.jobSucceeded('job_2');
      await following;
      expect(seen).toEqual(['1:stage_started', '2:stage_completed', '3:job_finished']);

      const resumed: number[] = [];
      for await (const event of registry.events.follow('job_2', 2, new AbortController().signal)) resumed.push(event.sequence);
      expect(resumed).toEqual([3]);
    });

    it('stops following when the watcher goes away', async () => {
      await registry.jobs.create('job_3', { datasetId: 'ds_1', targetColumn: 'species', modelName: 'penguins', createdAt: 10 });
      const controller = new AbortController();
      const following = (async () => {
        const seen: number[] = [];
        for await (const event of registry.events.follow('job_3', 0, controller.signal, 10_000)) seen.push(event.sequence);
        return seen;
      })();
      await new Promise((resolve) => setTimeout(resolve, 100));
      controller.abort();
      await expect(following).resolves.toEqual([]);
    });

    it('answers a new job exactly as it stored it', async () => {
      const created = await registry.jobs.create('job_4', { datasetId: 'ds_1', targetColumn: 'species', modelName: 'penguins', createdAt: 10 });
      await expect(registry.jobs.get('job_4')).resolves.toEqual(created);
    });

    it('ends a job that failed outside any stage with a job_finished event', async () => {
      await registry.jobs.create('job_5', { datasetId: 'ds_1', targetColumn: 'species', modelName: 'penguins', createdAt: 10 });
      await registry.tracker.jobFailed('job_5', 'could not queue the pipeline');
      await expect(registry.jobs.get('job_5')).resolves.toMatchObject({ state: 'failed', error: 'could not queue the pipeline' });
      const events = await registry.events.read('job_5');
      expect(events.map((event) => event.body)).toEqual([{ kind: 'job_finished', state: 'failed', error: 'could not queue the pipeline' }]);
    });

    it('refuses to create a job twice', async () => {
      await expect(
        registry.jobs.create('job_1', { datasetId: 'ds_1', targetColumn: 'species', modelName: 'penguins', createdAt: 10 }),
      ).rejects.toThrow('already exists');
    });
  });

  describe('Tenancy', () => {
    it('gives a resource to the first tenant that claims it, lists it for that tenant only, and answers whether the caller owns it', async () => {
      const claims = await Promise.all(['acme', 'globex', 'acme', 'globex'].map((tenant, index) => registry.tenancy.claim('model', 'contested', tenant, 100 + index)));
      const owner = claims[0] ? 'acme' : 'globex';
      const other = owner === 'acme' ? 'globex' : 'acme';
      expect(claims).toEqual(owner === 'acme' ? [true, false, true, false] : [false, true, false, true]);
      await expect(registry.tenancy.ownerOf('model', 'contested')).resolves.toBe(owner);
      await expect(registry.tenancy.list('model', owner, 0, 10)).resolves.toEqual(['contested']);
      await expect(registry.tenancy.list('model', other, 0, 10)).resolves.toEqual([]);
      await expect(registry.tenancy.claim('model', 'contested', owner)).resolves.toBe(true);
      await expect(registry.tenancy.list('model', owner, 0, 10)).resolves.toEqual(['contested']);
    });
  });
});
