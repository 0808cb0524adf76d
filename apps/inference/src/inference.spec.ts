import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classificationSplitData, defaultColumnPlan, denseOutputs, encodeRecords, storeSplits, TransformFitter, type RawValue } from '@aiaas/data';
import { PENGUIN_COLUMNS, penguinRecords } from '@aiaas/datasets';
import { FailedPreconditionError, InvalidArgumentError, NotFoundError, ResourceExhaustedError } from '@aiaas/errors';
import { buildMlpClassifier, saveModel, selectBackend } from '@aiaas/models';
import { silentLogger } from '@aiaas/observability';
import type { PredictRequest__Output, Record__Output, Tensor__Output } from '@aiaas/proto';
import { connectRegistry, type RegistryConnections } from '@aiaas/registry';
import { FsArtifactStore, putJson } from '@aiaas/storage';
import { bytesToFloat32, encodeTensor } from '@aiaas/tensor';
import { createTestStageContext } from '@aiaas/queue/testing';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { createDeployProcessor } from './deploy-stage';
import { ModelRepository } from './model-repository';
import { Predictor } from './predictor';

type PenguinRecord = ReturnType<typeof penguinRecords>[number];

function toRecord(fields: Record<string, RawValue>): Record__Output {
  return {
    fields: Object.fromEntries(
      Object.entries(fields).map(([name, value]) => [
        name,
        value === null || value === undefined
          ? { kind: 'null_value' as const, null_value: true }
          : typeof value === 'number'
            ? { kind: 'number_value' as const, number_value: value }
            : typeof value === 'boolean'
              ? { kind: 'bool_value' as const, bool_value: value }
              : { kind: 'string_value' as const, string_value: value },
      ]),
    ),
  };
}

function request(partial: Partial<PredictRequest__Output>): PredictRequest__Output {
  return { model_name: 'penguins', ...partial };
}

