import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultColumnPlan, encodeRecords, outputContents, TARGET_TOKENS, targetSequenceShape, TransformFitter } from '@aiaas/data';
import { PENGUIN_COLUMNS, penguinRecords } from '@aiaas/datasets';
import { FailedPreconditionError, InvalidArgumentError, NotFoundError, ResourceExhaustedError } from '@aiaas/errors';
import type { TrainingSpecInput } from '@aiaas/model-spec';
import { selectBackend } from '@aiaas/models';
import { lookupDecodingWeights } from '@aiaas/models/testing';
import { silentLogger } from '@aiaas/observability';
import type { PredictRequest__Output, PredictResponse, Tensor__Output } from '@aiaas/proto';
import { connectRegistry, type RegistryConnections } from '@aiaas/registry';
import { FsArtifactStore } from '@aiaas/storage';
import { bytesToFloat32, encodeTensor } from '@aiaas/tensor';
import { createTestStageContext } from '@aiaas/queue/testing';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { createDeployProcessor } from './deploy-stage';
import { ModelRepository } from './model-repository';
import { Predictor } from './predictor';
import { Recommender } from './recommender';
import { fitTransform, setWeights, TestModels, toRecord } from './registered-models.test-helpers';

type PenguinRecord = ReturnType<typeof penguinRecords>[number];

function request(partial: Partial<PredictRequest__Output>): PredictRequest__Output {
  return { model_name: 'penguins', ...partial };
}

/** A FLOAT32 features tensor as a client sends it. */
function featuresTensor(values: readonly number[], width: number): Tensor__Output {
  const tensor = encodeTensor(Float32Array.from(values), [values.length / width, width]) as Tensor__Output;
  return { ...tensor, float_values: [], int_values: [] };
}

