import { credentials, loadPackageDefinition, Metadata, status, type Client, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { Redis } from 'ioredis';
import { penguinRecords, penguinsCsv } from '@aiaas/datasets';
import { GatewayClient } from '@aiaas/proto';
import { bytesToFloat32 } from '@aiaas/tensor';
import { deleteKeysWithPrefix } from '@aiaas/testing';
import { collect, toRecord, uploadMessages } from './gateway-calls';
import { startTestPlatform, WORKSPACE_ROOT, type TestPlatform } from './test-platform';

const EPOCHS = 30;
const DEADLINE_MS = 30_000;

/** What an OIP client written against the published proto sees, loaded the way such a client loads it. */
interface OipTensor {
  name: string;
  datatype: string;
  shape: number[];
}
interface ModelInferResponse {
  model_name: string;
  model_version: string;
  id: string;
  outputs: OipTensor[];
  raw_output_contents: Buffer[];
}
type Unary = (request: object, metadata: Metadata, options: { deadline: Date }, callback: (error: ServiceError | null, response?: unknown) => void) => void;
type OipClient = Client & Record<'ServerLive' | 'ServerReady' | 'ServerMetadata' | 'ModelReady' | 'ModelMetadata' | 'ModelInfer', Unary>;

/** A plain @grpc/grpc-js client of `inference.GRPCInferenceService`, from the proto file alone. */
function oipClient(address: string): OipClient {
  const definition = loadSync(join(WORKSPACE_ROOT, 'protos/inference/grpc_service.proto'), { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true });
  const grpcObject = loadPackageDefinition(definition) as unknown as { inference: { GRPCInferenceService: new (address: string, creds: unknown) => OipClient } };
  return new grpcObject.inference.GRPCInferenceService(address, credentials.createInsecure());
}

function call<Res>(client: OipClient, method: keyof OipClient & ('ServerLive' | 'ServerReady' | 'ServerMetadata' | 'ModelReady' | 'ModelMetadata' | 'ModelInfer'), request: object): Promise<Res> {
  return new Promise<Res>((resolve, reject) =>
    client[method].call(client, request, new Metadata(), { deadline: new Date(Date.now() + DEADLINE_MS) }, (error, response) => (error ? reject(error) : resolve(response as Res))),
  );
}

describe('the Open Inference Protocol v2 on the inference service, end to end', () => {
  let test: TestPlatform;
  let gateway: GatewayClient;
  let oip: OipClient;
  let version: number;
  const labelled = penguinRecords()
    .filter((penguin) => penguin.species !== null)
    .slice(0, 40);
  const records = labelled.map(({ species: _species, ...measurements }) => toRecord(measurements));

  beforeAll(async () => {
    test = await startTestPlatform();
    gateway = test.gatewayClient();
    oip = oipClient(test.platform.service('inference').address);
    const dataset = await gateway.uploadDataset(uploadMessages(penguinsCsv(), 'penguins'));
    const job = await gateway.startPipeline({ dataset_id: dataset.id, target_column: 'species', model_name: 'penguins', training: { epochs: EPOCHS } });
    const events = await collect(gateway, job.id);
    expect(events.at(-1)!.job_finished).toMatchObject({ state: 'JOB_STATE_SUCCEEDED' });
    version = events.at(-1)!.job_finished!.model_version;
  });

  afterAll(async () => {
    oip?.close();
    gateway?.close();
    if (test?.platform.services.some((service) => service.running)) await test.stop();
    if (test) {
      const redis = new Redis(test.redisUrl);
      await deleteKeysWithPrefix(redis, test.prefix);
      redis.disconnect();
    }
  });

  /** The production version's features for `records`, and its Predict probabilities for them, through the gateway. */
  async function platformAnswers(): Promise<{ features: Buffer; width: number; probabilities: number[] }> {
    const transformed = await gateway.transformRecords({ model_name: 'penguins', records: { records } });
    const features = transformed.outputs.find((output) => output.name === 'features')!.tensor!;
    const predicted = await gateway.predict({ model_name: 'penguins', records: { records } });
    expect(predicted.version).toBe(version);
    return { features: features.raw_data, width: Number(features.shape[1]), probabilities: Array.from(bytesToFloat32(predicted.probabilities!.raw_data)) };
  }

  it('answers health and metadata over gRPC for the model the pipeline deployed', async () => {
    await expect(call(oip, 'ServerLive', {})).resolves.toEqual({ live: true });
    await expect(call(oip, 'ServerReady', {})).resolves.toEqual({ ready: true });
    await expect(call(oip, 'ServerMetadata', {})).resolves.toEqual({ name: 'aiaas-inference', version: '0.1.0', extensions: [] });
    await expect(call(oip, 'ModelReady', { name: 'penguins' })).resolves.toEqual({ ready: true });
    await expect(call(oip, 'ModelReady', { name: 'penguins', version: String(version + 1) })).resolves.toEqual({ ready: false });
    const { width } = await platformAnswers();
    await expect(call(oip, 'ModelMetadata', { name: 'penguins' })).resolves.toEqual({
      name: 'penguins',
      versions: [String(version)],
      // ONNX Runtime when the version's ONNX export agrees with TF.js, else TF.js on wasm.
      platform: expect.stringMatching(/^(onnxruntime_onnx|tfjs_wasm)$/),
      inputs: [{ name: 'features', datatype: 'FP32', shape: [-1, width] }],
      outputs: [{ name: 'probabilities', datatype: 'FP32', shape: [-1, 3] }],
    });
  });

  it('infers over gRPC from TransformRecords features exactly what Predict answers for the raw records', async () => {
    const { features, width, probabilities } = await platformAnswers();
    const response = await call<ModelInferResponse>(oip, 'ModelInfer', {
      model_name: 'penguins',
      id: 'e2e-1',
      inputs: [{ name: 'features', datatype: 'FP32', shape: [records.length, width] }],
      raw_input_contents: [features],
    });
    expect(response).toMatchObject({ model_name: 'penguins', model_version: String(version), id: 'e2e-1', outputs: [{ name: 'probabilities', datatype: 'FP32', shape: [records.length, 3] }] });
    expect(Array.from(bytesToFloat32(response.raw_output_contents[0]!))).toEqual(probabilities);
  });

  it('infers over HTTP/JSON the same probabilities', async () => {
    const { features, width, probabilities } = await platformAnswers();
    const base = `http://127.0.0.1:${test.loggedPort('inference', 'oip http listening')}`;
    expect((await fetch(`${base}/v2/health/ready`)).status).toBe(200);
    const response = await fetch(`${base}/v2/models/penguins/versions/${version}/infer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'e2e-2', inputs: [{ name: 'features', datatype: 'FP32', shape: [records.length, width], data: Array.from(bytesToFloat32(features)) }] }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      model_name: 'penguins',
      model_version: String(version),
      id: 'e2e-2',
      outputs: [{ name: 'probabilities', datatype: 'FP32', shape: [records.length, 3], data: probabilities }],
    });
  });

  it('exports the version as an ONNX file that ONNX Runtime, outside the platform, runs to the same probabilities', async () => {
    const { features, width, probabilities } = await platformAnswers();
    const exported = await gateway.exportModel({ model_name: 'penguins' });
    expect(exported).toMatchObject({ model_name: 'penguins', version, inputs: [{ dtype: 'float32', shape: [-1, width] }], outputs: [{ dtype: 'float32', shape: [-1, 3] }] });
    const session = await InferenceSession.create(exported.onnx);
    const rows = records.length;
    const result = await session.run({ [exported.inputs[0]!.name]: new Tensor('float32', bytesToFloat32(features), [rows, width]) });
    const answered = Array.from(result[exported.outputs[0]!.name]!.data as Float32Array);
    answered.forEach((value, index) => expect(value).toBeCloseTo(probabilities[index]!, 5));
    await session.release();

    // The same file through the CLI.
    const scratch = mkdtempSync(join(tmpdir(), 'aiaas-export-'));
    try {
      const file = join(scratch, 'penguins.onnx');
      await test.cli(['export', 'penguins', '--out', file]);
      expect(readFileSync(file).equals(Buffer.from(exported.onnx))).toBe(true);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('streams predictions through the gateway: one answer per request, in order, and a bad request ends the stream naming it', async () => {
    const requests = records.slice(0, 40).map((record) => ({ model_name: 'penguins', records: { records: [record] } }));
    const answers = [];
    for await (const answer of gateway.predictStream(requests)) answers.push(answer);
    expect(answers).toHaveLength(40);
    const unary = await gateway.predict({ model_name: 'penguins', records: { records: records.slice(0, 40) } });
    expect(answers.map((answer) => answer.predicted_labels[0])).toEqual(unary.predicted_labels);
    expect(new Set(answers.map((answer) => answer.version))).toEqual(new Set([version]));

    const bad = [...requests.slice(0, 3), { model_name: 'penguins', records: { records: [toRecord({ wingspan: 3 })] } }, ...requests.slice(3, 6)];
    const received = [];
    let error: unknown;
    try {
      for await (const answer of gateway.predictStream(bad)) received.push(answer);
    } catch (caught) {
      error = caught;
    }
    expect(received.length).toBeLessThanOrEqual(3);
    expect(error).toMatchObject({ field: 'requests[3].records.records[0].fields["wingspan"]' });
    // The service is still up.
    await expect(gateway.predict({ model_name: 'penguins', records: { records: records.slice(0, 1) } })).resolves.toMatchObject({ version });
  });

  it('refuses bad tensors as INVALID_ARGUMENT (400 over HTTP) naming the input, and keeps serving', async () => {
    const { width } = await platformAnswers();
    const error = await call(oip, 'ModelInfer', {
      model_name: 'penguins',
      inputs: [{ name: 'features', datatype: 'FP32', shape: [2, width] }],
      raw_input_contents: [Buffer.alloc(4 * width)],
    }).then(
      () => undefined,
      (failure: ServiceError) => failure,
    );
    expect(error).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(error!.details).toContain('inputs[0] "features"');

    const base = `http://127.0.0.1:${test.loggedPort('inference', 'oip http listening')}`;
    const malformed = await fetch(`${base}/v2/models/penguins/infer`, { method: 'POST', body: '{"inputs": [' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toContain('not valid JSON');
    await expect(call(oip, 'ServerLive', {})).resolves.toEqual({ live: true });
    expect(test.platform.service('inference').running).toBe(true);
  });
});
