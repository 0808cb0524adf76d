import * as tf from '@tensorflow/tfjs';
import { credentials, loadPackageDefinition, Metadata, status, type Client, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultColumnPlan, TransformFitter, type TransformPlanInput } from '@aiaas/data';
import { PENGUIN_COLUMNS, penguinRecords } from '@aiaas/datasets';
import { FIELD_TRAILER } from '@aiaas/errors';
import type { TrainingSpecInput } from '@aiaas/model-spec';
import { selectBackend } from '@aiaas/models';
import { silentLogger } from '@aiaas/observability';
import {
  loadAiaasProtos,
  loadOipProtos,
  type GRPCInferenceServiceClient,
  type InferInputTensor,
  type ModelInferRequest,
  type ModelInferResponse__Output,
} from '@aiaas/proto';
import { connectRegistry, type RegistryConnections } from '@aiaas/registry';
import { HandlerFactory, PlatformServer } from '@aiaas/service';
import { FsArtifactStore } from '@aiaas/storage';
import { bytesToFloat32, float32ToBytes, int32ToBytes } from '@aiaas/tensor';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { ModelRepository } from '../model-repository';
import { Predictor } from '../predictor';
import { createGrpcInferenceService } from './grpc-inference-service';
import { OipHttpServer } from './oip-http-server';
import { OpenInference } from './open-inference';
import { fitTransform, setWeights, TestModels, toRecord } from '../registered-models.test-helpers';

type PenguinRecord = ReturnType<typeof penguinRecords>[number];

const MAX_BATCH_ROWS = 100;
const MAX_BODY_BYTES = 64 * 1024;
const DEADLINE_MS = 10_000;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Promisifies one unary OIP call with a deadline, resolving the response or the ServiceError. */
function call<Req, Res>(client: GRPCInferenceServiceClient, method: 'ServerLive' | 'ServerReady' | 'ModelReady' | 'ServerMetadata' | 'ModelMetadata' | 'ModelInfer', request: Req): Promise<Res> {
  return new Promise<Res>((resolve, reject) => {
    const invoke = client[method] as unknown as (request: Req, metadata: Metadata, options: { deadline: Date }, callback: (error: ServiceError | null, response?: Res) => void) => void;
    invoke.call(client, request, new Metadata(), { deadline: new Date(Date.now() + DEADLINE_MS) }, (error, response) => (error ? reject(error) : resolve(response!)));
  });
}

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error('expected the call to fail');
}

interface ReflectionResponse {
  list_services_response?: { service: { name: string }[] };
  file_descriptor_response?: { file_descriptor_proto: Buffer[] };
  error_response?: { error_message: string };
}

/** Asks the v1 reflection API one question, as grpcurl would. */
async function reflect(address: string, request: Record<string, string>): Promise<ReflectionResponse> {
  const protoPath = join(dirname(require.resolve('@grpc/reflection')), '../proto/grpc/reflection/v1/reflection.proto');
  const grpcObject = loadPackageDefinition(loadSync(protoPath, { keepCase: true })) as unknown as {
    grpc: { reflection: { v1: { ServerReflection: new (address: string, creds: unknown) => Client & Record<string, () => NodeJS.EventEmitter & { write(m: unknown): void; end(): void }> } } };
  };
  const client = new grpcObject.grpc.reflection.v1.ServerReflection(address, credentials.createInsecure());
  try {
    return await new Promise<ReflectionResponse>((resolve, reject) => {
      const stream = client['ServerReflectionInfo']!();
      stream.on('data', resolve);
      stream.on('error', reject);
      stream.write(request);
      stream.end();
    });
  } finally {
    client.close();
  }
}

