import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classificationSplitData, createSeededRandom, denseOutputs, storeSplits, type SplitData } from '@aiaas/data';
import { loadModel, predictProbabilities, selectBackend, type ComputeBackend } from '@aiaas/models';
import { silentLogger } from '@aiaas/observability';
import type { StageResult } from '@aiaas/queue';
import { connectRegistry, type RegistryConnections } from '@aiaas/registry';
import { FsArtifactStore, putJson } from '@aiaas/storage';
import { createTestStageContext } from '@aiaas/queue/testing';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { createTrainProcessor } from './train-stage';

/** Two Gaussian blobs in 3 dimensions, one per class. */
function blobs(rows: number, seed: number): SplitData {
  const random = createSeededRandom(seed);
  const features = new Float32Array(rows * 3);
  const labels = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    const label = row % 2;
    labels[row] = label;
    for (let column = 0; column < 3; column++) features[row * 3 + column] = (label === 1 ? 1.5 : -1.5) + (random() - 0.5) * 2;
  }
  return classificationSplitData(features, labels);
}

describe('train stage', () => {
  const prefix = uniquePrefix('train');
  let root: string;
  let store: FsArtifactStore;
  let connections: RegistryConnections;
  let backend: ComputeBackend;
  let processed: StageResult<'preprocess'>;

  beforeAll(async () => {
    backend = await selectBackend('wasm', silentLogger);
    connections = connectRegistry({ redisUrl: testRedisUrl(), prefix });
    root = mkdtempSync(join(tmpdir(), 'aiaas-train-'));
    store = new FsArtifactStore(root);
    const splits = await storeSplits(store, { outputs: denseOutputs(3), labelDtype: 'int32', classLabels: ['left', 'right'], train: blobs(200, 1), test: blobs(40, 2) });
    const transform = await putJson(store, { note: 'not read by training' });
    processed = {
      datasetId: 'ds_blobs',
      targetColumn: 'side',
      task: 'classification',
      classLabels: ['left', 'right'],
      inputColumns: ['a', 'b', 'c'],
      outputs: denseOutputs(3),
      featureCount: 3,
      trainRows: 200,
      validationRows: 0,
      testRows: 40,
      dropped: { missingTarget: 0, anomalies: 0, duplicates: 0, missingSplitKey: 0 },
      transform: transform.ref,
      splits,
    };
  });

  afterAll(async () => {
    await deleteKeysWithPrefix(connections.redis, prefix);
    connections.close();
    rmSync(root, { recursive: true, force: true });
  });

  const training = { hiddenUnits: [16], epochs: 5, batchSize: 32, learningRate: 0.05, dropout: 0, seed: 3 };

  it('trains, reports each epoch, saves the model and registers a version with its lineage', async () => {
    const process = createTrainProcessor({ models: connections.registry.models, store, backend });
    const { context, reports } = createTestStageContext<'train'>({ jobId: 'job_a', modelName: 'blobs', training }, processed);
    const tensorsBefore = tf.memory().numTensors;

    const { result, summary } = await process(context);

    expect(result).toEqual({ modelName: 'blobs', version: 1 });
    expect(summary).toMatch(/^blobs version 1: loss \d\.\d{4} after 5 epochs on 200 rows \(\d+ samples\/s on wasm\)$/);
    expect(reports.versions).toEqual([1]);
    expect(reports.epochs.map((epoch) => epoch.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(Object.keys(reports.epochs[0]!.metrics).sort()).toEqual(['acc', 'loss', 'val_acc', 'val_loss']);
    expect(tf.memory().numTensors).toBe(tensorsBefore);

    const record = await connections.registry.models.getVersion('blobs', 1);
    expect(record).toMatchObject({ jobId: 'job_a', datasetId: 'ds_blobs', backend: 'wasm', classLabels: ['left', 'right'], featureCount: 3 });
    expect(record.artifacts).toMatchObject({ transform: processed.transform, splits: processed.splits });

    const model = await loadModel(store, record.artifacts);
    const probabilities = await predictProbabilities(model, new Float32Array([-2, -2, -2, 2, 2, 2]), 2, 3);
    expect(probabilities[0]).toBeGreaterThan(0.5);
    expect(probabilities[3]).toBeGreaterThan(0.5);
    model.dispose();
  });

  it('gives the same model for the same seed and data', async () => {
    const process = createTrainProcessor({ models: connections.registry.models, store, backend });
    const first = await process(createTestStageContext<'train'>({ jobId: 'job_b', modelName: 'seeded', training }, processed).context);
    const second = await process(createTestStageContext<'train'>({ jobId: 'job_c', modelName: 'seeded', training }, processed).context);
    const [a, b] = await Promise.all([
      connections.registry.models.getVersion('seeded', first.result.version),
      connections.registry.models.getVersion('seeded', second.result.version),
    ]);
    expect(b.artifacts.weights).toBe(a.artifacts.weights);
    expect(b.training.finalLoss).toBe(a.training.finalLoss);
  });

  it('keeps the version number of a job across retries', async () => {
    const process = createTrainProcessor({ models: connections.registry.models, store, backend });
    const first = await process(createTestStageContext<'train'>({ jobId: 'job_d', modelName: 'retried', training }, processed).context);
    const retry = await process(createTestStageContext<'train'>({ jobId: 'job_d', modelName: 'retried', training }, processed).context);
    expect(retry.result.version).toBe(first.result.version);
  });
});
