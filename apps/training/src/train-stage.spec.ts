import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSeededRandom, type TransformPlanInput } from '@aiaas/data';
import { CancelledError, InvalidArgumentError } from '@aiaas/errors';
import { trainingSpecSchema, type TrainingSpecInput } from '@aiaas/model-spec';
import { loadModel, predictRows, selectBackend, type ComputeBackend } from '@aiaas/models';
import { silentLogger } from '@aiaas/observability';
import { DEFAULT_TENANT, type StageContext, type StageResult } from '@aiaas/queue';
import { createTestStageContext } from '@aiaas/queue/testing';
import { connectRegistry, type RegistryConnections } from '@aiaas/registry';
import { FsArtifactStore } from '@aiaas/storage';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { storeProcessedData, type TestRecord } from './processed-data.test-helpers';
import { createTrainProcessor } from './train-stage';

/** Two Gaussian blobs in 3 dimensions, one per class. */
function blobs(rows: number, seed: number): TestRecord[] {
  const random = createSeededRandom(seed);
  return Array.from({ length: rows }, (_, row) => {
    const side = row % 2 === 1 ? 'right' : 'left';
    const centre = side === 'right' ? 1.5 : -1.5;
    return { a: centre + (random() - 0.5) * 2, b: centre + (random() - 0.5) * 2, c: centre + (random() - 0.5) * 2, side };
  });
}

const BLOBS_PLAN: TransformPlanInput = {
  columns: ['a', 'b', 'c'].map((column) => ({ column, type: 'numeric' })),
  target: { column: 'side', task: 'classification' },
};

