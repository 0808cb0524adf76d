import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classificationSplitData, denseOutputs, storeSplits } from '@aiaas/data';
import { buildMlpClassifier, saveModel, selectBackend } from '@aiaas/models';
import { silentLogger } from '@aiaas/observability';
import { connectRegistry, type RegistryConnections } from '@aiaas/registry';
import { FsArtifactStore, putJson } from '@aiaas/storage';
import { createTestStageContext } from '@aiaas/queue/testing';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { createEvaluateProcessor } from './evaluate-stage';

describe('evaluate stage', () => {
  const prefix = uniquePrefix('evaluate');
  let root: string;
  let store: FsArtifactStore;
  let connections: RegistryConnections;

  // One feature; class 1 when it is positive. The test split has 3 rows of each class, and one
  // of the positives is deliberately on the wrong side, so a good model scores 5/6.
  const test = { rows: 6, features: new Float32Array([-3, -2, -1, 1, 2, -0.5]), labels: new Int32Array([0, 0, 0, 1, 1, 1]) };

  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
    connections = connectRegistry({ redisUrl: testRedisUrl(), prefix });
    root = mkdtempSync(join(tmpdir(), 'aiaas-evaluate-'));
    store = new FsArtifactStore(root);

    const train = { rows: 40, features: Float32Array.from({ length: 40 }, (_, i) => (i - 19.5) / 5), labels: Int32Array.from({ length: 40 }, (_, i) => (i >= 20 ? 1 : 0)) };
    const splits = await storeSplits(store, {
      outputs: denseOutputs(1),
      labelDtype: 'int32',
      classLabels: ['neg', 'pos'],
      train: classificationSplitData(train.features, train.labels),
      test: classificationSplitData(test.features, test.labels),
    });
    const model = buildMlpClassifier({ inputSize: 1, classes: 2, hiddenUnits: [4], dropout: 0, learningRate: 0.1, seed: 1 });
    const x = tf.tensor2d(train.features, [40, 1]);
    const y = tf.oneHot(tf.tensor1d(train.labels, 'int32'), 2);
    await model.fit(x, y, { epochs: 60, batchSize: 8, verbose: 0 });
    const artifacts = await saveModel(model, store);
    tf.dispose([x, y]);
    model.dispose();

    await connections.registry.models.reserveVersion('sign', 'job_train');
    await connections.registry.models.registerVersion({
      modelName: 'sign',
      version: 1,
      jobId: 'job_train',
      datasetId: 'ds_sign',
      targetColumn: 'sign',
      classLabels: ['neg', 'pos'],
      inputColumns: ['x'],
      featureCount: 1,
      backend: 'wasm',
      training: { hiddenUnits: [4], epochs: 60, batchSize: 8, learningRate: 0.1, dropout: 0, seed: 1, trainRows: 40, finalLoss: 0.1 },
      artifacts: { ...artifacts, transform: (await putJson(store, {})).ref, splits },
      createdAt: 1,
    });
  });

  afterAll(async () => {
    await deleteKeysWithPrefix(connections.redis, prefix);
    connections.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('scores the version on the test split and blesses it when accuracy reaches the threshold', async () => {
    const process = createEvaluateProcessor({ models: connections.registry.models, store, now: () => 99 });
    const { context } = createTestStageContext<'evaluate'>({ jobId: 'job_train', minAccuracy: 0.8 }, { modelName: 'sign', version: 1 });
    const { result, summary } = await process(context);

    expect(result).toEqual({ modelName: 'sign', version: 1, blessed: true, reason: 'test accuracy 0.833 >= min_accuracy 0.800' });
    expect(summary).toBe('accuracy 0.833, macro-F1 0.829 on 6 test rows: blessed (test accuracy 0.833 >= min_accuracy 0.800)');
    const view = await connections.registry.models.getVersionView('sign', 1);
    expect(view.evaluation).toMatchObject({ status: 'blessed', evaluatedAt: 99, metrics: { testRows: 6, confusionMatrix: [3, 0, 1, 2] } });
  });

  it('rejects the version when accuracy falls short, and says by how much', async () => {
    const process = createEvaluateProcessor({ models: connections.registry.models, store });
    const { context } = createTestStageContext<'evaluate'>({ jobId: 'job_train', minAccuracy: 0.9 }, { modelName: 'sign', version: 1 });
    const { result } = await process(context);
    expect(result).toMatchObject({ blessed: false, reason: 'test accuracy 0.833 < min_accuracy 0.900' });
    await expect(connections.registry.models.getVersionView('sign', 1)).resolves.toMatchObject({ evaluation: { status: 'rejected' } });
  });
});
