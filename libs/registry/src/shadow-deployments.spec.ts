import type { Redis } from 'ioredis';
import { FailedPreconditionError, InvalidArgumentError, NotFoundError } from '@aiaas/errors';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { modelVersionFixture } from './model-version-fixture';
import { createRedisConnection } from './redis-connection';
import { RegistryKeys } from './registry-keys';
import { createRegistry, type Registry } from './registry';
import type { ShadowSpec } from './shadow-deployments';

const metrics = { accuracy: 0.9, macroF1: 0.88, testRows: 10, perClass: [], confusionMatrix: [] };
const spec = (overrides: Partial<ShadowSpec> = {}): ShadowSpec => ({
  candidateVersion: 2,
  alias: 'production',
  samplePercent: 50,
  minRequests: 2,
  tolerance: { minAgreement: 0.9 },
  ...overrides,
});

describe('ShadowDeployments on a real Redis', () => {
  const prefix = uniquePrefix('shadows');
  let redis: Redis;
  let reader: Redis;
  let registry: Registry;

  beforeAll(async () => {
    redis = createRedisConnection(testRedisUrl(), 'command');
    reader = createRedisConnection(testRedisUrl(), 'worker');
    registry = createRegistry({ redis, prefix, openBlockingConnection: () => reader });
    for (const version of [1, 2, 3]) {
      await registry.models.registerVersion(modelVersionFixture({ modelName: 'iris', version, jobId: `job_${version}` }));
      if (version < 3) await registry.models.recordEvaluation('iris', version, { status: 'blessed', reason: 'ok', metrics, evaluatedAt: 1 });
    }
    await registry.models.setAlias('iris', 'production', 1);
  });

  afterAll(async () => {
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
    reader.disconnect();
  });

  it('refuses a candidate that is not blessed, already serves the alias, or is judged by a tolerance its task lacks', async () => {
    await expect(registry.shadows.start('iris', spec({ candidateVersion: 3 }))).rejects.toBeInstanceOf(FailedPreconditionError);
    await expect(registry.shadows.start('iris', spec({ candidateVersion: 1 }))).rejects.toThrow('already serves "production"');
    await expect(registry.shadows.start('iris', spec({ alias: 'staging' }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(registry.shadows.start('iris', spec({ tolerance: {} }))).rejects.toThrow('state at least one tolerance');
    await registry.models.registerVersion(modelVersionFixture({ modelName: 'prices', version: 1, labels: 'value', head: 'linear', task: 'regression' }));
    await registry.models.registerVersion(modelVersionFixture({ modelName: 'prices', version: 2, jobId: 'job_2', labels: 'value', head: 'linear', task: 'regression' }));
    for (const version of [1, 2]) await registry.models.recordEvaluation('prices', version, { status: 'blessed', reason: 'ok', metrics, evaluatedAt: 1 });
    await registry.models.setAlias('prices', 'production', 1);
    await expect(registry.shadows.start('prices', spec())).rejects.toThrow(InvalidArgumentError);
    await expect(registry.shadows.record('iris')).resolves.toBeUndefined();
  });

  it('hands each mirrored request to one consumer, tallies comparisons, and promotes once, moving the alias and announcing it', async () => {
    const subscriber = createRedisConnection(testRedisUrl(), 'worker');
    const announced: string[] = [];
    await subscriber.subscribe(registry.models.aliasEventsChannel, registry.shadows.eventsChannel);
    subscriber.on('message', (_channel: string, message: string) => announced.push(message));

    const started = await registry.shadows.start('iris', spec());
    expect(started).toMatchObject({ state: 'shadowing', baselineVersion: 1, candidateVersion: 2 });
    await expect(registry.shadows.shadowingModels()).resolves.toEqual(['iris']);
    for (const body of ['first', 'second', 'third']) await registry.shadows.mirror('iris', started.id, 1, Buffer.from(body));

    const first = await registry.shadows.readMirrored(reader, 'replica-a', ['iris'], 2, 100);
    const second = await registry.shadows.readMirrored(reader, 'replica-b', ['iris'], 10, 100);
    expect(first.map((entry) => entry.body.toString())).toEqual(['first', 'second']);
    expect(second.map((entry) => entry.body.toString())).toEqual(['third']);
    expect(first[0]).toMatchObject({ modelName: 'iris', shadowId: started.id, baselineVersion: 1 });

    const compared = { outcome: 'compared', rows: 4, agreementRows: 4, differenceCount: 12, differenceSum: 0.6 } as const;
    await registry.shadows.addComparison(first[0]!, { ...compared, agreeingRows: 4, baselineMs: 1, candidateMs: 2 });
    await registry.shadows.addComparison(first[1]!, { ...compared, agreeingRows: 3, baselineMs: 3, candidateMs: 4 });
    await expect(registry.shadows.addComparison(second[0]!, { outcome: 'failed', error: 'records.records[0]: bad' })).resolves.toBe(3);
    // A replica that took an entry over after a long wait, and one that finished it late: counted once.
    await expect(registry.shadows.addComparison(first[1]!, { ...compared, agreeingRows: 3, baselineMs: 3, candidateMs: 4 })).resolves.toBeUndefined();
    const tally = await registry.shadows.tally('iris');
    expect(tally).toMatchObject({ requests: 2, rows: 8, failedRequests: 1, lastFailure: 'records.records[0]: bad', skippedRequests: 0, agreement: 7 / 8 });
    expect(tally.meanAbsDifference).toBeCloseTo(1.2 / 24, 12);
    expect(tally.baselineLatencyMs).toEqual({ p50: 1, p99: 3 });
    expect(tally.candidateLatencyMs).toEqual({ p50: 2, p99: 4 });

    await expect(registry.shadows.conclude('iris', started, { state: 'promoted', reason: 'within tolerance' })).resolves.toBe(true);
    await expect(registry.shadows.conclude('iris', started, { state: 'held', reason: 'too late' })).resolves.toBe(false);
    await expect(registry.models.aliasVersion('iris', 'production')).resolves.toBe(2);
    // The promotion is remembered like any alias move: a rollback undoes it.
    await expect(redis.lrange(new RegistryKeys(prefix).modelAliasHistory('iris', 'production'), 0, -1)).resolves.toEqual(['1']);
    await expect(registry.shadows.record('iris')).resolves.toMatchObject({ state: 'promoted', reason: 'within tolerance' });
    await expect(registry.shadows.shadowingModels()).resolves.toEqual([]);
    await expect(registry.shadows.stop('iris')).rejects.toBeInstanceOf(NotFoundError);

    const deadline = Date.now() + 5_000;
    while (announced.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    subscriber.disconnect();
    expect(announced.map((message) => JSON.parse(message))).toEqual([{ modelName: 'iris' }, { modelName: 'iris', alias: 'production', version: 2 }, { modelName: 'iris' }]);
  });

  it('starts afresh: a new shadow clears the last one’s tally, and stopping leaves the alias where it was', async () => {
    const started = await registry.shadows.start('iris', spec({ candidateVersion: 1 }));
    await expect(registry.shadows.tally('iris')).resolves.toMatchObject({ requests: 0, failedRequests: 0, agreement: undefined, baselineLatencyMs: undefined });
    await expect(registry.shadows.stop('iris')).resolves.toMatchObject({ id: started.id, state: 'stopped', reason: 'stopped by request' });
    await expect(registry.models.aliasVersion('iris', 'production')).resolves.toBe(2);
    await expect(registry.shadows.conclude('iris', started, { state: 'promoted', reason: 'late' })).resolves.toBe(false);
    await expect(registry.models.aliasVersion('iris', 'production')).resolves.toBe(2);
  });

  it('hands what a vanished consumer read but never acknowledged to another, once it has waited long enough', async () => {
    const started = await registry.shadows.start('iris', spec({ candidateVersion: 1 }));
    for (const body of ['kept', 'lost']) await registry.shadows.mirror('iris', started.id, 2, Buffer.from(body));
    const read = await registry.shadows.readMirrored(reader, 'replica-gone', ['iris'], 10, 100);
    expect(read.map((entry) => entry.body.toString())).toEqual(['kept', 'lost']);
    await registry.shadows.discard(read[0]!);

    await expect(registry.shadows.claimAbandoned('replica-live', ['iris'], 60_000, 10)).resolves.toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const claimed = await registry.shadows.claimAbandoned('replica-live', ['iris'], 20, 10);
    expect(claimed).toEqual([{ ...read[1], body: Buffer.from('lost') }]);
    await registry.shadows.discard(claimed[0]!);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await expect(registry.shadows.claimAbandoned('replica-live', ['iris'], 20, 10)).resolves.toEqual([]);

    // An entry trimmed from the stream while pending is not handed out.
    await registry.shadows.mirror('iris', started.id, 2, Buffer.from('trimmed'));
    const [trimmed] = await registry.shadows.readMirrored(reader, 'replica-gone', ['iris'], 10, 100);
    await redis.xdel(new RegistryKeys(prefix).modelShadowRequests('iris'), trimmed!.entryId);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await expect(registry.shadows.claimAbandoned('replica-live', ['iris'], 20, 10)).resolves.toEqual([]);
    await registry.shadows.stop('iris');
  });
});
