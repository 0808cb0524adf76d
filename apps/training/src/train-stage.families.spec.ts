import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSeededRandom, type TransformPlanInput } from '@aiaas/data';
import { generateSyntheticRatings, numberTranslations } from '@aiaas/datasets';
import { trainingSpecSchema, type TrainingSpecInput } from '@aiaas/model-spec';
import { selectBackend, type ComputeBackend } from '@aiaas/models';
import { silentLogger } from '@aiaas/observability';
import { DEFAULT_TENANT, type StageResult } from '@aiaas/queue';
import { createTestStageContext } from '@aiaas/queue/testing';
import { connectRegistry, type RegistryConnections } from '@aiaas/registry';
import { FsArtifactStore } from '@aiaas/storage';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { storeProcessedData, type TestRecord } from './processed-data.test-helpers';
import { createTrainProcessor } from './train-stage';

const POSITIVE = ['great', 'love', 'excellent', 'happy', 'wonderful'];
const NEGATIVE = ['awful', 'hate', 'terrible', 'sad', 'boring'];
const NEUTRAL = ['the', 'film', 'was', 'a', 'plot', 'actor', 'scene', 'and', 'it', 'very'];

/** Short reviews: neutral words with one or two words that give the sentiment away. */
function reviews(rows: number, seed: number): TestRecord[] {
  const random = createSeededRandom(seed);
  const pick = (words: readonly string[]) => words[Math.floor(random() * words.length)]!;
  return Array.from({ length: rows }, (_, row) => {
    const sentiment = row % 2 === 0 ? 'positive' : 'negative';
    const words = Array.from({ length: 6 }, () => pick(NEUTRAL));
    words.splice(Math.floor(random() * 6), 0, pick(sentiment === 'positive' ? POSITIVE : NEGATIVE));
    return { review: words.join(' '), sentiment };
  });
}

/** Ratings split 8:1:1. */
function ratings(seed: number): { train: TestRecord[]; validation: TestRecord[]; test: TestRecord[] } {
  const all = generateSyntheticRatings({ users: 60, items: 40, ratingsPerUser: 25, seed, popularityExponent: 0 }).ratings.map(
    (rating): TestRecord => ({ user: rating.userId, item: rating.itemId, rating: rating.rating }),
  );
  return { train: all.filter((_, index) => index % 10 < 8), validation: all.filter((_, index) => index % 10 === 8), test: all.filter((_, index) => index % 10 === 9) };
}

/**
 * Implicit feedback with structure to find: users and items fall into four groups, and each user
 * plays 6 of the 10 items of their own group.
 */
function plays(seed: number): { train: TestRecord[]; validation: TestRecord[]; test: TestRecord[] } {
  const random = createSeededRandom(seed);
  const rows: TestRecord[] = [];
  for (let user = 0; user < 80; user++) {
    const group = user % 4;
    const items = Array.from({ length: 10 }, (_, index) => group * 10 + index).sort(() => random() - 0.5);
    for (const item of items.slice(0, 6)) rows.push({ user: `u${user}`, item: `i${item}`, plays: 1 + Math.floor(random() * 5) });
  }
  return { train: rows.filter((_, index) => index % 10 < 8), validation: rows.filter((_, index) => index % 10 === 8), test: rows.filter((_, index) => index % 10 === 9) };
}

function variance(values: readonly number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
}

jest.setTimeout(60_000);

