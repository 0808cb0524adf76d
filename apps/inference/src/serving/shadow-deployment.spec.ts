import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { selectBackend } from '@aiaas/models';
import { silentLogger } from '@aiaas/observability';
import type { PredictRequest__Output, Tensor__Output } from '@aiaas/proto';
import { connectRegistry, RegistryKeys, type MirroredEntry, type RegistryConnections, type ShadowRecord, type ShadowSpec } from '@aiaas/registry';
import { FsArtifactStore } from '@aiaas/storage';
import { encodeTensor } from '@aiaas/tensor';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { ModelRepository } from '../model-repository';
import { Predictor } from '../predictor';
import { fitTransform, setWeights, TestModels, toRecord } from '../registered-models.test-helpers';
import { followRegistryEvents } from './registry-events';
import { ShadowComparer } from './shadow-comparer';
import { ShadowMirror } from './shadow-mirror';

jest.setTimeout(60_000);

const metrics = { accuracy: 1, macroF1: 1, testRows: 1, perClass: [], confusionMatrix: [] };

describe('shadow deployments: mirror, compare, then promote or hold', () => {
  const prefix = uniquePrefix('shadow');
  const keys = new RegistryKeys(prefix);
  let root: string;
  let store: FsArtifactStore;
  let connections: RegistryConnections;
  let subscriber: Redis;
  let repository: ModelRepository;
  let predictor: Predictor;
  let comparer: ShadowComparer;
  let testModels: TestModels;

  /** Registers the next version of "sign", P(pos) = sigmoid(slope·x), blessed (without an alias). */
  async function signVersion(slope: number): Promise<number> {
    const transform = fitTransform({ columns: [{ column: 'x', type: 'numeric' }], target: { column: 'y', task: 'classification' } }, [
      { x: -2, y: 'neg' },
      { x: 2, y: 'pos' },
    ]);
    const version = await testModels.register({
      modelName: 'sign',
      spec: { model: { family: 'mlp', hiddenLayers: [] }, seed: 1 },
      transform,
      task: 'classification',
      classLabels: ['neg', 'pos'],
      prepare: setWeights({ head: () => [tf.tensor2d([[slope]]), tf.zeros([1])] }),
      record: { jobId: `job_${slope}_${Date.now()}` },
    });
    await connections.registry.models.recordEvaluation('sign', version, { status: 'blessed', reason: 'ok', metrics, evaluatedAt: 1 });
    return version;
  }

  const byRecords = (x: number, selector: Partial<PredictRequest__Output> = {}) =>
    ({ model_name: 'sign', input: 'records', records: { records: [toRecord({ x }), toRecord({ x: -x })] }, ...selector }) as PredictRequest__Output;
  const byFeatures = (x: number): PredictRequest__Output => {
    const features = { ...encodeTensor(Float32Array.from([x, x / 2, -x]), [3, 1]), float_values: [], int_values: [] } as Tensor__Output;
    return { model_name: 'sign', input: 'features', features } as PredictRequest__Output;
  };

  /** Serves default-route requests (records and features in turn) until the shadow deployment ends; answers how it ended. */
  async function serveUntilConcluded(): Promise<ShadowRecord> {
    const deadline = Date.now() + 30_000;
    for (let turn = 0; Date.now() < deadline; turn++) {
      await predictor.predict(turn % 2 === 0 ? byRecords(0.5 + turn) : byFeatures(0.25 + turn));
      const shadow = await connections.registry.shadows.record('sign');
      if (shadow?.state !== 'shadowing') return shadow!;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the shadow deployment did not conclude in 30 s');
  }

  const start = (candidateVersion: number, overrides: Partial<ShadowSpec> = {}) =>
    connections.registry.shadows.start('sign', { candidateVersion, alias: 'production', samplePercent: 100, minRequests: 6, tolerance: { minAgreement: 1 }, ...overrides });

  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
    connections = connectRegistry({ redisUrl: testRedisUrl(), prefix });
    root = mkdtempSync(join(tmpdir(), 'aiaas-shadow-'));
    store = new FsArtifactStore(root);
    testModels = await TestModels.create(connections.registry.models, store);
    repository = new ModelRepository(connections.registry.models, store, silentLogger, { batching: { maxBatchRows: 64, maxQueueDelayMs: 1, maxQueuedRows: 1_000 } });
    const mirror = new ShadowMirror({ shadows: connections.registry.shadows, refreshMs: 50, logger: silentLogger });
    predictor = new Predictor(repository, 100, mirror);
    subscriber = connections.redis.duplicate();
    await followRegistryEvents(subscriber, connections.registry, { repository, mirror, logger: silentLogger });
    comparer = new ShadowComparer({
      shadows: connections.registry.shadows,
      repository,
      connection: connections.openWorkerConnection(),
      consumer: 'test-replica',
      maxRows: 100,
      logger: silentLogger,
      idleMs: 50,
    });
    comparer.start();
    await signVersion(10);
    await connections.registry.models.setAlias('sign', 'production', 1);
  });

  afterAll(async () => {
    await comparer.close();
    subscriber.disconnect();
    await repository.unloadAll();
    await deleteKeysWithPrefix(connections.redis, prefix);
    await connections.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('copies only the alias’s requests, compares records and tensors, and promotes a candidate within tolerance', async () => {
    const twin = await signVersion(10);
    await start(twin, { tolerance: { minAgreement: 1, maxMeanAbsDifference: 1e-6, maxLatencyRatio: 100 } });
    // Requests that name a version, or another alias, are not the production alias's: never mirrored.
    await connections.registry.models.setAlias('sign', 'staging', 1);
    for (let request = 0; request < 5; request++) {
      await predictor.predict(byRecords(1, { version_selector: 'version', version: 1 }));
      await predictor.predict(byRecords(1, { version_selector: 'alias', alias: 'staging' }));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(connections.redis.xlen(keys.modelShadowRequests('sign'))).resolves.toBe(0);

    const ended = await serveUntilConcluded();
    expect(ended).toMatchObject({ state: 'promoted', baselineVersion: 1, candidateVersion: twin });
    expect(ended.reason).toMatch(/^answered all 6 mirrored requests; agreement 1 >= 1; mean \|difference\| 0 <= 0\.000001; p50 latency ratio [\d.]+ <= 100$/);
    const tally = await connections.registry.shadows.tally('sign');
    // Three records requests of two rows and three features requests of three rows.
    expect(tally).toMatchObject({ requests: 6, rows: 15, failedRequests: 0, skippedRequests: 0, agreement: 1, meanAbsDifference: 0 });
    expect(tally.candidateLatencyMs!.p50).toBeGreaterThan(0);
    await expect(connections.registry.models.aliasVersion('sign', 'production')).resolves.toBe(twin);

    // Every replica follows the alias event: the default route answers with the candidate once it is warm.
    const deadline = Date.now() + 10_000;
    while (Number((await predictor.predict(byRecords(1))).version) !== twin) {
      if (Date.now() > deadline) throw new Error('the default route never moved to the promoted version');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  it('holds back a candidate whose answers disagree, leaving the alias where it was', async () => {
    const production = await connections.registry.models.aliasVersion('sign', 'production');
    const contrary = await signVersion(-10);
    await start(contrary, { minRequests: 4, tolerance: { minAgreement: 0.9 } });
    const ended = await serveUntilConcluded();
    expect(ended.state).toBe('held');
    expect(ended.reason).toBe('answered all 4 mirrored requests; agreement 0 < 0.9');
    await expect(connections.registry.models.aliasVersion('sign', 'production')).resolves.toBe(production);
  });

  it('holds back a candidate that cannot load, and the alias keeps serving', async () => {
    const production = await connections.registry.models.aliasVersion('sign', 'production');
    const broken = await signVersion(10);
    const record = await connections.registry.models.getVersion('sign', broken);
    await connections.registry.models.registerVersion({ ...record, artifacts: { ...record.artifacts, weights: (await store.put('bad')).ref } });
    await start(broken, { minRequests: 2 });
    const ended = await serveUntilConcluded();
    expect(ended.state).toBe('held');
    expect(ended.reason).toMatch(new RegExp(`^failed 2 of 2 mirrored requests \\(last: version ${broken} could not be used: .+\\); agreement not measured \\(needs >= 1\\)$`));
    expect(Number((await predictor.predict(byRecords(1))).version)).toBe(production);
  });

  it('compares the mirrored requests a vanished replica read and never acknowledged, once they have waited long enough', async () => {
    // This replica stops comparing; "replica-gone" reads the mirrored requests, then vanishes.
    await comparer.close();
    const twin = await signVersion(10);
    const started = await start(twin, { minRequests: 3, tolerance: { minAgreement: 1 } });
    // The mirror takes the new deployment up within its refresh: serve until three copies were
    // read, then let "replica-gone" read every copy, so the new replica has none to read afresh.
    const reading = Date.now() + 10_000;
    const gone = connections.openWorkerConnection();
    let read: MirroredEntry[] = [];
    for (let request = 0; read.length < 3 && Date.now() < reading; request++) {
      await predictor.predict(byRecords(1 + request));
      read = read.concat(await connections.registry.shadows.readMirrored(gone, 'replica-gone', ['sign'], 3 - read.length, 20));
    }
    for (let more = read; more.length > 0; ) read = read.concat((more = await connections.registry.shadows.readMirrored(gone, 'replica-gone', ['sign'], 10, 100)));
    gone.disconnect();
    expect(read.length).toBeGreaterThanOrEqual(3);

    comparer = new ShadowComparer({ shadows: connections.registry.shadows, repository, connection: connections.openWorkerConnection(), consumer: 'replica-new', maxRows: 100, logger: silentLogger, idleMs: 50, abandonedAfterMs: 200 });
    comparer.start();
    const comparing = Date.now() + 20_000;
    while ((await connections.registry.shadows.record('sign'))?.state === 'shadowing') {
      if (Date.now() > comparing) throw new Error('the abandoned mirrored requests were never compared');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await expect(connections.registry.shadows.record('sign')).resolves.toMatchObject({ id: started.id, state: 'promoted' });
    await expect(connections.registry.shadows.tally('sign')).resolves.toMatchObject({ requests: 3, failedRequests: 0 });
    // Everything the vanished replica held is taken over and acknowledged (what came after the verdict, discarded).
    const pendingCount = async () => ((await connections.redis.xpending(keys.modelShadowRequests('sign'), 'compare')) as [number, ...unknown[]])[0];
    while ((await pendingCount()) > 0) {
      if (Date.now() > comparing) throw new Error(`${await pendingCount()} mirrored requests were never acknowledged`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
});