const floats = (tensor: PredictResponse['values'] | PredictResponse['probabilities']) => Array.from(bytesToFloat32(tensor!.raw_data as Buffer));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe('inference', () => {
  const prefix = uniquePrefix('inference');
  let root: string;
  let store: FsArtifactStore;
  let connections: RegistryConnections;
  let repository: ModelRepository;
  let predictor: Predictor;
  let models: TestModels;
  const penguins = penguinRecords().filter((penguin) => penguin.species !== null);

  // One numeric feature x, standardised; its training values are symmetric about 0.
  const xRows = [-2, -1, 1, 2].map((x) => ({ x, y: x > 0 ? 'pos' : 'neg', price: 2 * x }));
  const noHiddenLayers: TrainingSpecInput['model'] = { family: 'mlp', hiddenLayers: [] };

  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
    connections = connectRegistry({ redisUrl: testRedisUrl(), prefix });
    root = mkdtempSync(join(tmpdir(), 'aiaas-inference-'));
    store = new FsArtifactStore(root);
    models = await TestModels.create(connections.registry.models, store);

    // Penguins: a softmax classifier over three species, fitted briefly.
    const classes = ['Adelie', 'Chinstrap', 'Gentoo'];
    const columns = PENGUIN_COLUMNS.filter((column) => column !== 'species').map((column) => defaultColumnPlan(column, ['island', 'sex'].includes(column) ? 'categorical' : 'numeric'));
    const fitter = new TransformFitter({ columns, target: { column: 'species', task: 'classification' } });
    const read = (penguin: PenguinRecord, column: string) => penguin[column as keyof PenguinRecord];
    const transform = fitter.fit(() => penguins.map((penguin, index) => ({ row: { read: (column) => read(penguin, column), describe: (column) => `${index}.${column}` }, isTrain: true })));
    const featureCount = transform.outputs[0]!.width;
    const features = encodeRecords(transform, penguins, read, (i, c) => `${i}.${c}`).tensors['features'] as Float32Array;
    const labels = Int32Array.from(penguins, (penguin) => classes.indexOf(penguin.species as string));
    const fitPenguins = async (model: tf.LayersModel) => {
      const optimizer = tf.train.adam(0.02);
      model.compile({ optimizer, loss: 'categoricalCrossentropy' });
      const x = tf.tensor2d(features, [penguins.length, featureCount]);
      const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 3);
      await model.fit(x, y, { epochs: 30, batchSize: 32, verbose: 0 });
      tf.dispose([x, y]);
      optimizer.dispose();
    };
    const penguinSpec: TrainingSpecInput = { model: { family: 'mlp', hiddenLayers: [{ units: 16 }] }, seed: 5 };
    await models.register({ modelName: 'penguins', spec: penguinSpec, transform, task: 'classification', classLabels: classes, prepare: fitPenguins, record: { jobId: 'job_one' } });
    // Version 2: the same model, from another job.
    const first = await connections.registry.models.getVersion('penguins', 1);
    await connections.registry.models.registerVersion({ ...first, jobId: 'job_two', version: await connections.registry.models.reserveVersion('penguins', 'job_two') });
    const metrics = { accuracy: 0.97, macroF1: 0.96, testRows: 1, perClass: [], confusionMatrix: [] };
    await connections.registry.models.recordEvaluation('penguins', 1, { status: 'blessed', reason: 'good', metrics, evaluatedAt: 2 });
    await connections.registry.models.recordEvaluation('penguins', 2, { status: 'rejected', reason: 'test accuracy 0.4 < min_accuracy 0.9', metrics, evaluatedAt: 2 });

    repository = new ModelRepository(connections.registry.models, store, silentLogger);
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

    it('fails for good, leaving the alias alone, when the model does not output what its record says', async () => {
      // The record promises three class probabilities; the model outputs one value.
      await models.register({
        modelName: 'mislabelled',
        spec: { model: noHiddenLayers, seed: 1 },
        transform: fitTransform({ columns: [{ column: 'x', type: 'numeric' }], target: { column: 'price', task: 'regression' } }, xRows),
        task: 'regression',
        prepare: () => undefined,
        record: { task: 'classification', head: 'softmax', labels: 'class-index', classLabels: ['a', 'b', 'c'] },
      });
      const metrics = { accuracy: 1, macroF1: 1, testRows: 1, perClass: [], confusionMatrix: [] };
      await connections.registry.models.recordEvaluation('mislabelled', 1, { status: 'blessed', reason: 'good', metrics, evaluatedAt: 2 });
      const deploy = createDeployProcessor({ models: connections.registry.models, repository });
      const { context } = createTestStageContext<'deploy'>({ jobId: 'job_1', alias: 'production' }, { modelName: 'mislabelled', version: 1, blessed: true, reason: 'good' });
      const failure = deploy(context);
      await expect(failure).rejects.toBeInstanceOf(FailedPreconditionError);
      await expect(failure).rejects.toThrow('mislabelled version 1 has a softmax head, which outputs 3 values per row, but its model outputs 1; retrain it');
      await expect(connections.registry.models.getModel('mislabelled')).resolves.toMatchObject({ aliases: {} });
      expect((await repository.list()).map((loaded) => loaded.record.modelName)).not.toContain('mislabelled');
    });
  });

  describe('Predict', () => {
    it('answers raw records through the fitted transform with class probabilities', async () => {
      const sample = penguins.slice(0, 3).concat(penguins.filter((penguin) => penguin.species === 'Gentoo').slice(0, 2));
      const response = await predictor.predict(request({ input: 'records', records: { records: sample.map((penguin) => toRecord({ ...penguin, species: undefined })) } }));
      expect(response).toMatchObject({ model_name: 'penguins', version: 1, class_labels: ['Adelie', 'Chinstrap', 'Gentoo'], values: null });
      expect(response.probabilities).toMatchObject({ dtype: 'DATA_TYPE_FLOAT32', shape: [5, 3] });
      const probabilities = floats(response.probabilities);
      for (let row = 0; row < 5; row++) expect(probabilities[row * 3]! + probabilities[row * 3 + 1]! + probabilities[row * 3 + 2]!).toBeCloseTo(1, 5);
      expect(response.predicted_labels).toEqual(['Adelie', 'Adelie', 'Adelie', 'Gentoo', 'Gentoo']);
    });

    it('answers a transformed features tensor, by explicit version', async () => {
      const width = (await repository.load('penguins', 1)).record.featureCount;
      const response = await predictor.predict(request({ input: 'features', features: featuresTensor(new Array<number>(2 * width).fill(0), width), version_selector: 'version', version: 1 }));
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

  describe('Predict for a two-class sigmoid classifier', () => {
    beforeAll(async () => {
      // P(pos) = sigmoid(10 z), z the standardised x: exactly 0.5 at z = 0.
      await models.register({
        modelName: 'sign',
        spec: { model: noHiddenLayers, seed: 1 },
        transform: fitTransform({ columns: [{ column: 'x', type: 'numeric' }], target: { column: 'y', task: 'classification' } }, xRows),
        task: 'classification',
        classLabels: ['neg', 'pos'],
        prepare: setWeights({ head: () => [tf.tensor2d([[10]]), tf.zeros([1])] }),
      });
      await models.bless('sign');
    });

    it('answers [1 - p, p] probabilities, and the second class where p is 0.5 or more', async () => {
      const response = await predictor.predict(request({ model_name: 'sign', input: 'features', features: featuresTensor([-1, 0, 0.1], 1) }));
      expect(response).toMatchObject({ class_labels: ['neg', 'pos'], predicted_labels: ['neg', 'pos', 'pos'], values: null });
      expect(response.probabilities).toMatchObject({ dtype: 'DATA_TYPE_FLOAT32', shape: [3, 2] });
      const expected = [-1, 0, 0.1].flatMap((z) => [1 - sigmoid(10 * z), sigmoid(10 * z)]);
      floats(response.probabilities).forEach((probability, index) => expect(probability).toBeCloseTo(expected[index]!, 5));
    });

    it('answers raw records through the transform', async () => {
      const response = await predictor.predict(request({ model_name: 'sign', input: 'records', records: { records: [toRecord({ x: -3 }), toRecord({ x: 5 })] } }));
      expect(response.predicted_labels).toEqual(['neg', 'pos']);
    });
  });

  describe('Predict for a regressor', () => {
    beforeAll(async () => {
      // price = 2 z + 1.
      await models.register({
        modelName: 'price',
        spec: { model: noHiddenLayers, seed: 1 },
        transform: fitTransform({ columns: [{ column: 'x', type: 'numeric' }], target: { column: 'price', task: 'regression' } }, xRows),
        task: 'regression',
        prepare: setWeights({ head: () => [tf.tensor2d([[2]]), tf.tensor1d([1])] }),
      });
      await models.bless('price');
    });

    it('answers FLOAT32 values [rows] in target units, and no classes', async () => {
      const response = await predictor.predict(request({ model_name: 'price', input: 'features', features: featuresTensor([0, 1, -1.5], 1) }));
      expect(response).toMatchObject({ model_name: 'price', version: 1, class_labels: [], predicted_labels: [], probabilities: null });
      expect(response.values).toMatchObject({ dtype: 'DATA_TYPE_FLOAT32', shape: [3] });
      expect(floats(response.values)).toEqual([1, 3, -2]);
    });

    it('answers raw records through the transform', async () => {
      const response = await predictor.predict(request({ model_name: 'price', input: 'records', records: { records: [toRecord({ x: 0 }), toRecord({ x: 2 })] } }));
      const [atMean, above] = floats(response.values);
      expect(atMean).toBeCloseTo(1, 5);
      expect(above).toBeGreaterThan(atMean!);
    });
  });

  describe('Predict for an implicit-feedback recommender', () => {
    beforeAll(async () => {
      const rows = [
        { user: 'u1', item: 'a', clicks: 1 },
        { user: 'u2', item: 'b', clicks: 2 },
        { user: 'u2', item: 'c', clicks: 1 },
      ];
      const transform = fitTransform(
        {
          columns: [
            { column: 'user', type: 'id', encoding: 'index' },
            { column: 'item', type: 'id', encoding: 'index' },
          ],
          target: { column: 'clicks', task: 'regression' },
        },
        rows,
      );
      // Items are indexed from 1 in byte order (a, b, c); index 0 is an unknown item. The
      // embeddings are zero, so P(interaction) = sigmoid(item bias).
      await models.register({
        modelName: 'likes',
        spec: { model: { family: 'recommender', userColumn: 'user', itemColumn: 'item', embeddingDim: 1, feedback: { kind: 'implicit' } }, seed: 1 },
        transform,
        task: 'regression',
        prepare: setWeights({
          user_embedding: () => [tf.zeros([3, 1])],
          item_embedding: () => [tf.zeros([4, 1])],
          item_bias: () => [tf.tensor2d([[0], [2], [-2], [1]])],
        }),
      });
      await models.bless('likes');
    });

    it('feeds the user and item ids by name and answers P(interaction) as values', async () => {
      const records = [toRecord({ user: 'u1', item: 'a' }), toRecord({ user: 'u2', item: 'b' }), toRecord({ user: 'u1', item: 'c' }), toRecord({ user: 'new', item: 'new' })];
      const response = await predictor.predict(request({ model_name: 'likes', input: 'records', records: { records } }));
      expect(response).toMatchObject({ class_labels: [], predicted_labels: [], probabilities: null, values: { dtype: 'DATA_TYPE_FLOAT32', shape: [4] } });
      const expected = [2, -2, 1, 0].map(sigmoid);
      floats(response.values).forEach((probability, index) => expect(probability).toBeCloseTo(expected[index]!, 5));
    });

    it('recommends the top-k items for a user by score, leaving out excluded items', async () => {
      const recommender = new Recommender(repository);
      const base = { model_name: 'likes', user: 'u1', k: 0, exclude_items: [] };
      const top = await recommender.recommend(base);
      expect(top).toMatchObject({ model_name: 'likes', version: 1 });
      expect(top.items?.map((item) => item.item)).toEqual(['a', 'c', 'b']);
      expect(top.items?.[0]?.score).toBeCloseTo(sigmoid(2), 5);
      const filtered = await recommender.recommend({ ...base, k: 1, exclude_items: ['a'] });
      expect(filtered.items?.map((item) => item.item)).toEqual(['c']);
    });

    it('refuses an unknown user as NOT_FOUND, a missing user as INVALID_ARGUMENT, and a non-recommender as FAILED_PRECONDITION', async () => {
      const recommender = new Recommender(repository);
      await expect(recommender.recommend({ model_name: 'likes', user: 'nobody', k: 3, exclude_items: [] })).rejects.toThrow(NotFoundError);
      await expect(recommender.recommend({ model_name: 'likes', user: '', k: 3, exclude_items: [] })).rejects.toThrow('invalid user: is required');
      await expect(recommender.recommend({ model_name: 'likes', user: 'u1', k: 5000, exclude_items: [] })).rejects.toThrow('invalid k: must be at most 1000');
      await expect(recommender.recommend({ model_name: 'penguins', user: 'u1', k: 3, exclude_items: [] })).rejects.toThrow(FailedPreconditionError);
    });

    it('refuses a features tensor as INVALID_ARGUMENT, saying to send records', async () => {
      const failure = predictor.predict(request({ model_name: 'likes', input: 'features', features: featuresTensor([0, 0], 2) }));
      await expect(failure).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(failure).rejects.toThrow(
        'invalid features: likes version 1 takes "user" (int32 [rows, 1]) and "item" (int32 [rows, 1]), not one dense features tensor; send records (raw rows) instead',
      );
    });
  });

  describe('Predict for a seq2seq model', () => {
    // English numbers to French, by a model that counts from the number on to five. Sources are
    // front-padded, as the gateway pads them for this family, so the last word is the last id.
    const pairs = [
      { english: 'one', french: 'un deux trois quatre cinq' },
      { english: 'two', french: 'deux trois quatre cinq' },
      { english: 'three', french: 'trois quatre cinq' },
    ];

    beforeAll(async () => {
      const transform = fitTransform(
        { columns: [{ column: 'english', type: 'text', encoding: 'sequence', sequenceLength: 4, padding: 'pre' }], target: { column: 'french', task: 'sequence', sequenceLength: 6 } },
        pairs,
      );
      const [english] = outputContents(transform);
      const [source] = transform.columns;
      const { target } = transform;
      if (english?.kind !== 'sequence' || source?.type !== 'text' || target.task !== 'sequence') throw new Error('the counting transform reads a token sequence into one');
      // Source ids: 0 pads, 1 is out of vocabulary, vocabulary word i is i + 2.
      const sourceId = (word: string) => 2 + source.vocabulary.indexOf(word);
      const targetId = (word: string) => TARGET_TOKENS.firstWord + target.vocabulary.indexOf(word);
      const tokens = { source: english.cardinality, target: targetSequenceShape(target).cardinality };
      // One state unit per source and per target token (see lookupDecodingWeights).
      const units = tokens.source + tokens.target;
      await models.register({
        modelName: 'counting',
        spec: { model: { family: 'seq2seq', embeddingDim: units, units }, seed: 1 },
        transform,
        task: 'sequence',
        prepare: setWeights(
          lookupDecodingWeights(
            tokens,
            new Map([
              [sourceId('one'), targetId('un')],
              [sourceId('two'), targetId('deux')],
              [sourceId('three'), targetId('trois')],
            ]),
            new Map([
              [targetId('un'), targetId('deux')],
              [targetId('deux'), targetId('trois')],
              [targetId('trois'), targetId('quatre')],
              [targetId('quatre'), targetId('cinq')],
            ]),
          ),
        ),
      });
      await models.bless('counting');
    });

    it('answers the text each record decodes to, and no classes, probabilities or values', async () => {
      // 'seven' is no source word the model knows (it is out of the source vocabulary), so it decodes to nothing.
      const records = ['one', 'Three', 'count from two', 'seven'].map((english) => toRecord({ english }));
      const response = await predictor.predict(request({ model_name: 'counting', input: 'records', records: { records } }));
      expect(response).toEqual({
        model_name: 'counting',
        version: 1,
        class_labels: [],
        probabilities: null,
        predicted_labels: [],
        values: null,
        decoded_texts: ['un deux trois quatre cinq', 'trois quatre cinq', 'deux trois quatre cinq', ''],
      });
    });

    it('tolerates the target column in a record', async () => {
      const response = await predictor.predict(request({ model_name: 'counting', input: 'records', records: { records: [toRecord({ english: 'two', french: 'deux' })] } }));
      expect(response.decoded_texts).toEqual(['deux trois quatre cinq']);
    });

    it('rejects a record field that is not an input as INVALID_ARGUMENT naming it', async () => {
      const records = [toRecord({ english: 'one' }), toRecord({ englsh: 'two' })];
      const failure = predictor.predict(request({ model_name: 'counting', input: 'records', records: { records } }));
      await expect(failure).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(failure).rejects.toThrow('invalid records.records[1].fields["englsh"]: is not an input of counting version 1; its inputs are english');
    });

    it('refuses a features tensor as INVALID_ARGUMENT, saying to send records', async () => {
      const failure = predictor.predict(request({ model_name: 'counting', input: 'features', features: featuresTensor([0, 0, 0, 0], 4) }));
      await expect(failure).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(failure).rejects.toThrow('invalid features: counting version 1 takes "english" (int32 [rows, 4]), not one dense features tensor; send records (raw rows) instead');
    });
  });
});