describe('train stage: every model family on the wasm backend', () => {
  const prefix = uniquePrefix('families');
  let root: string;
  let store: FsArtifactStore;
  let connections: RegistryConnections;
  let backend: ComputeBackend;
  let text: StageResult<'preprocess'>;
  let explicit: StageResult<'preprocess'>;
  let implicit: StageResult<'preprocess'>;
  let ratingVariance: number;
  let job = 0;

  /** Trains `input` on `data` and returns the registered version. */
  async function train(data: StageResult<'preprocess'>, input: TrainingSpecInput) {
    const process = createTrainProcessor({ models: connections.registry.models, store, backend });
    const modelName = `family_${++job}`;
    const { context } = createTestStageContext<'train'>({ tenant: DEFAULT_TENANT, jobId: `job_${job}`, modelName, training: trainingSpecSchema.parse({ seed: 7, ...input }) }, data);
    const tensorsBefore = tf.memory().numTensors;
    const { result } = await process(context);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    const version = await connections.registry.models.getVersion(modelName, result.version);
    // Every family the platform builds exports to ONNX, stored beside the TF.js artifacts.
    expect(version.onnx).toMatchObject({ status: 'exported', inputs: version.inputs.map(() => expect.objectContaining({ dtype: expect.any(String) })) });
    if (version.onnx?.status === 'exported') await expect(store.has(version.onnx.model)).resolves.toBe(true);
    return version;
  }

  beforeAll(async () => {
    backend = await selectBackend('wasm', silentLogger);
    connections = connectRegistry({ redisUrl: testRedisUrl(), prefix });
    root = mkdtempSync(join(tmpdir(), 'aiaas-families-'));
    store = new FsArtifactStore(root);
    text = await storeProcessedData(
      store,
      { columns: [{ column: 'review', type: 'text', encoding: 'sequence', sequenceLength: 8, padding: 'pre' }], target: { column: 'sentiment', task: 'classification' } },
      { train: reviews(240, 1), validation: reviews(60, 2), test: reviews(60, 3) },
    );
    const split = ratings(11);
    ratingVariance = variance(split.validation.map((row) => row['rating'] as number));
    const plan: TransformPlanInput = { columns: [{ column: 'user', type: 'id', encoding: 'index' }, { column: 'item', type: 'id', encoding: 'index' }], target: { column: 'rating', task: 'regression' } };
    explicit = await storeProcessedData(store, plan, split);
    implicit = await storeProcessedData(store, { ...plan, target: { column: 'plays', task: 'regression' } }, plays(12));
  });

  afterAll(async () => {
    await deleteKeysWithPrefix(connections.redis, prefix);
    connections.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each([
    ['average pooling', { kind: 'pooling', pooling: 'average' }],
    ['a 1D convolution', { kind: 'conv1d', filters: 16, kernelSize: 3 }],
    ['an LSTM', { kind: 'rnn', cell: 'lstm', units: 8 }],
    ['a bidirectional GRU', { kind: 'rnn', cell: 'gru', units: 8, bidirectional: true }],
  ] as const)('classifies text through token embeddings and %s', async (_, encoder) => {
    const version = await train(text, { model: { family: 'text', embeddingDim: 8, encoder }, epochs: 12, batchSize: 16, learningRate: 0.02 });
    expect(version).toMatchObject({ head: 'sigmoid', inputs: [{ name: 'review', dtype: 'int32', width: 8, cardinality: POSITIVE.length + NEGATIVE.length + NEUTRAL.length + 2 }] });
    expect(version.fit.metrics['val_accuracy']).toBeGreaterThanOrEqual(0.9);
    expect(version.preflight.backends.find((entry) => entry.backend === 'wasm')?.status).toBe('supported');
  });

  it.each(['matrix-factorization', 'two-tower'] as const)('learns ratings with %s better than predicting the mean', async (architecture) => {
    const version = await train(explicit, {
      model: { family: 'recommender', architecture, userColumn: 'user', itemColumn: 'item', embeddingDim: 8, towerUnits: [16, 8] },
      epochs: 25,
      batchSize: 64,
      learningRate: 0.02,
    });
    expect(version).toMatchObject({ head: 'linear', labels: 'value' });
    expect(version.fit.metrics['val_loss']).toBeLessThan(ratingVariance * 0.8);
  });

  it('learns implicit feedback from interactions and sampled non-interactions', async () => {
    const version = await train(implicit, {
      model: { family: 'recommender', userColumn: 'user', itemColumn: 'item', embeddingDim: 4, l2: 1e-4, feedback: { kind: 'implicit', negativesPerPositive: 2 } },
      epochs: 20,
      earlyStopping: { patience: 3 },
      batchSize: 64,
      learningRate: 0.02,
    });
    expect(version).toMatchObject({ head: 'sigmoid', labels: 'interaction' });
    // Each epoch pairs the 384 interactions with 2 fresh negatives each.
    expect(version.fit.trainRows).toBe(384 * 3);
    expect(version.fit.metrics['val_accuracy']).toBeGreaterThan(0.7);
  });

  it('learns to translate numbers with a GRU encoder-decoder, teacher-forced', async () => {
    const pairs = numberTranslations({ count: 600, seed: 5 }).map(({ english, french }): TestRecord => ({ english, french }));
    const translations = await storeProcessedData(
      store,
      {
        columns: [{ column: 'english', type: 'text', encoding: 'sequence', sequenceLength: 10, padding: 'pre' }],
        target: { column: 'french', task: 'sequence', sequenceLength: 12 },
      },
      { train: pairs.slice(0, 480), validation: pairs.slice(480, 540), test: pairs.slice(540) },
    );
    const version = await train(translations, { model: { family: 'seq2seq', embeddingDim: 16, units: 48 }, epochs: 12, batchSize: 32, learningRate: 0.01 });
    expect(version).toMatchObject({ task: 'sequence', head: 'token-softmax', labels: 'token-sequence' });
    expect(version.inputs.map((input) => input.name)).toEqual(['english', 'decoder_tokens']);
    // Token accuracy with the true previous token fed in; well above what guessing the most frequent word gives.
    expect(version.fit.metrics['val_accuracy']).toBeGreaterThan(0.6);
    expect(version.fit.lossHistory.at(-1)).toBeLessThan(version.fit.lossHistory[0]! / 2);
    expect(version.preflight.backends.find((entry) => entry.backend === 'wasm')?.status).toBe('supported');
  });

  it('trains an MLP with batch normalisation, dropout, L1/L2 and every activation', async () => {
    const hiddenLayers = (['relu', 'elu', 'selu', 'tanh', 'sigmoid', 'softplus', 'swish', 'gelu'] as const).map((activation, index) => ({
      units: 8,
      activation,
      batchNorm: index % 2 === 0,
      dropout: index === 3 ? 0.1 : 0,
      l1: index === 4 ? 1e-4 : 0,
      l2: index === 5 ? 1e-3 : 0,
    }));
    const blobs = await storeProcessedData(
      store,
      { columns: [{ column: 'a', type: 'numeric' }, { column: 'b', type: 'numeric' }], target: { column: 'side', task: 'classification' } },
      {
        train: Array.from({ length: 120 }, (_, row) => ({ a: row % 3 === 0 ? -1 - (row % 7) / 7 : 1 + (row % 5) / 5, b: (row % 11) / 11, side: row % 3 === 0 ? 'l' : 'r' })),
        test: [{ a: -1, b: 0, side: 'l' }, { a: 1, b: 0, side: 'r' }],
      },
    );
    const version = await train(blobs, { model: { family: 'mlp', hiddenLayers }, epochs: 10, optimizer: { kind: 'adam' }, schedule: { kind: 'cosine', minLearningRate: 0.001 } });
    expect(version.fit.lossHistory[9]).toBeLessThan(version.fit.lossHistory[0]!);
  });
});
