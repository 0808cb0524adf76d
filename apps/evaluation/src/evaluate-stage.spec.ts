import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  encodeRecords,
  outputContents,
  storeSplits,
  TARGET_TOKENS,
  TargetSequenceCodec,
  targetSequenceShape,
  TransformFitter,
  type FittedTransform,
  type RawValue,
  type SplitData,
  type TransformPlanInput,
} from '@aiaas/data';
import { FailedPreconditionError } from '@aiaas/errors';
import { planTraining, trainingSpecSchema, type DataOutput, type TrainingData, type TrainingSpecInput } from '@aiaas/model-spec';
import { buildModel, saveModel, selectBackend } from '@aiaas/models';
import { lookupDecodingWeights } from '@aiaas/models/testing';
import { silentLogger } from '@aiaas/observability';
import { connectRegistry, type ModelVersionRecord, type RegistryConnections } from '@aiaas/registry';
import { modelVersionFixture } from '@aiaas/registry/testing';
import { FsArtifactStore, putJson, type ArtifactRef } from '@aiaas/storage';
import type { StagePayload } from '@aiaas/queue';
import { createTestStageContext } from '@aiaas/queue/testing';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { createEvaluateProcessor } from './evaluate-stage';

const dense: DataOutput = { kind: 'dense', name: 'features', width: 1 };
const user: DataOutput = { kind: 'index', name: 'user', width: 1, cardinality: 3 };
const item: DataOutput = { kind: 'index', name: 'item', width: 1, cardinality: 5 };

/** Rows of a split, numbered from 1. */
function split(tensors: Record<string, Float32Array | Int32Array>, labels: Float32Array | Int32Array): SplitData {
  return { rows: labels.length, tensors, labels, rowNumbers: Int32Array.from(labels, (_, index) => index + 1) };
}

