import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classificationSplitData, denseOutputs, storeSplits, TransformFitter, type FittedTransform } from '@aiaas/data';
import { planTraining, trainingSpecSchema } from '@aiaas/model-spec';
import { buildModel, saveModel, selectBackend } from '@aiaas/models';
import { silentLogger } from '@aiaas/observability';
import type { Record__Output } from '@aiaas/proto';
import { DeadlineExceededError } from '@aiaas/errors';
import { exportToOnnx } from '@aiaas/onnx';
import { aliasEventSchema, connectRegistry, type OnnxExportRecord, type RegistryConnections } from '@aiaas/registry';
import { modelVersionFixture } from '@aiaas/registry/testing';
import { FsArtifactStore, putJson, type ArtifactRef } from '@aiaas/storage';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { ModelRepository } from '../model-repository';
import { deadlineOf } from '@aiaas/service';
import { Predictor } from '../predictor';
import { followRegistryEvents } from './registry-events';
import { ShadowMirror } from './shadow-mirror';

jest.setTimeout(30_000);

const record = (x: number): Record__Output => ({ fields: { x: { kind: 'number_value', number_value: x } } });
const until = async (condition: () => boolean, what: string, timeoutMs = 10_000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('ModelRepository: following aliases without dropping a request', () => {
  const prefix = uniquePrefix('repository');
  let root: string;
  let store: FsArtifactStore;
  let connections: RegistryConnections;
  let transform: FittedTransform;
  let splits: ArtifactRef;

  /**
   * Version `version` of a model whose P(pos) is sigmoid(`slope`·x), blessed; with `onnx`, the
   * export of a model of slope `onnx.slope` (its own, or a wrong one) is stored as its ONNX artifact.
   */
  async function register(modelName: string, version: number, slope: number, corrupt = false, onnx?: { slope: number }): Promise<void> {
    const training = trainingSpecSchema.parse({ model: { family: 'mlp', hiddenLayers: [] }, loss: 'sparse-categorical-crossentropy', seed: 1 });
    const plan = planTraining(training, { task: 'classification', classLabels: ['neg', 'pos'], outputs: [{ kind: 'dense', name: 'features', width: 1 }], hasValidation: false });
    const model = buildModel(plan);
    model.getLayer('head').setWeights([tf.tensor2d([[0, slope]]), tf.tensor1d([0, 0])]);
    const artifacts = await saveModel(model, store);
    let exported: OnnxExportRecord | undefined;
    if (onnx) {
      model.getLayer('head').setWeights([tf.tensor2d([[0, onnx.slope]]), tf.tensor1d([0, 0])]);
      const result = exportToOnnx(model);
      if (!result.supported) throw new Error(result.reason);
      const copy = (tensors: typeof result.inputs) => tensors.map((tensor) => ({ ...tensor, shape: [...tensor.shape] }));
      exported = { status: 'exported', model: (await store.put(result.bytes)).ref, inputs: copy(result.inputs), outputs: copy(result.outputs) };
    }
    model.dispose();
    await connections.registry.models.registerVersion(
      modelVersionFixture({
        modelName,
        version,
        jobId: `job_${version}`,
        targetColumn: 'y',
        classLabels: ['neg', 'pos'],
        inputColumns: ['x'],
        training,
        // A corrupt version's weights are three bytes, short of the two floats and two biases its topology needs.
        artifacts: { ...artifacts, ...(corrupt ? { weights: (await store.put('bad')).ref } : {}), transform: (await putJson(store, transform)).ref, splits },
        ...(exported ? { onnx: exported } : {}),
      }),
    );
    const metrics = { accuracy: 1, macroF1: 1, testRows: 1, perClass: [], confusionMatrix: [] };
    await connections.registry.models.recordEvaluation(modelName, version, { status: 'blessed', reason: 'ok', metrics, evaluatedAt: 1 });
  }

  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
    connections = connectRegistry({ redisUrl: testRedisUrl(), prefix });
    root = mkdtempSync(join(tmpdir(), 'aiaas-repository-'));
    store = new FsArtifactStore(root);
    transform = new TransformFitter({ columns: [{ column: 'x', type: 'numeric', encoding: 'none' }], target: { column: 'y', task: 'classification' } }).fit(() =>
      [-1, 1].map((x) => ({ row: { read: (column) => (column === 'x' ? x : x > 0 ? 'pos' : 'neg'), describe: (column) => column }, isTrain: true })),
    );
    const none = classificationSplitData(new Float32Array(0), new Int32Array(0));
    splits = await storeSplits(store, { outputs: denseOutputs(1), labelDtype: 'int32', classLabels: [], train: none, test: none });
  });

  afterAll(async () => {
    await deleteKeysWithPrefix(connections.redis, prefix);
    connections.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('swaps production under a load loop with zero errors: the new version answers once warm, the old one is unloaded after', async () => {
    await register('swap', 1, 10);
    await register('swap', 2, -10);
    await connections.registry.models.setAlias('swap', 'production', 1);
    const repository = new ModelRepository(connections.registry.models, store, silentLogger, { batching: { maxBatchRows: 64, maxQueueDelayMs: 2, maxQueuedRows: 10_000 } });
    const predictor = new Predictor(repository, 100);
    const answered: number[] = [];
    const errors: unknown[] = [];
    let running = true;
    const loop = async () => {
      while (running) {
        // In-process calls resolve through microtasks alone; a real client's would let timers run.
        await new Promise((resolve) => setImmediate(resolve));
        try {
          answered.push(Number((await predictor.predict({ model_name: 'swap', records: { records: [record(1)] }, input: 'records' } as never)).version));
        } catch (error) {
          errors.push(error);
        }
      }
    };
    const clients = Array.from({ length: 8 }, () => loop());
    await until(() => answered.length > 50, 'requests on version 1');
    await connections.registry.models.setAlias('swap', 'production', 2);
    // What a subscriber to the registry's alias events does on this replica.
    repository.aliasMoved('swap', 'production', 2);
    await until(() => answered.filter((version) => version === 2).length > 50, 'requests on version 2');
    running = false;
    await Promise.all(clients);
    expect(errors).toEqual([]);
    // Every answer came from version 1, then version 2: no request saw a half-swapped model.
    const firstOfTwo = answered.indexOf(2);
    expect(answered.slice(0, firstOfTwo).every((version) => version === 1)).toBe(true);
    expect(answered.slice(firstOfTwo).every((version) => version === 2)).toBe(true);
    await until(() => true, 'nothing');
    expect((await repository.list()).map((loaded) => loaded.record.version)).toEqual([2]);
    await repository.unloadAll();
  });

  it('keeps serving the old version when the new one fails to load, retries with backoff, and moves once it loads', async () => {
    await register('fragile', 1, 10);
    await register('fragile', 2, 10, true);
    await connections.registry.models.setAlias('fragile', 'production', 1);
    const repository = new ModelRepository(connections.registry.models, store, silentLogger, { retryMs: { first: 20, max: 40 } });
    const predictor = new Predictor(repository, 100);
    const ask = async () => Number((await predictor.predict({ model_name: 'fragile', records: { records: [record(1)] }, input: 'records' } as never)).version);
    expect(await ask()).toBe(1);
    repository.aliasMoved('fragile', 'production', 2);
    await until(() => (repository.pendingMoves[0]?.attempts ?? 0) >= 2, 'two failed attempts');
    expect(repository.pendingMoves[0]).toMatchObject({ modelName: 'fragile', alias: 'production', version: 2, error: expect.any(String) });
    // The registry says why, for GetModel (and operators) to see.
    const failed = (await connections.registry.models.getModel('fragile')).versions.find((view) => view.record.version === 2);
    expect(failed?.loadError).toContain('holds 3 bytes');
    expect(await ask()).toBe(1);
    // The artifact is repaired (re-registered with good weights): the next retry succeeds.
    await register('fragile', 2, -10);
    await until(() => repository.pendingMoves.length === 0, 'the move');
    expect(await ask()).toBe(2);
    expect((await connections.registry.models.getModel('fragile')).versions.find((view) => view.record.version === 2)?.loadError).toBeUndefined();
    await repository.unloadAll();
  });

  it('unloads the least recently used idle version beyond the cap, never one an alias serves', async () => {
    for (const version of [1, 2, 3]) await register('many', version, version);
    await connections.registry.models.setAlias('many', 'production', 3);
    const repository = new ModelRepository(connections.registry.models, store, silentLogger, { maxLoadedVersions: 2 });
    await repository.get('many', { alias: 'production' });
    await repository.load('many', 1);
    await repository.load('many', 2);
    await until(() => true, 'nothing');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await repository.list()).map((loaded) => loaded.record.version).sort()).toEqual([2, 3]);
    await repository.unloadAll();
  });

  it('keeps the weights in memory under the byte cap, unloading the least recently used idle version', async () => {
    for (const version of [1, 2, 3]) await register('heavy', version, version);
    // Each version holds 16 bytes of TF.js weights (a 1×2 kernel and 2 biases) and no ONNX graph: two fit in 40.
    const repository = new ModelRepository(connections.registry.models, store, silentLogger, { maxLoadedBytes: 40 });
    expect((await repository.load('heavy', 1)).residentBytes).toBe(16);
    await repository.load('heavy', 2);
    await repository.load('heavy', 3);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await repository.list()).map((loaded) => loaded.record.version).sort()).toEqual([2, 3]);
    await repository.unloadAll();
  });

  it('announces every alias move on the registry channel', async () => {
    const subscriber = connections.redis.duplicate();
    const events: unknown[] = [];
    await subscriber.subscribe(connections.registry.models.aliasEventsChannel);
    subscriber.on('message', (_channel, message) => events.push(aliasEventSchema.parse(JSON.parse(message))));
    await register('announced', 1, 1);
    await connections.registry.models.setAlias('announced', 'staging', 1);
    await until(() => events.length > 0, 'the event');
    expect(events).toEqual([{ modelName: 'announced', alias: 'staging', version: 1 }]);
    subscriber.disconnect();
  });

  it('serves a version on ONNX Runtime when its export agrees with TF.js, and on TF.js when it does not', async () => {
    await register('runtimes', 1, 3, false, { slope: 3 });
    await register('runtimes', 2, 3, false, { slope: -3 });
    const repository = new ModelRepository(connections.registry.models, store, silentLogger);
    const tfjsOnly = new ModelRepository(connections.registry.models, store, silentLogger, { runtime: 'tfjs' });
    const agreeing = await repository.load('runtimes', 1);
    const disagreeing = await repository.load('runtimes', 2);
    expect([agreeing.runtime, disagreeing.runtime, (await tfjsOnly.load('runtimes', 1)).runtime]).toEqual(['onnxruntime', 'tfjs', 'tfjs']);
    const features = Float32Array.of(-1, 0, 0.5, 2);
    const [viaOnnx, viaTfjs] = await Promise.all([agreeing.run([features], 4), (await tfjsOnly.load('runtimes', 1)).run([features], 4)]);
    Array.from(viaOnnx).forEach((value, index) => expect(value).toBeCloseTo(viaTfjs[index]!, 6));
    await Promise.all([repository.unloadAll(), tfjsOnly.unloadAll()]);
  });

  it('sends a canary its share of the default route, and nothing of requests that name an alias or version', async () => {
    for (const version of [1, 2]) await register('split', version, version === 1 ? 5 : -5);
    await connections.registry.models.setAlias('split', 'production', 1);
    await connections.registry.models.setTrafficSplit('split', { canaryVersion: 2, percent: 30 });
    // Draws 0.00, 0.01, …, 0.99 in turn: exactly 30 of every 100 fall under 30%.
    let draw = 0;
    const repository = new ModelRepository(connections.registry.models, store, silentLogger, { random: () => (draw++ % 100) / 100 });
    const predictor = new Predictor(repository, 100);
    const ask = async (selector: object = {}) => Number((await predictor.predict({ model_name: 'split', records: { records: [record(1)] }, input: 'records', ...selector } as never)).version);
    const answers: number[] = [];
    for (let request = 0; request < 100; request++) answers.push(await ask());
    expect(answers.filter((version) => version === 2)).toHaveLength(30);
    expect(await ask({ version_selector: 'alias', alias: 'production' })).toBe(1);
    expect((await connections.registry.models.getModel('split')).trafficSplit).toEqual({ canaryVersion: 2, percent: 30 });

    await connections.registry.models.setTrafficSplit('split', undefined);
    repository.trafficSplitChanged('split');
    await until(() => repository.pendingMoves.length === 0, 'nothing');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const after: number[] = [];
    for (let request = 0; request < 20; request++) after.push(await ask());
    expect(new Set(after)).toEqual(new Set([1]));
    await repository.unloadAll();
  });

  it('refuses a canary that evaluation has not blessed', async () => {
    await register('unblessed', 1, 1);
    const metrics = { accuracy: 0.1, macroF1: 0.1, testRows: 1, perClass: [], confusionMatrix: [] };
    await connections.registry.models.recordEvaluation('unblessed', 1, { status: 'rejected', reason: 'test accuracy 0.100 < min_accuracy 0.900', metrics, evaluatedAt: 1 });
    await expect(connections.registry.models.setTrafficSplit('unblessed', { canaryVersion: 1, percent: 10 })).rejects.toThrow('is not blessed (test accuracy 0.100 < min_accuracy 0.900)');
  });

  it('drops a Predict whose gRPC deadline passed before its batch reached the model', async () => {
    await register('hurried', 1, 1);
    await connections.registry.models.setAlias('hurried', 'production', 1);
    const repository = new ModelRepository(connections.registry.models, store, silentLogger, { batching: { maxBatchRows: 8, maxQueueDelayMs: 0, maxQueuedRows: 100 } });
    const predictor = new Predictor(repository, 100);
    const request = { model_name: 'hurried', records: { records: [record(1)] }, input: 'records' } as never;
    await expect(predictor.predict(request, Date.now() - 1)).rejects.toBeInstanceOf(DeadlineExceededError);
    expect(deadlineOf({ getDeadline: () => Infinity })).toBeUndefined();
    expect(deadlineOf({ getDeadline: () => new Date(5) })).toBe(5);
    await expect(predictor.predict(request, Date.now() + 10_000)).resolves.toMatchObject({ version: 1 });
    await repository.unloadAll();
  });

  it('streams answers in order, one per request', async () => {
    await register('streamed', 1, 1);
    await connections.registry.models.setAlias('streamed', 'production', 1);
    const repository = new ModelRepository(connections.registry.models, store, silentLogger);
    const predictor = new Predictor(repository, 100);
    async function* requests() {
      for (let index = 0; index < 40; index++) yield { model_name: 'streamed', records: { records: [record(index - 20)] }, input: 'records' } as never;
    }
    const answers = [];
    for await (const answer of predictor.predictStream(requests())) answers.push(answer);
    expect(answers).toHaveLength(40);
    expect(answers.map((answer) => answer.predicted_labels?.[0])).toEqual(Array.from({ length: 40 }, (_, index) => (index - 20 > 0 ? 'pos' : 'neg')));
    await repository.unloadAll();
  });

  it('serves by number only what the version policy serves, keeps those loaded, and follows it as versions come', async () => {
    for (const version of [1, 2, 3]) await register('pinned', version, version);
    await connections.registry.models.setAlias('pinned', 'production', 1);
    await connections.registry.models.setVersionPolicy('pinned', { kind: 'latest', count: 2 });
    const repository = new ModelRepository(connections.registry.models, store, silentLogger);
    const subscriber = connections.redis.duplicate();
    await followRegistryEvents(subscriber, connections.registry, { repository, mirror: new ShadowMirror({ shadows: connections.registry.shadows, refreshMs: 5_000, logger: silentLogger }), logger: silentLogger });
    const predictor = new Predictor(repository, 100);
    const ask = (selector: object) => predictor.predict({ model_name: 'pinned', records: { records: [record(1)] }, input: 'records', ...selector } as never);
    const loaded = async () => (await repository.list()).map((version) => version.record.version).sort();

    await expect(ask({ version_selector: 'version', version: 1 })).rejects.toThrow(
      'model version "pinned@1" not found; the model\'s version policy serves the latest 2 versions (2, 3); ask for one of those or an alias, or change the policy',
    );
    // The policy's versions are loaded ahead of their first request (version 2 is never asked
    // for); the alias serves version 1 whatever the policy.
    await expect(ask({})).resolves.toMatchObject({ version: 1 });
    await expect(ask({ version_selector: 'version', version: 3 })).resolves.toMatchObject({ version: 3 });
    expect(await loaded()).toEqual([1, 2, 3]);

    // A new version moves "the latest 2" on: version 4 is loaded, version 2 retired.
    await register('pinned', 4, 4);
    const deadline = Date.now() + 10_000;
    while ((await loaded()).join() !== '1,3,4' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await loaded()).toEqual([1, 3, 4]);
    await expect(ask({ version_selector: 'version', version: 2 })).rejects.toThrow('serves the latest 2 versions (3, 4)');
    subscriber.disconnect();
    await repository.unloadAll();
  });
});