describe('Open Inference Protocol v2', () => {
  const prefix = uniquePrefix('oip');
  let root: string;
  let store: FsArtifactStore;
  let connections: RegistryConnections;
  let repository: ModelRepository;
  let predictor: Predictor;
  let oip: OpenInference;
  let models: TestModels;
  let registryReady: () => Promise<boolean> = async () => true;
  const penguins = penguinRecords().filter((penguin) => penguin.species !== null);
  /** Transformed features of the first rows of `penguins`, as TransformRecords answers them. */
  let penguinFeatures: Float32Array;
  let featureCount: number;

  const xRows = [-2, -1, 1, 2].map((x) => ({ x, y: x > 0 ? 'pos' : 'neg', price: 2 * x }));
  const noHiddenLayers: TrainingSpecInput['model'] = { family: 'mlp', hiddenLayers: [] };

  /** The Predictor's probabilities for transformed penguin features: what OIP must match. */
  async function predictedProbabilities(features: Float32Array, rows: number): Promise<Float32Array> {
    const response = await predictor.predict({
      model_name: 'penguins',
      input: 'features',
      features: { dtype: 'DATA_TYPE_FLOAT32', shape: [rows, featureCount], raw_data: Buffer.from(float32ToBytes(features)), float_values: [], int_values: [] },
    });
    return bytesToFloat32(response.probabilities!.raw_data as Buffer);
  }

  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
    connections = connectRegistry({ redisUrl: testRedisUrl(), prefix });
    root = mkdtempSync(join(tmpdir(), 'aiaas-oip-'));
    store = new FsArtifactStore(root);
    models = await TestModels.create(connections.registry.models, store);

    // Penguins: a softmax classifier over three species, with seeded initial weights (the
    // comparisons below need one model, not a good one). Versions 1 and 2; 1 is production and canary.
    const columns = PENGUIN_COLUMNS.filter((column) => column !== 'species').map((column) => defaultColumnPlan(column, ['island', 'sex'].includes(column) ? 'categorical' : 'numeric'));
    const read = (penguin: PenguinRecord, column: string) => penguin[column as keyof PenguinRecord];
    const transform = new TransformFitter({ columns, target: { column: 'species', task: 'classification' } }).fit(() =>
      penguins.map((penguin, index) => ({ row: { read: (column) => read(penguin, column), describe: (column) => `${index}.${column}` }, isTrain: true })),
    );
    const penguinSpec: TrainingSpecInput = { model: { family: 'mlp', hiddenLayers: [{ units: 8 }] }, seed: 5 };
    await models.register({ modelName: 'penguins', spec: penguinSpec, transform, task: 'classification', classLabels: ['Adelie', 'Chinstrap', 'Gentoo'], record: { jobId: 'job_one' } });
    const first = await connections.registry.models.getVersion('penguins', 1);
    await connections.registry.models.registerVersion({ ...first, jobId: 'job_two', version: await connections.registry.models.reserveVersion('penguins', 'job_two') });
    await models.bless('penguins');
    await models.bless('penguins', 1, 'canary');

    // sign: P(pos) = sigmoid(10 z), a sigmoid head.
    const xTransform = (target: TransformPlanInput['target']) => fitTransform({ columns: [{ column: 'x', type: 'numeric' }], target }, xRows);
    await models.register({
      modelName: 'sign',
      spec: { model: noHiddenLayers, seed: 1 },
      transform: xTransform({ column: 'y', task: 'classification' }),
      task: 'classification',
      classLabels: ['neg', 'pos'],
      prepare: setWeights({ head: () => [tf.tensor2d([[10]]), tf.zeros([1])] }),
    });
    await models.bless('sign');

    // price = 2 z + 1, a regressor.
    await models.register({
      modelName: 'price',
      spec: { model: noHiddenLayers, seed: 1 },
      transform: xTransform({ column: 'price', task: 'regression' }),
      task: 'regression',
      prepare: setWeights({ head: () => [tf.tensor2d([[2]]), tf.tensor1d([1])] }),
    });
    await models.bless('price');

    // likes: an implicit-feedback recommender over INT32 user and item ids; P = sigmoid(item bias).
    const interactions = [
      { user: 'u1', item: 'a', clicks: 1 },
      { user: 'u2', item: 'b', clicks: 2 },
      { user: 'u2', item: 'c', clicks: 1 },
    ];
    await models.register({
      modelName: 'likes',
      spec: { model: { family: 'recommender', userColumn: 'user', itemColumn: 'item', embeddingDim: 1, feedback: { kind: 'implicit' } }, seed: 1 },
      transform: fitTransform(
        {
          columns: [
            { column: 'user', type: 'id', encoding: 'index' },
            { column: 'item', type: 'id', encoding: 'index' },
          ],
          target: { column: 'clicks', task: 'regression' },
        },
        interactions,
      ),
      task: 'regression',
      prepare: setWeights({
        user_embedding: () => [tf.zeros([3, 1])],
        item_embedding: () => [tf.zeros([4, 1])],
        item_bias: () => [tf.tensor2d([[0], [2], [-2], [1]])],
      }),
    });
    await models.bless('likes');

    // counting: a seq2seq model (its weights do not matter: OIP refuses to decode).
    await models.register({
      modelName: 'counting',
      spec: { model: { family: 'seq2seq', embeddingDim: 4, units: 4 }, seed: 1 },
      transform: fitTransform(
        { columns: [{ column: 'english', type: 'text', encoding: 'sequence', sequenceLength: 4, padding: 'pre' }], target: { column: 'french', task: 'sequence', sequenceLength: 6 } },
        [
          { english: 'one', french: 'un deux' },
          { english: 'two', french: 'deux trois' },
        ],
      ),
      task: 'sequence',
    });
    await models.bless('counting');

    repository = new ModelRepository(connections.registry.models, store, silentLogger);
    predictor = new Predictor(repository, MAX_BATCH_ROWS);
    oip = new OpenInference({
      repository,
      models: connections.registry.models,
      maxBatchRows: MAX_BATCH_ROWS,
      backend: 'wasm',
      serverVersion: '9.9.9',
      ready: () => registryReady(),
      logger: silentLogger,
    });

    const transformed = await predictor.transformRecords({
      model_name: 'penguins',
      records: { records: penguins.slice(0, 5).map(({ species: _species, ...measurements }) => toRecord(measurements)) },
    });
    const features = transformed.outputs!.find((output) => output.name === 'features')!.tensor!;
    featureCount = Number(features.shape![1]);
    penguinFeatures = bytesToFloat32(features.raw_data as Buffer);
  });

  afterAll(async () => {
    await repository?.unloadAll();
    await deleteKeysWithPrefix(connections.redis, prefix);
    connections.close();
    rmSync(root, { recursive: true, force: true });
  });

  afterEach(() => {
    registryReady = async () => true;
  });

  it("sends a canary its share of the requests that name no version, as Predict does; a named version or alias is never diverted", async () => {
    await models.bless('penguins', 2, 'challenger');
    await connections.registry.models.setTrafficSplit('penguins', { canaryVersion: 2, percent: 50 });
    // Every draw falls inside the split's 50%: a request on the default route always goes to the canary.
    const routed = new ModelRepository(connections.registry.models, store, silentLogger, { random: () => 0 });
    const routedOip = new OpenInference({ repository: routed, models: connections.registry.models, maxBatchRows: MAX_BATCH_ROWS, backend: 'wasm', serverVersion: '9.9.9', ready: async () => true, logger: silentLogger });
    const versionAnswering = async (modelVersion: string) =>
      (
        await routedOip.infer({
          modelName: 'penguins',
          modelVersion,
          id: '',
          inputs: [{ name: 'features', datatype: 'FP32', shape: [1, featureCount], data: { kind: 'values', values: Array.from(penguinFeatures.subarray(0, featureCount)), source: 'inputs[0]' } }],
          outputs: [],
        })
      ).modelVersion;
    try {
      await expect(versionAnswering('')).resolves.toBe('2');
      await expect(versionAnswering('production')).resolves.toBe('1');
      await expect(versionAnswering('1')).resolves.toBe('1');
    } finally {
      await connections.registry.models.setTrafficSplit('penguins', undefined);
      await routed.unloadAll();
    }
  });

  describe('over gRPC (inference.GRPCInferenceService)', () => {
    let server: PlatformServer;
    let address: string;
    let client: GRPCInferenceServiceClient;

    /** A FP32 features input with typed contents. */
    const typedFeatures = (values: Float32Array, rows: number, name = 'features'): InferInputTensor => ({
      name,
      datatype: 'FP32',
      shape: [rows, featureCount],
      contents: { fp32_contents: Array.from(values) },
    });
    const infer = (request: ModelInferRequest) => call<ModelInferRequest, ModelInferResponse__Output>(client, 'ModelInfer', request);
    const rawFloats = (response: ModelInferResponse__Output, index = 0) => Array.from(bytesToFloat32(response.raw_output_contents[index]!));

    beforeAll(async () => {
      const aiaas = loadAiaasProtos();
      const protos = loadOipProtos();
      server = await PlatformServer.start({
        host: '127.0.0.1',
        port: 0,
        services: [{ name: 'inference.GRPCInferenceService', definition: protos.grpc.inference.GRPCInferenceService.service, implementation: createGrpcInferenceService({ oip, handlers: new HandlerFactory(silentLogger) }) }],
        // As main.ts does: reflection describes both packages.
        packageDefinition: { ...aiaas.packageDefinition, ...protos.packageDefinition },
        logger: silentLogger,
      });
      address = `127.0.0.1:${server.port}`;
      client = new protos.grpc.inference.GRPCInferenceService(address, credentials.createInsecure());
    });

    afterAll(async () => {
      client?.close();
      await server?.shutdown(1_000);
    });

    it('is described by server reflection beside aiaas.v1', async () => {
      const listed = await reflect(address, { list_services: '' });
      expect(listed.list_services_response?.service.map((service) => service.name)).toEqual(expect.arrayContaining(['inference.GRPCInferenceService', 'aiaas.v1.InferenceService']));
      const file = await reflect(address, { file_containing_symbol: 'inference.ModelInferRequest' });
      expect(file.error_response).toBeUndefined();
      expect(file.file_descriptor_response?.file_descriptor_proto.length).toBeGreaterThan(0);
    });

    it('answers ServerLive true and ServerMetadata with its name and version', async () => {
      await expect(call(client, 'ServerLive', {})).resolves.toEqual({ live: true });
      await expect(call(client, 'ServerMetadata', {})).resolves.toEqual({ name: 'aiaas-inference', version: '9.9.9', extensions: [] });
    });

    it('answers ServerReady true when the registry answers, false when it does not or fails', async () => {
      await expect(call(client, 'ServerReady', {})).resolves.toEqual({ ready: true });
      registryReady = async () => false;
      await expect(call(client, 'ServerReady', {})).resolves.toEqual({ ready: false });
      registryReady = async () => {
        throw new Error('connection refused');
      };
      await expect(call(client, 'ServerReady', {})).resolves.toEqual({ ready: false });
    });

    it('answers ModelReady true for a version that resolves and loads, false for an unknown model, version or alias', async () => {
      for (const version of ['', '1', '2', 'canary', 'production']) {
        await expect(call(client, 'ModelReady', { name: 'penguins', version })).resolves.toEqual({ ready: true });
      }
      for (const [name, version] of [['penguins', '9'], ['penguins', 'staging'], ['nope', '']]) {
        await expect(call(client, 'ModelReady', { name, version })).resolves.toEqual({ ready: false });
      }
      const error = await failure(call(client, 'ModelReady', { name: '', version: '' }));
      expect(error).toMatchObject({ code: status.INVALID_ARGUMENT, details: 'invalid name: is required' });
    });

    it('describes a classifier: its versions, platform, FP32 features and probabilities', async () => {
      await expect(call(client, 'ModelMetadata', { name: 'penguins', version: '' })).resolves.toEqual({
        name: 'penguins',
        versions: ['1', '2'],
        platform: 'tfjs_wasm',
        inputs: [{ name: 'features', datatype: 'FP32', shape: [-1, featureCount] }],
        outputs: [{ name: 'probabilities', datatype: 'FP32', shape: [-1, 3] }],
      });
    });

    it('describes a sigmoid classifier with two probability columns, regressors and recommenders with values, and seq2seq models with no outputs', async () => {
      const metadata = async (name: string) => call<object, { inputs: unknown[]; outputs: unknown[] }>(client, 'ModelMetadata', { name, version: '1' });
      expect((await metadata('sign')).outputs).toEqual([{ name: 'probabilities', datatype: 'FP32', shape: [-1, 2] }]);
      expect((await metadata('price')).outputs).toEqual([{ name: 'values', datatype: 'FP32', shape: [-1] }]);
      expect(await metadata('likes')).toMatchObject({
        inputs: [
          { name: 'user', datatype: 'INT32', shape: [-1, 1] },
          { name: 'item', datatype: 'INT32', shape: [-1, 1] },
        ],
        outputs: [{ name: 'values', datatype: 'FP32', shape: [-1] }],
      });
      expect(await metadata('counting')).toMatchObject({ inputs: [{ name: 'english', datatype: 'INT32', shape: [-1, 4] }], outputs: [] });
    });

    it('reports an unknown model, version or alias in ModelMetadata as NOT_FOUND naming it', async () => {
      await expect(failure(call(client, 'ModelMetadata', { name: 'nope', version: '' }))).resolves.toMatchObject({ code: status.NOT_FOUND, details: expect.stringContaining('model "nope" not found') });
      await expect(failure(call(client, 'ModelMetadata', { name: 'penguins', version: '9' }))).resolves.toMatchObject({
        code: status.NOT_FOUND,
        details: expect.stringContaining('"penguins@9" not found'),
      });
      await expect(failure(call(client, 'ModelMetadata', { name: 'penguins', version: 'v2' }))).resolves.toMatchObject({
        code: status.NOT_FOUND,
        details: expect.stringContaining('alias "penguins@v2" not found'),
      });
    });

    it('infers from raw_input_contents and from typed contents alike, exactly as Predict does', async () => {
      const expected = Array.from(await predictedProbabilities(penguinFeatures, 5));
      const raw = await infer({
        model_name: 'penguins',
        id: 'request-1',
        inputs: [{ name: 'features', datatype: 'FP32', shape: [5, featureCount] }],
        raw_input_contents: [float32ToBytes(penguinFeatures)],
      });
      expect(raw).toMatchObject({ model_name: 'penguins', model_version: '1', id: 'request-1', outputs: [{ name: 'probabilities', datatype: 'FP32', shape: [5, 3], contents: null }] });
      expect(rawFloats(raw)).toEqual(expected);

      const typed = await infer({ model_name: 'penguins', model_version: '1', id: 'request-2', inputs: [typedFeatures(penguinFeatures, 5)], outputs: [{ name: 'probabilities' }] });
      expect(typed).toMatchObject({ model_version: '1', id: 'request-2' });
      expect(rawFloats(typed)).toEqual(expected);
      for (let row = 0; row < 5; row++) expect(expected[row * 3]! + expected[row * 3 + 1]! + expected[row * 3 + 2]!).toBeCloseTo(1, 5);
    });

    it('goes through the version\'s dynamic batcher when batching is on, answering each request its own rows', async () => {
      const batched = new ModelRepository(connections.registry.models, store, silentLogger, { batching: { maxBatchRows: 64, maxQueueDelayMs: 5, maxQueuedRows: 1_000 } });
      try {
        const batchedOip = new OpenInference({ repository: batched, models: connections.registry.models, maxBatchRows: MAX_BATCH_ROWS, backend: 'wasm', serverVersion: '9.9.9', ready: async () => true, logger: silentLogger });
        const expected = Array.from(await predictedProbabilities(penguinFeatures, 5));
        const results = await Promise.all(
          [0, 1, 2, 3, 4].map((row) =>
            batchedOip.infer({
              modelName: 'penguins',
              modelVersion: '',
              id: String(row),
              inputs: [{ name: 'features', datatype: 'FP32', shape: [1, featureCount], data: { kind: 'raw', bytes: float32ToBytes(penguinFeatures.slice(row * featureCount, (row + 1) * featureCount)), source: 'raw_input_contents[0]' } }],
              outputs: [],
            }),
          ),
        );
        results.forEach((result, row) => {
          expect(result.id).toBe(String(row));
          Array.from(result.outputs[0]!.values).forEach((probability, column) => expect(probability).toBeCloseTo(expected[row * 3 + column]!, 6));
        });
        const [loaded] = await batched.list();
        expect(loaded!.batcher!.stats.requests).toBe(5);
      } finally {
        await batched.unloadAll();
      }
    });

    it('answers typed contents instead of raw bytes when the request asks with binary_data_output false', async () => {
      const response = await infer({ model_name: 'penguins', inputs: [typedFeatures(penguinFeatures, 5)], parameters: { binary_data_output: { bool_param: false } } });
      expect(response.raw_output_contents).toEqual([]);
      expect(response.outputs[0]!.contents!.fp32_contents).toEqual(Array.from(await predictedProbabilities(penguinFeatures, 5)));
    });

    it('serves a version by number and by alias', async () => {
      const request = (model_version: string) => infer({ model_name: 'penguins', model_version, inputs: [typedFeatures(penguinFeatures.subarray(0, featureCount), 1)] });
      await expect(request('2')).resolves.toMatchObject({ model_version: '2' });
      await expect(request('canary')).resolves.toMatchObject({ model_version: '1' });
    });

    it('answers a sigmoid head as [1 - p, p] probabilities', async () => {
      const response = await infer({ model_name: 'sign', inputs: [{ name: 'features', datatype: 'FP32', shape: [3, 1], contents: { fp32_contents: [-1, 0, 0.1] } }] });
      expect(response.outputs[0]).toMatchObject({ name: 'probabilities', shape: [3, 2] });
      const expected = [-1, 0, 0.1].flatMap((z) => [1 - sigmoid(10 * z), sigmoid(10 * z)]);
      rawFloats(response).forEach((probability, index) => expect(probability).toBeCloseTo(expected[index]!, 5));
    });

    it('answers a regressor as FP32 values [rows]', async () => {
      const response = await infer({ model_name: 'price', inputs: [{ name: 'features', datatype: 'FP32', shape: [3, 1] }], raw_input_contents: [float32ToBytes(Float32Array.of(0, 1, -1.5))] });
      expect(response.outputs[0]).toMatchObject({ name: 'values', datatype: 'FP32', shape: [3] });
      expect(rawFloats(response)).toEqual([1, 3, -2]);
    });

    it('feeds a recommender its INT32 inputs by name, in any order', async () => {
      const response = await infer({
        model_name: 'likes',
        inputs: [
          { name: 'item', datatype: 'INT32', shape: [4, 1] },
          { name: 'user', datatype: 'INT32', shape: [4, 1] },
        ],
        raw_input_contents: [int32ToBytes(Int32Array.of(1, 2, 3, 0)), int32ToBytes(Int32Array.of(1, 2, 1, 0))],
      });
      const expected = [2, -2, 1, 0].map(sigmoid);
      rawFloats(response).forEach((probability, index) => expect(probability).toBeCloseTo(expected[index]!, 5));
    });

    it('refuses a seq2seq model as FAILED_PRECONDITION, pointing to Predict', async () => {
      const error = await failure(infer({ model_name: 'counting', inputs: [{ name: 'english', datatype: 'INT32', shape: [1, 4], contents: { int_contents: [0, 0, 0, 2] } }] }));
      expect(error.code).toBe(status.FAILED_PRECONDITION);
      expect(error.details).toContain('counting version 1 is a sequence-to-sequence model');
      expect(error.details).toContain('Predict');
    });

    describe('rejects what a client gets wrong, naming the field', () => {
      const one = () => penguinFeatures.subarray(0, featureCount);
      const user = (values: number[], rows = values.length): InferInputTensor => ({ name: 'user', datatype: 'INT32', shape: [rows, 1], contents: { int_contents: values } });
      const item = (values: number[], rows = values.length): InferInputTensor => ({ name: 'item', datatype: 'INT32', shape: [rows, 1], contents: { int_contents: values } });

      it.each<[string, () => ModelInferRequest, status, string]>([
        ['no model name', () => ({ inputs: [typedFeatures(one(), 1)] }), status.INVALID_ARGUMENT, 'invalid model_name: is required'],
        ['an unknown model', () => ({ model_name: 'nope', inputs: [typedFeatures(one(), 1)] }), status.NOT_FOUND, 'model "nope" not found'],
        ['an unknown version', () => ({ model_name: 'penguins', model_version: '9', inputs: [typedFeatures(one(), 1)] }), status.NOT_FOUND, '"penguins@9" not found'],
        ['an unknown alias', () => ({ model_name: 'penguins', model_version: 'staging', inputs: [typedFeatures(one(), 1)] }), status.NOT_FOUND, 'alias "penguins@staging" not found'],
        [
          'an unknown input name',
          () => ({ model_name: 'penguins', inputs: [typedFeatures(one(), 1, 'feature')] }),
          status.INVALID_ARGUMENT,
          `invalid inputs[0] "feature": is not an input of penguins version 1; it takes "features" (FP32 [-1, 12])`,
        ],
        ['a missing input', () => ({ model_name: 'likes', inputs: [user([1])] }), status.INVALID_ARGUMENT, 'invalid inputs: lacks "item" (INT32 [-1, 1]); likes version 1 takes "user" (INT32 [-1, 1]) and "item" (INT32 [-1, 1])'],
        ['an input sent twice', () => ({ model_name: 'likes', inputs: [user([1]), item([1]), user([2])] }), status.INVALID_ARGUMENT, 'invalid inputs[2] "user": repeats inputs[0]; send each input once'],
        [
          'a datatype the model does not take',
          () => ({ model_name: 'penguins', inputs: [{ name: 'features', datatype: 'FP64', shape: [1, 12], contents: { fp64_contents: Array.from(one()) } }] }),
          status.INVALID_ARGUMENT,
          'invalid inputs[0] "features": datatype must be FP32, got "FP64"',
        ],
        [
          'a shape of the wrong width',
          () => ({ model_name: 'penguins', inputs: [{ name: 'features', datatype: 'FP32', shape: [2, 6], contents: { fp32_contents: Array.from(one()) } }] }),
          status.INVALID_ARGUMENT,
          'invalid inputs[0] "features": shape must be [rows, 12], got [2, 6]',
        ],
        [
          'a one-dimensional shape',
          () => ({ model_name: 'penguins', inputs: [{ name: 'features', datatype: 'FP32', shape: [12], contents: { fp32_contents: Array.from(one()) } }] }),
          status.INVALID_ARGUMENT,
          'invalid inputs[0] "features": shape must be [rows, 12], got [12]',
        ],
        [
          'fewer typed values than the shape holds',
          () => ({ model_name: 'penguins', inputs: [{ ...typedFeatures(one(), 1), shape: [2, 12] }] }),
          status.INVALID_ARGUMENT,
          'invalid inputs[0] "features": contents.fp32_contents holds 12 values, but FP32 [2, 12] needs 24',
        ],
        [
          'raw bytes that do not match the shape',
          () => ({ model_name: 'penguins', inputs: [{ name: 'features', datatype: 'FP32', shape: [1, 12] }], raw_input_contents: [Buffer.alloc(20)] }),
          status.INVALID_ARGUMENT,
          'invalid inputs[0] "features": raw_input_contents[0] holds 20 bytes, but FP32 [1, 12] needs 48 (12 × 4)',
        ],
        [
          'raw and typed contents both',
          () => ({ model_name: 'likes', inputs: [{ name: 'user', datatype: 'INT32', shape: [1, 1] }, item([1])], raw_input_contents: [int32ToBytes(Int32Array.of(1)), int32ToBytes(Int32Array.of(1))] }),
          status.INVALID_ARGUMENT,
          'invalid inputs[1] "item": sets contents.int_contents, but the request carries raw_input_contents; send every input\'s values one way',
        ],
        [
          'fewer raw contents than inputs',
          () => ({ model_name: 'likes', inputs: [{ name: 'user', datatype: 'INT32', shape: [1, 1] }, { name: 'item', datatype: 'INT32', shape: [1, 1] }], raw_input_contents: [int32ToBytes(Int32Array.of(1))] }),
          status.INVALID_ARGUMENT,
          'invalid raw_input_contents: has 1 entry for 2 inputs; send one per input, in the order of inputs',
        ],
        [
          'values in the typed field of another datatype',
          () => ({ model_name: 'penguins', inputs: [{ name: 'features', datatype: 'FP32', shape: [1, 12], contents: { int_contents: Array.from(one(), Math.round) } }] }),
          status.INVALID_ARGUMENT,
          'invalid inputs[0] "features": sets contents.int_contents, but FP32 values travel in contents.fp32_contents',
        ],
        ['inputs of different batch sizes', () => ({ model_name: 'likes', inputs: [user([1, 2]), item([1, 2, 3])] }), status.INVALID_ARGUMENT, 'invalid inputs[1] "item": has 3 rows, but inputs[0] "user" has 2'],
        ['no rows', () => ({ model_name: 'penguins', inputs: [{ name: 'features', datatype: 'FP32', shape: [0, 12] }] }), status.INVALID_ARGUMENT, 'invalid inputs[0] "features": has no rows'],
        [
          'a value that is not finite',
          () => ({ model_name: 'penguins', inputs: [{ name: 'features', datatype: 'FP32', shape: [1, 12] }], raw_input_contents: [float32ToBytes(Float32Array.from(one(), (value, index) => (index === 3 ? Number.NaN : value)))] }),
          status.INVALID_ARGUMENT,
          'invalid inputs[0] "features": raw_input_contents[0] element 3 is NaN; values must be finite',
        ],
        ['an id outside the vocabulary', () => ({ model_name: 'likes', inputs: [user([1]), item([4])] }), status.INVALID_ARGUMENT, 'invalid inputs[1] "item": contents.int_contents[0] is 4; "item" takes whole-number ids from 0 to 3'],
        ['a negative id', () => ({ model_name: 'likes', inputs: [user([-1]), item([1])] }), status.INVALID_ARGUMENT, 'invalid inputs[0] "user": contents.int_contents[0] is -1'],
        [
          'an output the model does not have',
          () => ({ model_name: 'penguins', inputs: [typedFeatures(one(), 1)], outputs: [{ name: 'values' }] }),
          status.INVALID_ARGUMENT,
          'invalid outputs[0] "values": is not an output of penguins version 1; it answers "probabilities" (FP32 [-1, 3])',
        ],
        [
          `more rows than MAX_BATCH_ROWS (${MAX_BATCH_ROWS})`,
          () => ({ model_name: 'price', inputs: [{ name: 'features', datatype: 'FP32', shape: [MAX_BATCH_ROWS + 1, 1] }], raw_input_contents: [Buffer.alloc(4 * (MAX_BATCH_ROWS + 1))] }),
          status.RESOURCE_EXHAUSTED,
          `${MAX_BATCH_ROWS + 1} rows in one request; the limit is ${MAX_BATCH_ROWS} (MAX_BATCH_ROWS): split the batch`,
        ],
      ])('%s', async (_case, build, code, message) => {
        const error = await failure(infer(build()));
        expect(status[error.code]).toBe(status[code]);
        expect(error.details).toContain(message);
      });

      it('names the field in the aiaas-field trailer, as every platform service does', async () => {
        const error = await failure(infer({ model_name: 'likes', inputs: [user([1]), item([9])] }));
        expect(error.metadata.get(FIELD_TRAILER)).toEqual(['inputs[1] "item"']);
      });

      it('keeps serving after every rejection', async () => {
        await expect(call(client, 'ServerLive', {})).resolves.toEqual({ live: true });
        const response = await infer({ model_name: 'penguins', inputs: [typedFeatures(one(), 1)] });
        expect(response.outputs[0]!.shape).toEqual([1, 3]);
      });
    });
  });

  describe('over HTTP/JSON', () => {
    let http: OipHttpServer;
    let base: string;

    const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const json = async (response: Response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> });
    const featuresInput = (data: unknown, rows = 5) => ({ name: 'features', datatype: 'FP32', shape: [rows, featureCount], data });

    beforeAll(async () => {
      http = await OipHttpServer.start({ host: '127.0.0.1', port: 0, oip, maxBodyBytes: MAX_BODY_BYTES, logger: silentLogger });
      base = `http://127.0.0.1:${http.port}`;
    });

    afterAll(async () => {
      await http?.close(1_000);
    });

    it('answers live, ready, and the server metadata', async () => {
      await expect(json(await fetch(`${base}/v2/health/live`))).resolves.toEqual({ status: 200, body: { live: true } });
      await expect(json(await fetch(`${base}/v2/health/ready`))).resolves.toEqual({ status: 200, body: { ready: true } });
      registryReady = async () => false;
      await expect(json(await fetch(`${base}/v2/health/ready`))).resolves.toEqual({ status: 400, body: { ready: false } });
      await expect(json(await fetch(`${base}/v2`))).resolves.toEqual({ status: 200, body: { name: 'aiaas-inference', version: '9.9.9', extensions: [] } });
    });

    it('answers model metadata and readiness, with or without a version', async () => {
      const metadata = await json(await fetch(`${base}/v2/models/penguins`));
      expect(metadata).toEqual({
        status: 200,
        body: {
          name: 'penguins',
          versions: ['1', '2'],
          platform: 'tfjs_wasm',
          inputs: [{ name: 'features', datatype: 'FP32', shape: [-1, featureCount] }],
          outputs: [{ name: 'probabilities', datatype: 'FP32', shape: [-1, 3] }],
        },
      });
      await expect(json(await fetch(`${base}/v2/models/penguins/versions/2`))).resolves.toEqual(metadata);
      await expect(json(await fetch(`${base}/v2/models/penguins/ready`))).resolves.toEqual({ status: 200, body: { name: 'penguins', ready: true } });
      await expect(json(await fetch(`${base}/v2/models/penguins/versions/1/ready`))).resolves.toEqual({ status: 200, body: { name: 'penguins', ready: true } });
      await expect(json(await fetch(`${base}/v2/models/penguins/versions/9/ready`))).resolves.toEqual({ status: 400, body: { name: 'penguins', ready: false } });
    });

    it('answers 404 with an error for an unknown model, version or endpoint', async () => {
      const unknown = await json(await fetch(`${base}/v2/models/nope`));
      expect(unknown.status).toBe(404);
      expect(unknown.body['error']).toContain('model "nope" not found');
      expect((await json(await fetch(`${base}/v2/models/penguins/versions/9`))).status).toBe(404);
      const endpoint = await json(await fetch(`${base}/v3/models`));
      expect(endpoint.status).toBe(404);
      expect(endpoint.body['error']).toContain('no such endpoint: /v3/models');
    });

    it('infers from flat or nested JSON data exactly as Predict does, echoing the id', async () => {
      const expected = Array.from(await predictedProbabilities(penguinFeatures, 5));
      const flat = await json(await post('/v2/models/penguins/infer', { id: '42', inputs: [featuresInput(Array.from(penguinFeatures))] }));
      expect(flat).toEqual({ status: 200, body: { model_name: 'penguins', model_version: '1', id: '42', outputs: [{ name: 'probabilities', datatype: 'FP32', shape: [5, 3], data: expected }] } });

      const rows = Array.from({ length: 5 }, (_, row) => Array.from(penguinFeatures.subarray(row * featureCount, (row + 1) * featureCount)));
      const nested = await json(await post('/v2/models/penguins/versions/1/infer', { inputs: [featuresInput(rows)], outputs: [{ name: 'probabilities', parameters: { binary_data: false } }] }));
      expect(nested.status).toBe(200);
      expect(nested.body).not.toHaveProperty('id');
      expect(nested.body['outputs']).toEqual([{ name: 'probabilities', datatype: 'FP32', shape: [5, 3], data: expected }]);
    });

    it.each<[string, number, string | object, string]>([
      ['malformed JSON', 400, '{"inputs": [', 'the request body is not valid JSON'],
      ['a body that is not an object', 400, '[1, 2]', 'invalid body: must be a JSON object with "inputs"'],
      ['inputs that are not an array', 400, { inputs: { name: 'features' } }, 'invalid inputs: must be an array of input tensors'],
      ['an input without a name', 400, { inputs: [{ datatype: 'FP32', shape: [1, 12], data: [] }] }, 'invalid inputs[0].name: must be a string'],
      ['a shape of the wrong width', 400, { inputs: [{ name: 'features', datatype: 'FP32', shape: [1, 2], data: [] }] }, 'invalid inputs[0] "features": shape must be [rows, 12], got [1, 2]'],
      ['data that is not a number', 400, { inputs: [{ name: 'features', datatype: 'FP32', shape: [1, 12], data: [1, 2, 3, 'x', 5, 6, 7, 8, 9, 10, 11, 12] }] }, 'invalid inputs[0] "features": data[3] is "x"; FP32 values must be finite numbers'],
      ['data nested deeper than the shape', 400, { inputs: [{ name: 'features', datatype: 'FP32', shape: [1, 12], data: [[[1]]] }] }, 'invalid inputs[0] "features": data nests deeper than its 2-dimensional shape'],
      ['a datatype mismatch', 400, { inputs: [{ name: 'features', datatype: 'INT32', shape: [1, 12], data: new Array(12).fill(0) }] }, 'invalid inputs[0] "features": datatype must be FP32, got "INT32"'],
      ['too many rows for MAX_BATCH_ROWS', 413, { inputs: [{ name: 'features', datatype: 'FP32', shape: [MAX_BATCH_ROWS + 1, 12], data: [] }] }, `${MAX_BATCH_ROWS + 1} rows in one request`],
    ])('refuses %s with %d and an error', async (_case, code, body, message) => {
      const response = await json(await post('/v2/models/penguins/infer', body));
      expect(response.status).toBe(code);
      expect(response.body['error']).toContain(message);
    });

    it('refuses a seq2seq model with 400, pointing to Predict', async () => {
      const response = await json(await post('/v2/models/counting/infer', { inputs: [{ name: 'english', datatype: 'INT32', shape: [1, 4], data: [0, 0, 0, 2] }] }));
      expect(response.status).toBe(400);
      expect(response.body['error']).toContain('Predict');
    });

    it('refuses a body over the limit with 413, by its Content-Length or as it streams', async () => {
      const big = JSON.stringify({ inputs: [featuresInput(new Array(MAX_BODY_BYTES).fill(0.5))] });
      const declared = await json(await post('/v2/models/penguins/infer', big));
      expect(declared.status).toBe(413);
      expect(declared.body['error']).toContain(`the limit is ${MAX_BODY_BYTES} (INFERENCE_HTTP_MAX_BODY)`);

      // No Content-Length: a chunked body is cut off as it crosses the limit.
      const chunks = [Buffer.from(big.slice(0, MAX_BODY_BYTES / 2)), Buffer.from(big.slice(MAX_BODY_BYTES / 2))];
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          const chunk = chunks.shift();
          if (chunk) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const streamed = await fetch(`${base}/v2/models/penguins/infer`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
      expect(streamed.status).toBe(413);
    });

    it('refuses the binary tensor extension, other methods and bad percent-encoding', async () => {
      const binary = await fetch(`${base}/v2/models/penguins/infer`, { method: 'POST', headers: { 'inference-header-content-length': '10' }, body: '{}' });
      expect(binary.status).toBe(400);
      const wrongMethod = await fetch(`${base}/v2/models/penguins/infer`);
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get('allow')).toBe('POST');
      expect((await fetch(`${base}/v2/models/%E0%A4%A`)).status).toBe(400);
    });

    it('keeps serving after every rejection', async () => {
      const response = await json(await post('/v2/models/price/infer', { inputs: [{ name: 'features', datatype: 'FP32', shape: [2, 1], data: [[0], [1]] }] }));
      expect(response.body['outputs']).toEqual([{ name: 'values', datatype: 'FP32', shape: [2], data: [1, 3] }]);
    });

    it('lets a request in flight finish when it closes, and refuses new connections meanwhile', async () => {
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const slow = new OpenInference({
        repository,
        models: connections.registry.models,
        maxBatchRows: MAX_BATCH_ROWS,
        backend: 'wasm',
        serverVersion: '9.9.9',
        ready: async () => true,
        logger: silentLogger,
        run: async (version, inputs, rows) => {
          started();
          await gate;
          return version.run(inputs, rows);
        },
      });
      const closing = await OipHttpServer.start({ host: '127.0.0.1', port: 0, oip: slow, maxBodyBytes: MAX_BODY_BYTES, logger: silentLogger });
      const url = `http://127.0.0.1:${closing.port}`;
      const inFlight = fetch(`${url}/v2/models/price/infer`, { method: 'POST', body: JSON.stringify({ inputs: [{ name: 'features', datatype: 'FP32', shape: [1, 1], data: [0] }] }) });
      await running;
      const closed = closing.close(5_000);
      await expect(fetch(`${url}/v2/health/live`)).rejects.toThrow();
      release();
      await expect(json(await inFlight)).resolves.toEqual({ status: 200, body: { model_name: 'price', model_version: '1', outputs: [{ name: 'values', datatype: 'FP32', shape: [1], data: [1] }] } });
      await expect(closed).resolves.toBe('drained');
    });
  });
});