describe('inference', () => {
  const prefix = uniquePrefix('inference');
  let root: string;
  let connections: RegistryConnections;
  let repository: ModelRepository;
  let predictor: Predictor;
  const penguins = penguinRecords().filter((penguin) => penguin.species !== null);

  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
    connections = connectRegistry({ redisUrl: testRedisUrl(), prefix });
    root = mkdtempSync(join(tmpdir(), 'aiaas-inference-'));
    const store = new FsArtifactStore(root);

    const classes = ['Adelie', 'Chinstrap', 'Gentoo'];
    const columns = PENGUIN_COLUMNS.filter((column) => column !== 'species').map((column) => defaultColumnPlan(column, ['island', 'sex'].includes(column) ? 'categorical' : 'numeric'));
    const fitter = new TransformFitter({ columns, target: { column: 'species', task: 'classification' } });
    const read = (penguin: PenguinRecord, column: string) => penguin[column as keyof PenguinRecord];
    const transform = fitter.fit(() => penguins.map((penguin, index) => ({ row: { read: (column) => read(penguin, column), describe: (column) => `${index}.${column}` }, isTrain: true })));
    const featureCount = transform.outputs[0]!.width;
    const features = encodeRecords(transform, penguins, read, (i, c) => `${i}.${c}`).tensors['features'] as Float32Array;
    const labels = Int32Array.from(penguins, (penguin) => classes.indexOf(penguin.species as string));

    const model = buildMlpClassifier({ inputSize: featureCount, classes: 3, hiddenUnits: [16], dropout: 0, learningRate: 0.02, seed: 5 });
    const x = tf.tensor2d(features, [penguins.length, featureCount]);
    const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 3);
    await model.fit(x, y, { epochs: 30, batchSize: 32, verbose: 0 });
    const artifacts = await saveModel(model, store);
    tf.dispose([x, y]);
    model.optimizer.dispose();
    model.dispose();

    const split = classificationSplitData(features, labels);
    const splits = await storeSplits(store, { outputs: denseOutputs(featureCount), labelDtype: 'int32', classLabels: classes, train: split, test: split });
    const models = connections.registry.models;
    for (const [version, jobId] of [[1, 'job_one'], [2, 'job_two']] as const) {
      await models.reserveVersion('penguins', jobId);
      await models.registerVersion({
        modelName: 'penguins',
        version,
        jobId,
        datasetId: 'ds_penguins',
        targetColumn: 'species',
        classLabels: classes,
        inputColumns: transform.inputColumns,
        featureCount,
        backend: 'wasm',
        training: { hiddenUnits: [16], epochs: 30, batchSize: 32, learningRate: 0.02, dropout: 0, seed: 5, trainRows: penguins.length, finalLoss: 0.1 },
        artifacts: { ...artifacts, transform: (await putJson(store, transform)).ref, splits },
        createdAt: 1,
      });
    }
    const metrics = { accuracy: 0.97, macroF1: 0.96, testRows: 1, perClass: [], confusionMatrix: [] };
    await models.recordEvaluation('penguins', 1, { status: 'blessed', reason: 'good', metrics, evaluatedAt: 2 });
    await models.recordEvaluation('penguins', 2, { status: 'rejected', reason: 'test accuracy 0.4 < min_accuracy 0.9', metrics, evaluatedAt: 2 });

    repository = new ModelRepository(models, store, silentLogger);
    predictor = new Predictor(repository, 100);
  });

  afterAll(async () => {
    await repository.unloadAll();
    await deleteKeysWithPrefix(connections.redis, prefix);
    connections.close();
    rmSync(root, { recursive: true, force: true });
  });

  describe('deploy stage', () => {
    it('refuses to deploy a version evaluation rejected', async () => {
      const deploy = createDeployProcessor({ models: connections.registry.models, repository });
      const { context } = createTestStageContext<'deploy'>(
        { jobId: 'job_two', alias: 'production' },
        { modelName: 'penguins', version: 2, blessed: false, reason: 'test accuracy 0.4 < min_accuracy 0.9' },
      );
      await expect(deploy(context)).rejects.toThrow(FailedPreconditionError);
      await expect(predictor.predict(request({ records: { records: [toRecord({})] }, input: 'records' }))).rejects.toThrow(NotFoundError);
    });

    it('loads a blessed version and points the alias at it', async () => {
      const deploy = createDeployProcessor({ models: connections.registry.models, repository });
      const { context } = createTestStageContext<'deploy'>({ jobId: 'job_one', alias: 'production' }, { modelName: 'penguins', version: 1, blessed: true, reason: 'good' });
      await expect(deploy(context)).resolves.toMatchObject({ result: { modelName: 'penguins', version: 1, alias: 'production' } });
      expect((await repository.list()).map((loaded) => loaded.record.version)).toEqual([1]);
    });
  });

  describe('Predict', () => {
    it('answers raw records through the fitted transform with class probabilities', async () => {
      const sample = penguins.slice(0, 3).concat(penguins.filter((penguin) => penguin.species === 'Gentoo').slice(0, 2));
      const response = await predictor.predict(request({ input: 'records', records: { records: sample.map((penguin) => toRecord({ ...penguin, species: undefined })) } }));
      expect(response).toMatchObject({ model_name: 'penguins', version: 1, class_labels: ['Adelie', 'Chinstrap', 'Gentoo'] });
      expect(response.probabilities).toMatchObject({ dtype: 'DATA_TYPE_FLOAT32', shape: [5, 3] });
      const probabilities = bytesToFloat32(response.probabilities!.raw_data as Buffer);
      for (let row = 0; row < 5; row++) expect(probabilities[row * 3]! + probabilities[row * 3 + 1]! + probabilities[row * 3 + 2]!).toBeCloseTo(1, 5);
      expect(response.predicted_labels).toEqual(['Adelie', 'Adelie', 'Adelie', 'Gentoo', 'Gentoo']);
    });

    it('answers a transformed features tensor, by explicit version', async () => {
      const width = (await repository.load('penguins', 1)).record.featureCount;
      const tensor = encodeTensor(new Float32Array(2 * width), [2, width]) as Tensor__Output;
      const response = await predictor.predict(request({ input: 'features', features: { ...tensor, float_values: [], int_values: [] }, version_selector: 'version', version: 1 }));
      expect(response.predicted_labels).toHaveLength(2);
    });

    it.each([
      ['a wrong feature count', () => request({ input: 'features', features: { dtype: 'DATA_TYPE_FLOAT32', shape: [1, 3], raw_data: Buffer.alloc(0), float_values: [1, 2, 3], int_values: [] } }), 'invalid features.shape: penguins version 1 takes [rows, 12] features, got [1, 3]'],
      ['a non-numeric value in a numeric column', () => request({ input: 'records', records: { records: [toRecord({ beak_length_mm: 40 }), toRecord({ beak_length_mm: 'long' })] } }), 'invalid records.records[1].fields["beak_length_mm"]: "long" is not a number; column "beak_length_mm" is numeric'],
      ['a field that is not an input', () => request({ input: 'records', records: { records: [toRecord({ beak_lenght_mm: 40 })] } }), 'invalid records.records[0].fields["beak_lenght_mm"]: is not an input of penguins version 1; its inputs are island, beak_length_mm'],
      ['no input', () => request({}), 'invalid input: set records (raw rows) or features'],
      ['no model name', () => request({ model_name: '' }), 'invalid model_name: is required'],
    ])('rejects %s as INVALID_ARGUMENT naming the field', async (_case, build, message) => {
      const failure = predictor.predict(build());
      await expect(failure).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(failure).rejects.toThrow(message);
    });

    it('reports unknown models and aliases as NOT_FOUND', async () => {
      await expect(predictor.predict(request({ model_name: 'nope', input: 'records', records: { records: [toRecord({})] } }))).rejects.toThrow('model "nope" not found');
      await expect(predictor.predict(request({ version_selector: 'alias', alias: 'canary', input: 'records', records: { records: [toRecord({})] } }))).rejects.toThrow(
        'alias "penguins@canary" not found',
      );
    });

    it('refuses more rows than the limit as RESOURCE_EXHAUSTED', async () => {
      const records = Array.from({ length: 101 }, () => toRecord({}));
      await expect(predictor.predict(request({ input: 'records', records: { records } }))).rejects.toBeInstanceOf(ResourceExhaustedError);
    });
  });
});