describe('train stage', () => {
  const prefix = uniquePrefix('train');
  let root: string;
  let store: FsArtifactStore;
  let connections: RegistryConnections;
  let backend: ComputeBackend;
  let processed: StageResult<'preprocess'>;
  let line: StageResult<'preprocess'>;

  const processor = () => createTrainProcessor({ models: connections.registry.models, store, backend });
  const spec = (input: TrainingSpecInput = {}) =>
    trainingSpecSchema.parse({ model: { family: 'mlp', hiddenLayers: [{ units: 16 }] }, epochs: 5, batchSize: 32, learningRate: 0.05, seed: 3, ...input });
  const contextFor = (jobId: string, modelName: string, input: TrainingSpecInput = {}, data = processed, options = {}) =>
    createTestStageContext<'train'>({ tenant: DEFAULT_TENANT, jobId, modelName, training: spec(input) }, data, options);

  beforeAll(async () => {
    backend = await selectBackend('wasm', silentLogger);
    connections = connectRegistry({ redisUrl: testRedisUrl(), prefix });
    root = mkdtempSync(join(tmpdir(), 'aiaas-train-'));
    store = new FsArtifactStore(root);
    processed = await storeProcessedData(store, BLOBS_PLAN, { train: blobs(200, 1), test: blobs(40, 2) });
    const random = createSeededRandom(5);
    const points = (rows: number) =>
      Array.from({ length: rows }, () => {
        const x = random() * 10;
        return { x, y: 300 + 20 * x + (random() - 0.5) };
      });
    line = await storeProcessedData(store, { columns: [{ column: 'x', type: 'numeric' }], target: { column: 'y', task: 'regression' } }, { train: points(300), test: points(50) });
  });

  afterAll(async () => {
    await deleteKeysWithPrefix(connections.redis, prefix);
    connections.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('trains, reports and checkpoints each epoch, and registers a version with its lineage, fit and kernel preflight', async () => {
    const { context, reports } = contextFor('job_a', 'blobs');
    const tensorsBefore = tf.memory().numTensors;

    const { result, summary } = await processor()(context);

    expect(result).toEqual({ modelName: 'blobs', version: 1 });
    expect(summary).toMatch(
      /^blobs version 1: loss \d\.\d{4}, accuracy \d\.\d{4}, val_loss \d\.\d{4}, val_accuracy \d\.\d{4}, val_macro_f1 \d\.\d{4}, val_roc_auc \d\.\d{4} after 5 epochs on 180 rows \(\d+ samples\/s on wasm\)$/,
    );
    expect(reports.versions).toEqual([1]);
    expect(reports.epochs.map((epoch) => epoch.epoch)).toEqual([1, 2, 3, 4, 5]);
    // Macro-F1 and ROC-AUC come from libs/metrics, as evaluation computes them.
    expect(Object.keys(reports.epochs[0]!.metrics).sort()).toEqual(['accuracy', 'learning_rate', 'loss', 'val_accuracy', 'val_loss', 'val_macro_f1', 'val_roc_auc']);
    const last = reports.epochs[4]!.metrics;
    expect(last['val_roc_auc']).toBeGreaterThan(0.5);
    expect(last['val_macro_f1']).toBeLessThanOrEqual(1);
    expect(reports.epochs[0]!.etaSeconds).toBeGreaterThan(0);
    expect(reports.epochs[4]!.etaSeconds).toBe(0);
    expect(reports.checkpoints).toHaveLength(5);
    expect(tf.memory().numTensors).toBe(tensorsBefore);

    const record = await connections.registry.models.getVersion('blobs', 1);
    expect(record).toMatchObject({
      jobId: 'job_a',
      task: 'classification',
      head: 'sigmoid',
      labels: 'class-index',
      classLabels: ['left', 'right'],
      inputs: [{ name: 'features', dtype: 'float32', width: 3 }],
      featureCount: 3,
      fit: { trainRows: 180, validationRows: 20, epochsRun: 5, ending: 'completed', keptEpoch: 5 },
    });
    expect(record.fit.lossHistory).toHaveLength(5);
    expect(record.fit.lossHistory[4]).toBeLessThan(record.fit.lossHistory[0]!);
    expect(record.preflight.kernels.length).toBeGreaterThan(0);
    expect(record.preflight.backends.find((entry) => entry.backend === 'wasm')).toEqual({ backend: 'wasm', status: 'supported', missing: [] });
    expect(record.artifacts).toMatchObject({ transform: processed.transform, splits: processed.splits });

    const model = await loadModel(store, record.artifacts);
    const probabilityOfRight = await predictRows(model, [new Float32Array([-2, -2, -2, 2, 2, 2])], 2);
    expect(probabilityOfRight[0]).toBeLessThan(0.5);
    expect(probabilityOfRight[1]).toBeGreaterThan(0.5);
    model.dispose();
  });

  it('gives the same model for the same seed and data, and another for another seed', async () => {
    const first = await processor()(contextFor('job_b', 'seeded').context);
    const second = await processor()(contextFor('job_c', 'seeded').context);
    const third = await processor()(contextFor('job_c2', 'seeded', { seed: 4 }).context);
    const [a, b, c] = await Promise.all([first, second, third].map(({ result }) => connections.registry.models.getVersion('seeded', result.version)));
    expect(b!.artifacts.weights).toBe(a!.artifacts.weights);
    expect(b!.fit.metrics).toEqual(a!.fit.metrics);
    expect(c!.artifacts.weights).not.toBe(a!.artifacts.weights);
  });

  it('keeps the version number of a job across retries', async () => {
    const first = await processor()(contextFor('job_d', 'retried').context);
    const retry = await processor()(contextFor('job_d', 'retried').context);
    expect(retry.result.version).toBe(first.result.version);
  });

  it('stops at a batch boundary when cancelled, then resumes from the checkpoint to exactly the model of an uninterrupted run', async () => {
    const withDropout: TrainingSpecInput = { model: { family: 'mlp', hiddenLayers: [{ units: 16, dropout: 0.2 }] }, epochs: 4, optimizer: { kind: 'rmsprop' } };
    const uninterrupted = await processor()(contextFor('job_whole', 'resumed', withDropout).context);

    const cancellation = new AbortController();
    const { context, reports } = contextFor('job_split', 'resumed', withDropout, processed, { signal: cancellation.signal });
    const cancelAfterTwo: StageContext<'train'> = {
      ...context,
      epochEnded: async (epoch, epochs, metrics, eta) => {
        await context.epochEnded(epoch, epochs, metrics, eta);
        if (epoch === 2) cancellation.abort();
      },
    };
    await expect(processor()(cancelAfterTwo)).rejects.toThrow(new CancelledError('training was cancelled after 2 of 4 epochs'));
    expect(reports.checkpoints).toHaveLength(2);

    const resumed = createTestStageContext<'train'>({ tenant: DEFAULT_TENANT, jobId: 'job_split', modelName: 'resumed', training: spec(withDropout) }, processed, { checkpoint: reports.checkpoints[1] });
    await processor()(resumed.context);
    expect(resumed.reports.epochs.map((epoch) => epoch.epoch)).toEqual([3, 4]);

    const [whole, split] = await Promise.all([
      connections.registry.models.getVersion('resumed', uninterrupted.result.version),
      connections.registry.models.getVersion('resumed', 2),
    ]);
    expect(split.artifacts.weights).toBe(whole.artifacts.weights);
    expect(split.fit.lossHistory).toEqual(whole.fit.lossHistory);
  });

  it('stops early when validation loss stops improving and keeps the best epoch', async () => {
    const { context } = contextFor('job_early', 'early', { epochs: 60, learningRate: 0.3, earlyStopping: { patience: 2, minDelta: 0.001 } });
    await processor()(context);
    const record = await connections.registry.models.getVersion('early', 1);
    expect(record.fit.ending).toBe('stopped-early');
    expect(record.fit.epochsRun).toBeLessThan(60);
    expect(record.fit.keptEpoch).toBe(record.fit.epochsRun - 2);
    const best = Math.min(...record.fit.validationLossHistory);
    expect(record.fit.metrics['val_loss']).toBe(best);
  });

  it('regresses a numeric target in its own units', async () => {
    const { context } = contextFor('job_reg', 'line', { model: { family: 'mlp', hiddenLayers: [{ units: 8, activation: 'tanh' }] }, epochs: 30, loss: 'huber', huberDelta: 5 }, line);
    await processor()(context);
    const record = await connections.registry.models.getVersion('line', 1);
    expect(record).toMatchObject({ task: 'regression', head: 'linear', labels: 'value', classLabels: [] });
    const model = await loadModel(store, record.artifacts);
    // x is standardised by the transform: the middle of the range, x = 5, is 0.
    const [middle] = await predictRows(model, [new Float32Array([0])], 1);
    model.dispose();
    expect(middle).toBeGreaterThan(380);
    expect(middle).toBeLessThan(420);
  });

  it('fails for good, naming the field, on a spec the data cannot feed or a learning rate that diverges', async () => {
    await expect(processor()(contextFor('job_text', 'bad', { model: { family: 'text' } }).context)).rejects.toThrow(InvalidArgumentError);
    await expect(processor()(contextFor('job_text', 'bad', { model: { family: 'text' } }).context)).rejects.toThrow(/invalid training\.text|invalid training\.model/);
    const diverging = contextFor('job_nan', 'bad', { optimizer: { kind: 'sgd' }, learningRate: 10, loss: 'mse', epochs: 3 }, line);
    await expect(processor()(diverging.context)).rejects.toThrow(/invalid training\.learning_rate: training diverged/);
  });
});