describe('evaluate stage', () => {
  const prefix = uniquePrefix('evaluate');
  let root: string;
  let store: FsArtifactStore;
  let connections: RegistryConnections;
  let registered = 0;

  /**
   * Plans and builds a model, sets the named layers' weights, saves it, and registers it (with
   * its splits) as the next version of `modelName`, the record saying what the plan says.
   */
  async function registerModel(options: {
    readonly modelName: string;
    readonly spec: TrainingSpecInput;
    readonly data: Omit<TrainingData, 'hasValidation'>;
    readonly weights: Readonly<Record<string, () => tf.Tensor[]>>;
    readonly splits: () => Promise<ArtifactRef>;
    /** The fitted transform to store; only seq2seq versions' evaluation reads it (default `{}`). */
    readonly transform?: FittedTransform;
    readonly record?: Partial<ModelVersionRecord>;
  }): Promise<void> {
    const training = trainingSpecSchema.parse(options.spec);
    const plan = planTraining(training, { ...options.data, hasValidation: false });
    const model = buildModel(plan);
    for (const [layer, weights] of Object.entries(options.weights)) {
      const values = weights();
      model.getLayer(layer).setWeights(values);
      tf.dispose(values);
    }
    const artifacts = await saveModel(model, store);
    model.dispose();
    const jobId = `job_${++registered}`;
    const version = await connections.registry.models.reserveVersion(options.modelName, jobId);
    await connections.registry.models.registerVersion(
      modelVersionFixture({
        modelName: options.modelName,
        version,
        jobId,
        task: options.data.task,
        head: plan.head.kind,
        labels: plan.labels,
        classLabels: [...(options.data.classLabels ?? [])],
        inputs: plan.inputs.map((input) => ({ ...input })),
        featureCount: plan.inputs.find((input) => input.dtype === 'float32')?.width ?? 0,
        training,
        artifacts: { ...artifacts, transform: (await putJson(store, options.transform ?? {})).ref, splits: await options.splits() },
        ...options.record,
      }),
    );
  }

  const evaluate = (modelName: string, minAccuracy: number, version = 1, checks: Partial<StagePayload<'evaluate'>> = {}) => {
    const process = createEvaluateProcessor({ models: connections.registry.models, datasets: connections.registry.datasets, store, maxRecordBytes: 1 << 20, now: () => 99 });
    const payload = { jobId: 'job_train', minAccuracy, sliceColumns: [], thresholds: [], maxRegression: [], ...checks };
    return process(createTestStageContext<'evaluate'>(payload, { modelName, version }).context);
  };

  // One feature; class 1 when it is positive. The test split has 3 rows of each class, and one
  // of the positives is deliberately on the wrong side, so the model scores 5/6.
  const signTest = { features: new Float32Array([-3, -2, -1, 1, 2, -0.5]), labels: new Int32Array([0, 0, 0, 1, 1, 1]) };
  const signSplits = (test = split({ features: signTest.features }, signTest.labels)) => () =>
    storeSplits(store, { outputs: [{ name: 'features', dtype: 'float32', width: 1 }], labelDtype: 'int32', classLabels: ['neg', 'pos'], train: test, test });
  const signData = { task: 'classification', classLabels: ['neg', 'pos'], outputs: [dense] } as const;
  const noHiddenLayers: TrainingSpecInput['model'] = { family: 'mlp', hiddenLayers: [] };

  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
    connections = connectRegistry({ redisUrl: testRedisUrl(), prefix });
    root = mkdtempSync(join(tmpdir(), 'aiaas-evaluate-'));
    store = new FsArtifactStore(root);

    // Softmax over two classes: class 1 scores 4x, class 0 scores -4x.
    await registerModel({
      modelName: 'sign',
      spec: { model: noHiddenLayers, loss: 'sparse-categorical-crossentropy', seed: 1 },
      data: signData,
      weights: { head: () => [tf.tensor2d([[-4, 4]]), tf.zeros([2])] },
      splits: signSplits(),
    });
  });

  afterAll(async () => {
    await deleteKeysWithPrefix(connections.redis, prefix);
    connections.close();
    rmSync(root, { recursive: true, force: true });
  });

  describe('a softmax classifier', () => {
    it('is scored on the test split and blessed when accuracy reaches the threshold', async () => {
      const { result, summary } = await evaluate('sign', 0.8);
      expect(result).toEqual({ modelName: 'sign', version: 1, blessed: true, reason: 'test accuracy 0.833 >= min_accuracy 0.800' });
      expect(summary).toBe('accuracy 0.833, macro-F1 0.829 on 6 test rows: blessed (test accuracy 0.833 >= min_accuracy 0.800)');
      const view = await connections.registry.models.getVersionView('sign', 1);
      expect(view.evaluation).toMatchObject({ status: 'blessed', evaluatedAt: 99, metrics: { testRows: 6, confusionMatrix: [3, 0, 1, 2] } });
    });

    it('is rejected when accuracy falls short, and the reason says by how much', async () => {
      const { result } = await evaluate('sign', 0.9);
      expect(result).toMatchObject({ blessed: false, reason: 'test accuracy 0.833 < min_accuracy 0.900' });
      await expect(connections.registry.models.getVersionView('sign', 1)).resolves.toMatchObject({ evaluation: { status: 'rejected' } });
    });
  });

  it('scores a two-class sigmoid classifier as class 1 where P(class 1) is 0.5 or more', async () => {
    // P(pos) = sigmoid(10x): exactly 0.5 at x = 0, which counts as pos.
    const test = split({ features: new Float32Array([-3, -2, -1, 0, 1, 2, -0.5]) }, new Int32Array([0, 0, 0, 1, 1, 1, 1]));
    await registerModel({
      modelName: 'sign-sigmoid',
      spec: { model: noHiddenLayers, seed: 1 },
      data: signData,
      weights: { head: () => [tf.tensor2d([[10]]), tf.zeros([1])] },
      splits: signSplits(test),
    });
    const { result, summary } = await evaluate('sign-sigmoid', 0.8);
    expect(result).toMatchObject({ blessed: true, reason: 'test accuracy 0.857 >= min_accuracy 0.800' });
    expect(summary).toMatch(/^accuracy 0\.857, macro-F1 [\d.]+ on 7 test rows: blessed/);
    const view = await connections.registry.models.getVersionView('sign-sigmoid', 1);
    expect(view.record).toMatchObject({ head: 'sigmoid', labels: 'class-index' });
    expect(view.evaluation?.metrics).toMatchObject({ confusionMatrix: [3, 0, 1, 3] });
  });

  describe('a regressor', () => {
    // y = 2x + 1 against targets that miss by 0.5, 0, -1 and 1.
    const test = split({ features: new Float32Array([0, 1, 2, 3]) }, new Float32Array([1.5, 3, 4, 8]));
    const regressionSplits = () => storeSplits(store, { outputs: [{ name: 'features', dtype: 'float32', width: 1 }], labelDtype: 'float32', classLabels: [], train: test, test });
    const registerLine = (slope: number) =>
      registerModel({
        modelName: 'line',
        spec: { model: noHiddenLayers, seed: 1 },
        data: { task: 'regression', classLabels: [], outputs: [dense] },
        weights: { head: () => [tf.tensor2d([[slope]]), tf.tensor1d([1])] },
        splits: regressionSplits,
      });

    beforeAll(async () => {
      await registerLine(2); // version 1
      await registerLine(Number.NaN); // version 2
    });

    it('is scored with rmse, mae and r2, and blessed since no accuracy threshold applies', async () => {
      const { result, summary } = await evaluate('line', 0);
      // SSE 2.25, |errors| 2.5; mean 4.125 → SST 6.890625 + 1.265625 + 0.015625 + 15.015625 = 23.1875
      const reason = 'regression (rmse 0.75, r2 0.903); no accuracy threshold applies';
      expect(result).toEqual({ modelName: 'line', version: 1, blessed: true, reason });
      expect(summary).toBe(`rmse 0.75, mae 0.625, r2 0.903 on 4 test rows: blessed (${reason})`);
      const { evaluation } = await connections.registry.models.getVersionView('line', 1);
      expect(evaluation).toMatchObject({ status: 'blessed', reason });
      const metrics = evaluation!.metrics as { rmse: number; mae: number; r2: number; testRows: number };
      expect(metrics.testRows).toBe(4);
      expect(metrics.rmse).toBeCloseTo(0.75, 6);
      expect(metrics.mae).toBeCloseTo(0.625, 6);
      expect(metrics.r2).toBeCloseTo(1 - 2.25 / 23.1875, 6);
    });

    it('that predicts NaN fails for good, naming the row, rather than storing NaN metrics', async () => {
      const failure = evaluate('line', 0, 2);
      await expect(failure).rejects.toBeInstanceOf(FailedPreconditionError);
      await expect(failure).rejects.toThrow('version 2 of line cannot be scored: the prediction of test row 0 is NaN; the model has diverged');
      await expect(connections.registry.models.getVersionView('line', 2)).resolves.toMatchObject({ evaluation: undefined });
    });
  });

  describe('an implicit-feedback recommender', () => {
    const spec: TrainingSpecInput = { model: { family: 'recommender', userColumn: 'user', itemColumn: 'item', embeddingDim: 1, feedback: { kind: 'implicit' } }, seed: 3 };
    const recommenderSplits = (test: SplitData) => () =>
      storeSplits(store, {
        outputs: [
          { name: 'user', dtype: 'int32', width: 1 },
          { name: 'item', dtype: 'int32', width: 1 },
        ],
        labelDtype: 'float32',
        classLabels: [],
        train: test,
        test,
      });
    // Items 1 and 2 are liked (P ≈ 0.99), items 3 and 4 are not (P ≈ 0.01), whoever the user.
    const weights = {
      user_embedding: () => [tf.zeros([3, 1])],
      item_embedding: () => [tf.zeros([5, 1])],
      item_bias: () => [tf.tensor2d([[0], [5], [5], [-5], [-5]])],
    };

    it('is scored on every test interaction paired with one sampled non-interaction', async () => {
      // Five interactions (target above 0), one of them with a disliked item; the row with
      // target 0 is not an interaction. Each user's negatives come from items outside their
      // interactions: user 1 → item 4, user 2 → item 3 or 4, all disliked.
      const test = split({ user: new Int32Array([1, 1, 1, 2, 2, 2]), item: new Int32Array([1, 2, 3, 1, 2, 3]) }, new Float32Array([1, 1, 2, 1, 1, 0]));
      await registerModel({ modelName: 'likes', spec, data: { task: 'regression', classLabels: [], outputs: [user, item] }, weights, splits: recommenderSplits(test) });

      const { result, summary } = await evaluate('likes', 0.8);
      const reason = 'test accuracy 0.900 >= min_accuracy 0.800';
      expect(result).toEqual({ modelName: 'likes', version: 1, blessed: true, reason });
      expect(summary).toBe(`accuracy 0.900, macro-F1 0.899 on 10 test pairs (5 interactions, each with one sampled non-interaction): blessed (${reason})`);
      const { evaluation } = await connections.registry.models.getVersionView('likes', 1);
      expect(evaluation?.metrics).toMatchObject({
        testRows: 10,
        confusionMatrix: [5, 0, 1, 4],
        perClass: [
          { label: 'no interaction', support: 5 },
          { label: 'interaction', support: 5 },
        ],
      });
    });

    it('whose test split has no interactions fails for good, saying so', async () => {
      const test = split({ user: new Int32Array([1, 2]), item: new Int32Array([1, 2]) }, new Float32Array([0, 0]));
      await registerModel({ modelName: 'no-likes', spec, data: { task: 'regression', classLabels: [], outputs: [user, item] }, weights, splits: recommenderSplits(test) });
      const failure = evaluate('no-likes', 0.5);
      await expect(failure).rejects.toBeInstanceOf(FailedPreconditionError);
      await expect(failure).rejects.toThrow('the test split of version 1 of no-likes has no interactions (none of its 2 rows has species above 0)');
    });
  });

  describe('a seq2seq model', () => {
    // English numbers to French, by a model that counts from the number on to five, and
    // miscounts two (starting it at trois). 'zéro' is in no training row, so it is <unk>.
    const trainingPairs = [
      { english: 'one', french: 'un deux trois quatre cinq' },
      { english: 'two', french: 'deux trois quatre cinq' },
      { english: 'three', french: 'trois quatre cinq' },
    ];
    const testPairs = [
      { english: 'one', french: 'un deux trois quatre cinq' }, // decoded exactly
      { english: 'three', french: 'trois quatre cinq' }, // decoded exactly
      { english: 'one', french: 'un deux zéro quatre cinq' }, // "un deux trois quatre cinq"
      { english: 'two', french: 'deux trois quatre cinq' }, // "trois quatre cinq"
    ];
    const fit = (target: TransformPlanInput['target']) =>
      new TransformFitter({ columns: [{ column: 'english', type: 'text', encoding: 'sequence', sequenceLength: 2, padding: 'pre' }], target }).fit(() =>
        trainingPairs.map((pair, index) => ({ row: { read: (column) => pair[column as keyof typeof pair] ?? null, describe: (column) => `${index}.${column}` }, isTrain: true })),
      );
    const transform = fit({ column: 'french', task: 'sequence', sequenceLength: 6 });

    /** Registers the counting model as `modelName`, with the test pairs as its test split, storing `stored` as its transform. */
    async function registerCounting(modelName: string, stored: FittedTransform): Promise<void> {
      const [english] = outputContents(transform);
      const [source] = transform.columns;
      const { target } = transform;
      if (english?.kind !== 'sequence' || source?.type !== 'text' || target.task !== 'sequence') throw new Error('the counting transform reads a token sequence into one');
      // Source ids: 0 pads, 1 is out of vocabulary, vocabulary word i is i + 2.
      const sourceId = (word: string) => 2 + source.vocabulary.indexOf(word);
      const targetId = (word: string) => TARGET_TOKENS.firstWord + target.vocabulary.indexOf(word);
      const codec = new TargetSequenceCodec(target);
      const labels = new Int32Array(testPairs.length * target.sequenceLength);
      testPairs.forEach((pair, row) => codec.write(pair.french, labels, row * target.sequenceLength));
      const test: SplitData = {
        rows: testPairs.length,
        tensors: encodeRecords(transform, testPairs, (pair, column) => pair[column as keyof typeof pair] as RawValue, (row, column) => `${row}.${column}`).tensors,
        labels,
        rowNumbers: Int32Array.from(testPairs, (_, index) => index + 1),
      };
      const shape = targetSequenceShape(target);
      // One state unit per source and per target token (see lookupDecodingWeights).
      const units = english.cardinality + shape.cardinality;
      await registerModel({
        modelName,
        spec: { model: { family: 'seq2seq', embeddingDim: units, units }, seed: 1 },
        data: { task: 'sequence', classLabels: [], outputs: [english], targetSequence: shape },
        weights: lookupDecodingWeights(
          { source: english.cardinality, target: shape.cardinality },
          new Map([
            [sourceId('one'), targetId('un')],
            [sourceId('two'), targetId('trois')],
            [sourceId('three'), targetId('trois')],
          ]),
          new Map([
            [targetId('un'), targetId('deux')],
            [targetId('deux'), targetId('trois')],
            [targetId('trois'), targetId('quatre')],
            [targetId('quatre'), targetId('cinq')],
          ]),
        ),
        splits: () => storeSplits(store, { outputs: [{ name: 'english', dtype: 'int32', width: 2 }], labelDtype: 'int32', labelWidth: target.sequenceLength, classLabels: [], train: test, test }),
        transform: stored,
        record: { targetColumn: 'french', inputColumns: ['english'] },
      });
    }

    beforeAll(async () => {
      await registerCounting('counting', transform);
    });

    // Hypotheses against references, n-grams clipped-matched / in the hypothesis, n = 1..4:
    //   un deux trois quatre cinq | un deux trois quatre cinq    5/5  4/4  3/3  2/2   positions 6/6
    //   trois quatre cinq         | trois quatre cinq            3/3  2/2  1/1  0/0   positions 4/4
    //   un deux trois quatre cinq | un deux <unk> quatre cinq    4/5  2/4  0/3  0/2   positions 5/6
    //   trois quatre cinq         | deux trois quatre cinq       3/3  2/2  1/1  0/0   positions 0/5
    // Precisions 15/16, 10/12, 5/8, 2/4; c = 16 hypothesis words against r = 17 reference words, so
    // BLEU = exp(1 − 17/16) · (15/16 · 10/12 · 5/8 · 2/4)^(1/4) = exp(−1/16) · (125/512)^(1/4) ≈ 0.660.
    // Positions (each word, then the end) matched: (6 + 4 + 5 + 0) / (6 + 4 + 6 + 5) = 15/21.
    const bleu = Math.exp(-1 / 16) * (125 / 512) ** (1 / 4);
    const tokenAccuracy = 15 / 21;

    it('is scored by greedy decoding of the test sources: BLEU, exact matches and token accuracy', async () => {
      const { result, summary } = await evaluate('counting', 0.5);
      const reason = 'exact-match accuracy 0.500 >= min_accuracy 0.500';
      expect(result).toEqual({ modelName: 'counting', version: 1, blessed: true, reason });
      expect(summary).toBe(`bleu 0.660, exact match 0.500, token accuracy 0.714 on 4 test rows: blessed (${reason})`);
      const { evaluation } = await connections.registry.models.getVersionView('counting', 1);
      expect(evaluation).toMatchObject({ status: 'blessed', reason, evaluatedAt: 99 });
      const metrics = evaluation!.metrics as { bleu: number; exactMatch: number; tokenAccuracy: number; testRows: number };
      expect(metrics.testRows).toBe(4);
      expect(metrics.exactMatch).toBe(0.5);
      expect(metrics.bleu).toBeCloseTo(bleu, 6);
      expect(metrics.tokenAccuracy).toBeCloseTo(tokenAccuracy, 6);
    });

    it('is rejected when its exact matches fall short of min_accuracy, whatever its BLEU', async () => {
      const { result, summary } = await evaluate('counting', 0.6);
      const reason = 'exact-match accuracy 0.500 < min_accuracy 0.600';
      expect(result).toEqual({ modelName: 'counting', version: 1, blessed: false, reason });
      expect(summary).toBe(`bleu 0.660, exact match 0.500, token accuracy 0.714 on 4 test rows: rejected (${reason})`);
      await expect(connections.registry.models.getVersionView('counting', 1)).resolves.toMatchObject({ evaluation: { status: 'rejected', reason } });
    });

    it('whose transform has no sequence target fails for good, without an evaluation', async () => {
      await registerCounting('counting-classes', fit({ column: 'french', task: 'classification' }));
      const failure = evaluate('counting-classes', 0.5);
      await expect(failure).rejects.toBeInstanceOf(FailedPreconditionError);
      await expect(failure).rejects.toThrow('version 1 of counting-classes predicts token sequences, but its transform has no sequence target; rerun the pipeline');
      await expect(connections.registry.models.getVersionView('counting-classes', 1)).resolves.toMatchObject({ evaluation: undefined });
    });
  });

  describe('refuses, as a permanent failure,', () => {
    it('a version whose input the test split does not hold, naming it', async () => {
      await registerModel({
        modelName: 'sign-tokens',
        spec: { model: noHiddenLayers, loss: 'sparse-categorical-crossentropy', seed: 1 },
        data: signData,
        weights: {},
        splits: signSplits(),
        record: { inputs: [{ name: 'tokens', dtype: 'int32', width: 4, cardinality: 10 }], featureCount: 0 },
      });
      const failure = evaluate('sign-tokens', 0.5);
      await expect(failure).rejects.toBeInstanceOf(FailedPreconditionError);
      await expect(failure).rejects.toThrow('version 1 of sign-tokens takes the input "tokens", but its test split holds only "features"');
    });

    it('an empty test split', async () => {
      const empty = split({ features: new Float32Array(0) }, new Int32Array(0));
      await registerModel({
        modelName: 'sign-untested',
        spec: { model: noHiddenLayers, loss: 'sparse-categorical-crossentropy', seed: 1 },
        data: signData,
        weights: {},
        splits: () =>
          storeSplits(store, {
            outputs: [{ name: 'features', dtype: 'float32', width: 1 }],
            labelDtype: 'int32',
            classLabels: ['neg', 'pos'],
            train: split({ features: signTest.features }, signTest.labels),
            test: empty,
          }),
      });
      const failure = evaluate('sign-untested', 0.5);
      await expect(failure).rejects.toBeInstanceOf(FailedPreconditionError);
      await expect(failure).rejects.toThrow('the test split of version 1 of sign-untested is empty');
    });
  });
});
