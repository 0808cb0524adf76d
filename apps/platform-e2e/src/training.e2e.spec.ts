import { status } from '@grpc/grpc-js';
import {
  carRecords,
  carsCsv,
  englishNumberWords,
  frenchNumberWords,
  generateSyntheticRatings,
  numberTranslations,
  numberTranslationsCsv,
  spamCsv,
  spamMessages,
  toMovieLensCsv,
  type MovieLensRating,
  type SpamMessage,
} from '@aiaas/datasets';
import { NotFoundError } from '@aiaas/errors';
import { GatewayClient, WorkerClient, type Dataset__Output, type JobEvent__Output, type PreprocessingSpec } from '@aiaas/proto';
import { decodeTensor } from '@aiaas/tensor';
import { codeOf, collect, failure, JobFollower, toRecord, uploadMessages } from './gateway-calls';
import { startTestPlatform, stopTestPlatform, type TestPlatform } from './test-platform';

/** The spam sample trained on: balanced, so a model that learned nothing scores about 0.5. */
const SPAM_SAMPLE = { limit: 800, seed: 4 } as const;
const SPAM_BODY_CHARS = 600;
/** The spam models score 0.90-0.96 on held-out mail; chance is 0.5. */
const SPAM_ACCURACY_FLOOR = 0.85;
/** Each body as token ids: the first 64 tokens of the 2,000 most frequent. */
const SPAM_SEQUENCES: PreprocessingSpec = {
  exclude_columns: ['subject'],
  columns: { text: { text: { kind: 'KIND_SEQUENCE', sequence_length: 64, vocabulary_size: 2_000 } } },
};
/** 100 users rating 30 of 100 items each, drawn from a known matrix-factorisation model. */
const RATINGS = { users: 100, items: 100, ratingsPerUser: 30, seed: 3 } as const;
const RECOMMENDER_COLUMNS = { user_column: 'userId', item_column: 'movieId' } as const;
/** English-French number pairs: 2,000 drawn, about 1,400 distinct numbers. */
const TRANSLATIONS = { count: 2_000, seed: 1 } as const;
/** Source and target tokens per row: the longest English number has 9 words, the longest French 10 (plus the end token). */
const TRANSLATION_LENGTHS: PreprocessingSpec = {
  columns: { english: { text: { kind: 'KIND_SEQUENCE', sequence_length: 10 } }, french: { text: { sequence_length: 12 } } },
};

const trainEpochs = (events: readonly JobEvent__Output[]) => events.filter((event) => event.epoch_ended).map((event) => event.epoch_ended!.epoch);
const finishOf = (events: readonly JobEvent__Output[]) => events.at(-1)!.job_finished;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
const mean = (values: ArrayLike<number>) => Array.from(values).reduce((sum, value) => sum + value, 0) / values.length;
const messageKey = (message: SpamMessage) => `${message.subject}\n${message.body}`;

