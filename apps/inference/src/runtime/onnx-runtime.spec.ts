import { planTraining, trainingSpecSchema } from '@aiaas/model-spec';
import { buildModel, selectBackend } from '@aiaas/models';
import { silentLogger } from '@aiaas/observability';
import { exportToOnnx } from '@aiaas/onnx';
import { inProcessOnnx, type OnnxFeed, type OnnxSessionHost } from './onnx-runtime';
import { OnnxWorkerPool } from './onnx-worker-pool';

const WIDTH = 8;

/** An exported MLP over WIDTH features with seeded weights, and its graph's input and output names. */
function exportedMlp(seed: number) {
  const training = trainingSpecSchema.parse({ model: { family: 'mlp', hiddenLayers: [{ units: 16 }] }, seed });
  const plan = planTraining(training, { task: 'classification', classLabels: ['a', 'b', 'c'], outputs: [{ kind: 'dense', name: 'features', width: WIDTH }], hasValidation: false });
  const model = buildModel(plan);
  const exported = exportToOnnx(model);
  model.dispose();
  if (!exported.supported) throw new Error(exported.reason);
  return { bytes: exported.bytes, input: exported.inputs[0]!.name, output: exported.outputs[0]!.name };
}

/** `rows` rows of features, as a view into a larger buffer (as a request's decoded tensor often is). */
function featureView(rows: number, offset: number): Float32Array {
  const buffer = new Float32Array(rows * WIDTH + 2 * offset).map((_, index) => Math.sin(index * 0.37));
  return buffer.subarray(offset, offset + rows * WIDTH);
}

describe('ONNX Runtime sessions on the event loop and on worker threads', () => {
  let models: ReturnType<typeof exportedMlp>[];
  const pool = new OnnxWorkerPool(2);
  const feed = (model: (typeof models)[number], values: Float32Array): OnnxFeed[] => [{ name: model.input, dtype: 'float32', values, dims: [values.length / WIDTH, WIDTH] }];

  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
    models = [exportedMlp(1), exportedMlp(2)];
  });

  afterAll(async () => {
    await pool.close();
  });

  it("answers on a worker exactly what the event loop's session answers, for each of several sessions run at once", async () => {
    const open = (host: OnnxSessionHost) => Promise.all(models.map((model) => host.open(model.bytes, 1)));
    const [local, remote] = await Promise.all([open(inProcessOnnx), open(pool)]);
    const calls = Array.from({ length: 24 }, (_, call) => ({ model: call % 2, values: featureView(1 + (call % 5), call) }));
    const expected = await Promise.all(calls.map(({ model, values }) => local[model]!.run(feed(models[model]!, values), models[model]!.output)));
    const answered = await Promise.all(calls.map(({ model, values }) => remote[model]!.run(feed(models[model]!, values), models[model]!.output)));
    expect(answered.map((values) => Array.from(values))).toEqual(expected.map((values) => Array.from(values)));
    expect(answered[0]).toHaveLength(3);
    // The two models differ, so no answer went to the wrong caller unnoticed.
    expect(Array.from(expected[0]!)).not.toEqual(Array.from(expected[1]!));
    await Promise.all([...local, ...remote].map((session) => session.release()));
  });

  it("leaves the caller's inputs readable: they are copied to the worker, not taken away", async () => {
    const session = await pool.open(models[0]!.bytes, 1);
    const values = featureView(4, 3);
    const before = Array.from(values);
    await session.run(feed(models[0]!, values), models[0]!.output);
    expect(Array.from(values)).toEqual(before);
    await session.release();
    await expect(session.run(feed(models[0]!, values), models[0]!.output)).rejects.toThrow(/^ONNX session \d+ is not open$/);
  });

  it('reports a model ONNX Runtime cannot load, and a call on a closed pool, as errors', async () => {
    await expect(pool.open(Uint8Array.from([1, 2, 3]), 1)).rejects.toThrow(/protobuf parsing failed|Failed to load model/i);
    const closing = new OnnxWorkerPool(1);
    const session = await closing.open(models[1]!.bytes, 1);
    await closing.close();
    await expect(session.run(feed(models[1]!, featureView(1, 0)), models[1]!.output)).rejects.toThrow('the ONNX Runtime worker pool is closed');
  });
});