describe('training, end to end through the gateway', () => {
  let test: TestPlatform;
  let gateway: GatewayClient;
  let cars: Dataset__Output;
  let spam: Dataset__Output;
  let ratingsDataset: Dataset__Output;
  let translations: Dataset__Output;
  const { ratings } = generateSyntheticRatings(RATINGS);

  beforeAll(async () => {
    // Locks that lapse within seconds, so a killed worker's job moves to a live replica quickly.
    test = await startTestPlatform({ JOB_LOCK: '2s', STALLED_CHECK: '1s' });
    gateway = test.gatewayClient();
    [cars, spam, ratingsDataset, translations] = await Promise.all([
      gateway.uploadDataset(uploadMessages(carsCsv(), 'cars', 16_384)),
      gateway.uploadDataset(uploadMessages(spamCsv({ ...SPAM_SAMPLE, maxBodyChars: SPAM_BODY_CHARS }), 'spam', 16_384)),
      gateway.uploadDataset(uploadMessages(toMovieLensCsv(ratings), 'ratings', 16_384)),
      gateway.uploadDataset(uploadMessages(numberTranslationsCsv(TRANSLATIONS), 'numbers', 16_384)),
    ]);
  }, 90_000);

  afterAll(async () => {
    gateway?.close();
    await stopTestPlatform(test);
  }, 60_000);

  it('fits an MLP regressor on the cars, scores it with regression metrics, and predicts miles per gallon from raw records', async () => {
    const job = await gateway.startPipeline({ dataset_id: cars.id, target_column: 'miles_per_gallon', model_name: 'cars-mpg', training: { epochs: 40 } });
    const events = await collect(gateway, job.id);
    expect(finishOf(events)).toMatchObject({ state: 'JOB_STATE_SUCCEEDED', error: '' });
    expect(trainEpochs(events)).toEqual(range(1, 40));

    const version = (await gateway.getModel('cars-mpg')).versions[0]!;
    expect(version).toMatchObject({ task: 'regression', class_labels: [], metrics: null, aliases: ['production'], status: 'MODEL_VERSION_STATUS_BLESSED' });
    expect(version.training).toMatchObject({ model_family: 'mlp', epochs_run: 40, ending: 'completed', kept_epoch: 40 });
    expect(version.training!.loss_history).toHaveLength(40);
    expect(version.backend_support.find((support) => support.backend === 'wasm')).toMatchObject({ status: 'supported', missing_kernels: [] });
    // A mean-predictor scores 0; the MLP explains about 85% of the variance.
    expect(version.regression_metrics!.r2).toBeGreaterThan(0.7);
    expect(version.regression_metrics!.test_rows).toBeGreaterThan(70);

    const labelled = carRecords().filter((car) => car.miles_per_gallon !== null);
    const response = await gateway.predict({ model_name: 'cars-mpg', records: { records: labelled.map(({ miles_per_gallon: _target, ...car }) => toRecord(car)) } });
    expect(response).toMatchObject({ class_labels: [], predicted_labels: [], probabilities: null });
    const values = decodeTensor(response.values!, 'values');
    expect(values.shape).toEqual([labelled.length]);
    // The cars do 9-47 mpg; predictions within about 2-3 mpg of the truth, in the same units.
    expect(Math.min(...values.values) > 0 && Math.max(...values.values) < 60).toBe(true);
    const meanAbsoluteError = mean(Array.from(values.values, (value, index) => Math.abs(value - (labelled[index]!.miles_per_gallon as number))));
    expect(meanAbsoluteError).toBeLessThan(4);
  }, 60_000);

  it('fits a text classifier (embedding, conv1d) on token sequences of real mail, and classifies raw messages it never saw', async () => {
    const job = await gateway.startPipeline({
      dataset_id: spam.id,
      target_column: 'label',
      model_name: 'spam-conv1d',
      min_accuracy: SPAM_ACCURACY_FLOOR,
      preprocessing: SPAM_SEQUENCES,
      training: { epochs: 8, text: { sequence_input: 'text', embedding_dim: 16, conv1d: { filters: 16, kernel_size: 5 } } },
    });
    const events = await collect(gateway, job.id);
    expect(finishOf(events)).toMatchObject({ state: 'JOB_STATE_SUCCEEDED', error: '' });

    const version = (await gateway.getModel('spam-conv1d')).versions[0]!;
    expect(version).toMatchObject({ task: 'classification', class_labels: ['ham', 'spam'], input_columns: ['text'], status: 'MODEL_VERSION_STATUS_BLESSED' });
    expect(version.training).toMatchObject({ model_family: 'text', epochs_run: 8 });
    expect(version.metrics!.accuracy).toBeGreaterThanOrEqual(SPAM_ACCURACY_FLOOR);

    // Mail from outside the uploaded sample, as raw text.
    const trained = new Set(spamMessages(SPAM_SAMPLE).map(messageKey));
    const unseen = spamMessages({ limit: 1_000, seed: SPAM_SAMPLE.seed }).filter((message) => !trained.has(messageKey(message)));
    expect(unseen.length).toBeGreaterThan(100);
    const written = [
      { subject: 'WIN CASH NOW', body: 'Click here to claim your free prize! Limited offer, act now, 100% money back guarantee. Remove me from this list.' },
      { subject: 'Re: build failure', body: 'I think the patch you sent yesterday broke the kernel build on my machine; can you check the config before the release?' },
    ];
    const response = await gateway.predict({
      model_name: 'spam-conv1d',
      records: { records: [...written, ...unseen].map((message) => toRecord({ text: message.body.slice(0, SPAM_BODY_CHARS) })) },
    });
    expect(response.class_labels).toEqual(['ham', 'spam']);
    expect(response.probabilities).toMatchObject({ shape: [unseen.length + 2, 2] });
    expect(response.predicted_labels).toHaveLength(unseen.length + 2);
    for (const label of response.predicted_labels.slice(0, 2)) expect(['ham', 'spam']).toContain(label);
    const correct = unseen.filter((message, index) => response.predicted_labels[index + 2] === message.label).length;
    expect(correct / unseen.length).toBeGreaterThanOrEqual(SPAM_ACCURACY_FLOOR);
  }, 60_000);

  describe('recommenders over user and item ids', () => {
    it('fits explicit-feedback matrix factorisation and predicts ratings for user-item pairs', async () => {
      const job = await gateway.startPipeline({
        dataset_id: ratingsDataset.id,
        target_column: 'rating',
        model_name: 'ratings-mf',
        training: { epochs: 20, recommender: { ...RECOMMENDER_COLUMNS, architecture: 'ARCHITECTURE_MATRIX_FACTORIZATION', embedding_dim: 8, l2: 0.001 } },
      });
      const events = await collect(gateway, job.id);
      expect(finishOf(events)).toMatchObject({ state: 'JOB_STATE_SUCCEEDED', error: '' });

      const version = (await gateway.getModel('ratings-mf')).versions[0]!;
      // The user and item columns alone are the features: the timestamp is left out.
      expect(version).toMatchObject({ task: 'regression', input_columns: ['userId', 'movieId'], status: 'MODEL_VERSION_STATUS_BLESSED' });
      expect(version.training).toMatchObject({ model_family: 'recommender', epochs_run: 20 });
      // Predicting each rating by the mean scores 0; the factorisation gets about 0.55.
      expect(version.regression_metrics!.r2).toBeGreaterThan(0.35);

      const pairs = ratings.filter((_, index) => index % 10 === 0);
      const response = await gateway.predict({ model_name: 'ratings-mf', records: { records: pairs.map(({ userId, itemId }) => toRecord({ userId, movieId: itemId })) } });
      const values = decodeTensor(response.values!, 'values');
      expect(values.shape).toEqual([pairs.length]);
      // Ratings are 0.5-5 stars; a linear head may overshoot a little.
      expect(Math.min(...values.values)).toBeGreaterThan(-0.5);
      expect(Math.max(...values.values)).toBeLessThan(6);
      expect(mean(Array.from(values.values, (value, index) => Math.abs(value - pairs[index]!.rating)))).toBeLessThan(1);
    }, 60_000);

    it('fits implicit feedback with sampled negatives and rates pairs that happened above pairs that did not', async () => {
      const job = await gateway.startPipeline({
        dataset_id: ratingsDataset.id,
        target_column: 'rating',
        model_name: 'ratings-implicit',
        training: { epochs: 8, recommender: { ...RECOMMENDER_COLUMNS, embedding_dim: 8, l2: 0.001, implicit: { negatives_per_positive: 1 } } },
      });
      const events = await collect(gateway, job.id);
      expect(finishOf(events)).toMatchObject({ state: 'JOB_STATE_SUCCEEDED', error: '' });
      const version = (await gateway.getModel('ratings-implicit')).versions[0]!;
      expect(version.training).toMatchObject({ model_family: 'recommender', epochs_run: 8 });

      const rated = new Set(ratings.map((rating) => `${rating.userId}:${rating.itemId}`));
      const happened = ratings.filter((_, index) => index % 15 === 0);
      const never: MovieLensRating[] = [];
      for (let user = 1; user <= RATINGS.users; user++) {
        for (let item = 1; item <= RATINGS.items && never.length < user * 2; item += 7) {
          if (!rated.has(`${user}:${item}`)) never.push({ userId: String(user), itemId: String(item), rating: 0, timestamp: 0 });
        }
      }
      const pairs = [...happened, ...never];
      const response = await gateway.predict({ model_name: 'ratings-implicit', records: { records: pairs.map(({ userId, itemId }) => toRecord({ userId, movieId: itemId })) } });
      const probabilities = decodeTensor(response.values!, 'values').values;
      expect(probabilities).toHaveLength(pairs.length);
      expect(Array.from(probabilities).every((probability) => probability >= 0 && probability <= 1)).toBe(true);
      const happenedMean = mean(probabilities.subarray(0, happened.length));
      const neverMean = mean(probabilities.subarray(happened.length));
      expect(happenedMean - neverMean).toBeGreaterThan(0.15);
    }, 60_000);
  });

  it('fits a GRU encoder-decoder that translates numbers into French, scores it with BLEU, and decodes raw English it never saw', async () => {
    const job = await gateway.startPipeline({
      dataset_id: translations.id,
      target_column: 'french',
      model_name: 'numbers-fr',
      min_accuracy: 0.8,
      preprocessing: TRANSLATION_LENGTHS,
      training: { epochs: 10, seq2seq: { embedding_dim: 32, units: 64 } },
    });
    const events = await collect(gateway, job.id);
    expect(finishOf(events)).toMatchObject({ state: 'JOB_STATE_SUCCEEDED', error: '' });

    const version = (await gateway.getModel('numbers-fr')).versions[0]!;
    expect(version).toMatchObject({ task: 'sequence', input_columns: ['english'], class_labels: [], metrics: null, status: 'MODEL_VERSION_STATUS_BLESSED' });
    expect(version.training).toMatchObject({ model_family: 'seq2seq', epochs_run: 10 });
    expect(version.backend_support.find((support) => support.backend === 'wasm')).toMatchObject({ status: 'supported' });
    // Greedy decoding of the held-out sources: 0.975 of them exactly right, BLEU 0.96.
    expect(version.sequence_metrics).toMatchObject({ test_rows: 400 });
    expect(version.sequence_metrics!.exact_match).toBeGreaterThanOrEqual(0.9);
    expect(version.sequence_metrics!.bleu).toBeGreaterThan(0.9);

    // Numbers the corpus never drew, sent as raw English.
    const drawn = new Set(numberTranslations(TRANSLATIONS).map((pair) => pair.english));
    const unseen = Array.from({ length: 400 }, (_, index) => 1_000 + index * 17).filter((number) => !drawn.has(englishNumberWords(number))).slice(0, 100);
    expect(unseen.length).toBe(100);
    const response = await gateway.predict({ model_name: 'numbers-fr', records: { records: unseen.map((number) => toRecord({ english: englishNumberWords(number) })) } });
    expect(response).toMatchObject({ class_labels: [], predicted_labels: [], probabilities: null, values: null });
    expect(response.decoded_texts).toHaveLength(100);
    // 95 of these 100 come out exactly right.
    const right = unseen.filter((number, index) => response.decoded_texts[index] === frenchNumberWords(number)).length;
    expect(right).toBeGreaterThanOrEqual(80);
  }, 120_000);

  describe('a spec the data cannot feed is refused at the door', () => {
    it('a text model on a dataset without text: INVALID_ARGUMENT naming training.model', async () => {
      const error = await failure(gateway.startPipeline({ dataset_id: cars.id, target_column: 'miles_per_gallon', model_name: 'cars-text', training: { text: {} } }));
      expect(codeOf(error)).toBe(status.INVALID_ARGUMENT);
      expect(error).toMatchObject({ field: 'training.model' });
      expect(error.message).toContain('a text model needs a text column encoded as token sequences');
    });

    it('a seq2seq model asked to predict a number: INVALID_ARGUMENT naming target_column', async () => {
      const error = await failure(gateway.startPipeline({ dataset_id: cars.id, target_column: 'miles_per_gallon', model_name: 'cars-seq2seq', training: { seq2seq: {} } }));
      expect(codeOf(error)).toBe(status.INVALID_ARGUMENT);
      expect(error).toMatchObject({ field: 'target_column' });
      expect(error.message).toContain('a sequence target must be a text column');
    });

    it('a recommender over a column the dataset does not have: INVALID_ARGUMENT naming training.recommender', async () => {
      const error = await failure(
        gateway.startPipeline({ dataset_id: ratingsDataset.id, target_column: 'rating', model_name: 'ratings-x', training: { recommender: { user_column: 'customerId', item_column: 'movieId' } } }),
      );
      expect(codeOf(error)).toBe(status.INVALID_ARGUMENT);
      expect(error).toMatchObject({ field: 'training.recommender' });
      expect(error.message).toContain('"customerId" is not a column');
      await expect(gateway.getModel('ratings-x')).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  it('cancels a running training at the next batch: the job ends cancelled, nothing is deployed, and a second cancel is refused', async () => {
    const epochs = 40;
    const job = await gateway.startPipeline({
      dataset_id: spam.id,
      target_column: 'label',
      model_name: 'spam-gru',
      preprocessing: SPAM_SEQUENCES,
      training: { epochs, text: { sequence_input: 'text', embedding_dim: 16, rnn: { cell: 'RNN_CELL_GRU', units: 16 } } },
    });
    const follower = new JobFollower(gateway, job.id);
    await follower.until('first epoch', (events) => trainEpochs(events).length >= 1, 60_000);
    const etaSeconds = follower.events.find((event) => event.epoch_ended)!.epoch_ended!.eta_seconds;

    const cancelledAt = Date.now();
    await expect(gateway.cancelJob(job.id)).resolves.toMatchObject({ id: job.id });
    const events = await follower.finished;
    const took = Date.now() - cancelledAt;
    expect(finishOf(events)).toMatchObject({ state: 'JOB_STATE_CANCELLED' });
    // Stopped at a batch boundary within the cancel poll, not at the end of an epoch or of the training.
    expect(took).toBeLessThan(Math.min(10_000, (etaSeconds * 1_000) / 4));
    expect(trainEpochs(events).length).toBeLessThan(epochs / 4);
    expect(events.some((event) => event.stage === 'STAGE_TRAIN' && event.stage_completed)).toBe(false);

    const stored = await gateway.getJob(job.id);
    expect(stored.state).toBe('JOB_STATE_CANCELLED');
    expect(stored.stages.map((stage) => [stage.stage, stage.state])).toEqual([
      ['STAGE_PREPROCESS', 'JOB_STATE_SUCCEEDED'],
      ['STAGE_TRAIN', 'JOB_STATE_CANCELLED'],
      ['STAGE_EVALUATE', 'JOB_STATE_QUEUED'],
      ['STAGE_DEPLOY', 'JOB_STATE_QUEUED'],
    ]);
    const model = await gateway.getModel('spam-gru');
    expect(model.aliases).toEqual({});
    expect(model.versions.filter((version) => version.status === 'MODEL_VERSION_STATUS_BLESSED')).toEqual([]);
    await expect(gateway.predict({ model_name: 'spam-gru', records: { records: [toRecord({ text: 'hello' })] } })).rejects.toBeInstanceOf(NotFoundError);

    const again = await failure(gateway.cancelJob(job.id));
    expect(codeOf(again)).toBe(status.FAILED_PRECONDITION);
    expect(again.message).toContain('has already been cancelled');
  }, 90_000);

  it('resumes from the last epoch checkpoint on another replica when the training process is killed', async () => {
    const epochs = 60;
    // Batches of 2 make each epoch ~150 short steps: about 10 s of training, checkpointed every epoch.
    const job = await gateway.startPipeline({ dataset_id: cars.id, target_column: 'miles_per_gallon', model_name: 'cars-resumed', training: { epochs, batch_size: 2 } });
    const follower = new JobFollower(gateway, job.id);
    await follower.until('two epochs', (events) => trainEpochs(events).length >= 2, 60_000);

    await test.crash('training');
    const replica = await test.startReplica('training');
    const events = await follower.finished;
    expect(finishOf(events)).toMatchObject({ state: 'JOB_STATE_SUCCEEDED', error: '' });

    // The replica starts the stage again once the dead worker's lock lapses...
    const trainStarts = events.flatMap((event, index) => (event.stage === 'STAGE_TRAIN' && event.stage_started ? [index] : []));
    expect(trainStarts).toHaveLength(2);
    const before = trainEpochs(events.slice(0, trainStarts[1]));
    const after = trainEpochs(events.slice(trainStarts[1]));
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before).toEqual(range(1, before.length));
    // ...and carries on after the last checkpointed epoch: no second "epoch 1".
    expect(after[0]).toBeGreaterThan(1);
    expect(after[0]).toBeGreaterThan(before.at(-1)!);
    expect(after).toEqual(range(after[0]!, epochs));
    expect(test.lines.filter((line) => line.startsWith('[training#2]') && line.includes('resuming training from a checkpoint'))).toHaveLength(1);

    const model = await gateway.getModel('cars-resumed');
    expect(model.versions.map((version) => version.version)).toEqual([finishOf(events)!.model_version]);
    expect(model.versions[0]!).toMatchObject({ job_id: job.id, status: 'MODEL_VERSION_STATUS_BLESSED' });
    // The fit's history came through the checkpoint: every epoch, not just the replica's.
    expect(model.versions[0]!.training).toMatchObject({ epochs_run: epochs, kept_epoch: epochs });
    expect(model.versions[0]!.training!.loss_history).toHaveLength(epochs);
    expect(model.versions[0]!.regression_metrics!.r2).toBeGreaterThan(0.7);

    const worker = new WorkerClient('TrainingService', replica.address);
    try {
      await expect(worker.describeWorker()).resolves.toMatchObject({ completed_jobs: 1, active_jobs: 0 });
    } finally {
      worker.close();
    }
  }, 90_000);
});
