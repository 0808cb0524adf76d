import { trainingSpecSchema } from '@aiaas/model-spec';
import type { ColumnPreprocessing__Output, EvaluationSpec__Output, PreprocessingSpec__Output, SplitSpec__Output, StartPipelineRequest__Output, TrainingSpec__Output } from '@aiaas/proto';
import type { DatasetRecord } from '@aiaas/registry';
import { toPipelinePayloads } from './pipeline-request';

const dataset: DatasetRecord = {
  id: 'ds_1',
  name: 'penguins',
  sha256: 'a'.repeat(64),
  sizeBytes: 1,
  rowCount: 10,
  format: { kind: 'csv', delimiter: ',', hasHeader: true },
  columns: [
    { name: 'species', type: 'categorical', inferred: true, missingCount: 0, distinctCount: 3, distinctCountCapped: false },
    { name: 'island', type: 'categorical', inferred: true, missingCount: 0, distinctCount: 3, distinctCountCapped: false },
    { name: 'mass', type: 'numeric', inferred: true, missingCount: 1, distinctCount: 9, distinctCountCapped: false },
    { name: 'note', type: 'text', inferred: true, missingCount: 0, distinctCount: 10, distinctCountCapped: false },
    { name: 'penguin_id', type: 'id', inferred: true, missingCount: 0, distinctCount: 10, distinctCountCapped: false },
    { name: 'price', type: 'numeric', inferred: false, missingCount: 0, distinctCount: 400, distinctCountCapped: false },
  ],
  schema: [],
  anomalyPolicy: 'reject',
  rowsWithAnomalies: 0,
  shards: [{ byteStart: 0, byteEnd: 1, firstRow: 1, firstLine: 1, rowCount: 10 }],
  raw: `sha256:${'a'.repeat(64)}`,
  profile: `sha256:${'b'.repeat(64)}`,
  createdAt: 1,
};

const SPLIT: SplitSpec__Output = { test_fraction: 0, validation_fraction: 0, strategy: 'STRATEGY_UNSPECIFIED', column: '' };
const PREPROCESSING: PreprocessingSpec__Output = { task: 'TASK_UNSPECIFIED', drop_duplicates: false, clip: null, columns: {}, exclude_columns: [] };

function request(partial: Partial<StartPipelineRequest__Output> = {}): StartPipelineRequest__Output {
  return { dataset_id: 'ds_1', target_column: 'species', model_name: 'penguins', split: null, training: null, min_accuracy: 0, preprocessing: null, tuning: null, evaluation: null, ...partial };
}

function training(partial: Partial<TrainingSpec__Output>): TrainingSpec__Output {
  return { hidden_units: [], epochs: 0, batch_size: 0, learning_rate: 0, dropout: 0, loss: 'LOSS_UNSPECIFIED', huber_delta: 0, early_stopping: null, progress_every_batches: 0, ...partial };
}

function column(name: string, override: Partial<ColumnPreprocessing__Output>): PreprocessingSpec__Output {
  return { ...PREPROCESSING, columns: { [name]: { impute: null, clip: null, ...override } } };
}

describe('toPipelinePayloads', () => {
  it('fills in the documented defaults', () => {
    const payloads = toPipelinePayloads(request(), 'job_1', dataset);
    expect(payloads.preprocess).toMatchObject({
      jobId: 'job_1',
      datasetId: 'ds_1',
      targetColumn: 'species',
      split: { strategy: 'ratio', testFraction: 0.2, validationFraction: 0, seed: 42 },
      dropDuplicates: false,
    });
    const plan = payloads.preprocess.plan;
    expect(plan.target).toEqual({ column: 'species', task: 'classification', maxClasses: 100 });
    expect(plan.columns.map((column) => [column.column, column.type, 'encoding' in column ? column.encoding : undefined])).toEqual([
      ['island', 'categorical', 'one-hot'],
      ['mass', 'numeric', 'standardize'],
      ['note', 'text', 'tf-idf'],
      ['penguin_id', 'id', 'exclude'],
      ['price', 'numeric', 'standardize'],
    ]);
    expect(plan.stopWords).toEqual([]);
    expect(payloads.train.training).toEqual(trainingSpecSchema.parse({}));
    expect(payloads.deploy).toEqual({ jobId: 'job_1', alias: 'production' });
    expect(payloads.evaluate).toEqual({ jobId: 'job_1', minAccuracy: 0, sliceColumns: [], thresholds: [], maxRegression: [] });
  });

  it('keeps an explicit seed of 0', () => {
    const payloads = toPipelinePayloads(
      request({ split: { ...SPLIT, test_fraction: 0.3, seed: 0 }, training: training({ hidden_units: [8], epochs: 5, batch_size: 16, learning_rate: 0.1, dropout: 0.2, seed: 0 }) }),
      'job_1',
      dataset,
    );
    expect(payloads.preprocess.split).toEqual({ strategy: 'ratio', testFraction: 0.3, validationFraction: 0, seed: 0 });
    expect(payloads.train.training).toMatchObject({ model: { family: 'mlp', hiddenLayers: [{ units: 8, dropout: 0.2, activation: 'relu' }] }, epochs: 5, batchSize: 16, learningRate: 0.1, seed: 0 });
  });

  it('lays column overrides over the defaults and adds the stop words text normalisation needs', () => {
    const spec: PreprocessingSpec__Output = {
      ...PREPROCESSING,
      drop_duplicates: true,
      clip: { method: 'z_score', z_score: { threshold: 3 } },
      exclude_columns: ['price'],
      columns: {
        mass: { impute: { strategy: 'STRATEGY_MEDIAN', constant: '' }, clip: null, encoding: 'numeric', numeric: { scaling: 'SCALING_BUCKETIZE', buckets: 4 } },
        note: {
          impute: null,
          clip: null,
          encoding: 'text',
          text: {
            kind: 'KIND_BAG_OF_WORDS',
            vocabulary_size: 50,
            min_frequency: 2,
            sequence_length: 0,
            pad_start: false,
            truncate_start: false,
            keep_case: true,
            keep_unicode_forms: false,
            keep_punctuation: false,
            strip_accents: true,
            remove_stop_words: true,
          },
        },
      },
    };
    const payloads = toPipelinePayloads(request({ preprocessing: spec, split: { ...SPLIT, strategy: 'STRATEGY_GROUP', column: 'island', validation_fraction: 0.1 } }), 'job_1', dataset);
    expect(payloads.preprocess.dropDuplicates).toBe(true);
    expect(payloads.preprocess.split).toEqual({ strategy: 'group', column: 'island', testFraction: 0.2, validationFraction: 0.1, seed: 42 });
    const [, mass, note] = payloads.preprocess.plan.columns;
    expect(mass).toMatchObject({ type: 'numeric', encoding: 'bucketize', buckets: 4, impute: { strategy: 'median' }, clip: { method: 'z-score', threshold: 3 } });
    expect(note).toMatchObject({ type: 'text', encoding: 'bag-of-words', vocabularySize: 50, minFrequency: 2, normalization: { lowercase: false, stripAccents: true, removeStopWords: true } });
    expect(payloads.preprocess.plan.columns.map((column) => column.column)).not.toContain('price');
    expect(payloads.preprocess.plan.stopWords).toContain('the');
  });

  it('reads a numeric target with many values as regression, for which a minimum accuracy means nothing', () => {
    expect(toPipelinePayloads(request({ target_column: 'price' }), 'job_1', dataset).preprocess.plan.target.task).toBe('regression');
    expect(() => toPipelinePayloads(request({ target_column: 'price', min_accuracy: 0.5 }), 'job_1', dataset)).toThrow('invalid min_accuracy: applies to classifiers');
  });

  it('encodes text as token sequences for a text model, unless the request names another encoding', () => {
    const text = training({ text: { sequence_input: '', embedding_dim: 8, hidden_layers: [], rnn: { cell: 'RNN_CELL_GRU', units: 4, bidirectional: false }, encoder: 'rnn' }, model: 'text' });
    const spec = { ...PREPROCESSING, exclude_columns: ['island', 'mass', 'penguin_id', 'price'] };
    const payloads = toPipelinePayloads(request({ training: text, preprocessing: spec }), 'job_1', dataset);
    expect(payloads.preprocess.plan.columns).toEqual([expect.objectContaining({ column: 'note', type: 'text', encoding: 'sequence' })]);
    expect(payloads.train.training.model).toMatchObject({ family: 'text', embeddingDim: 8, encoder: { kind: 'rnn', cell: 'gru', units: 4 } });
  });

  it('indexes the user and item columns alone for a recommender, and regresses the rating', () => {
    const recommender = training({
      model: 'recommender',
      recommender: { architecture: 'ARCHITECTURE_UNSPECIFIED', user_column: 'penguin_id', item_column: 'island', embedding_dim: 0, tower_units: [], l2: 0, implicit: null },
    });
    const payloads = toPipelinePayloads(request({ target_column: 'mass', training: recommender }), 'job_1', dataset);
    expect(payloads.preprocess.plan.columns).toEqual([
      { column: 'penguin_id', type: 'id', encoding: 'index' },
      { column: 'island', type: 'id', encoding: 'index' },
    ]);
    expect(payloads.preprocess.plan.target.task).toBe('regression');
    expect(payloads.train.training.model).toMatchObject({ family: 'recommender', architecture: 'matrix-factorization', embeddingDim: 32, feedback: { kind: 'explicit' } });
  });

  describe('evaluation checks', () => {
    const evaluation = (partial: Partial<EvaluationSpec__Output>): EvaluationSpec__Output => ({ slice_columns: [], thresholds: [], max_regression: [], promotion: 'PROMOTION_UNSPECIFIED', ...partial });

    it('passes slices, thresholds and tolerances to the evaluate stage, and stages a candidate when asked to', () => {
      const payloads = toPipelinePayloads(
        request({
          evaluation: evaluation({
            slice_columns: ['island', 'mass'],
            thresholds: [{ metric: 'roc_auc', min: 0.8 }, { metric: 'log_loss', max: 0.5 }],
            max_regression: [{ metric: 'accuracy', tolerance: 0.01 }],
            promotion: 'PROMOTION_STAGE_ONLY',
          }),
        }),
        'job_1',
        dataset,
      );
      expect(payloads.evaluate).toEqual({
        jobId: 'job_1',
        minAccuracy: 0,
        sliceColumns: ['island', 'mass'],
        thresholds: [{ metric: 'roc_auc', min: 0.8 }, { metric: 'log_loss', max: 0.5 }],
        maxRegression: [{ metric: 'accuracy', tolerance: 0.01 }],
      });
      expect(payloads.deploy.alias).toBe('staging');
    });

    it.each([
      [{ thresholds: [{ metric: 'rmse', max: 3 }] }, 'invalid evaluation.thresholds[0].metric: "rmse" is a regression metric, which this model is not evaluated with; this model is evaluated with accuracy,'],
      [{ thresholds: [{ metric: 'acuracy', min: 0.9 }] }, 'invalid evaluation.thresholds[0].metric: "acuracy" is not a metric'],
      [{ thresholds: [{ metric: 'accuracy', min: 0.9, max: 0.5 }] }, 'invalid evaluation.thresholds[0].min: 0.9 is above max 0.5'],
      [{ thresholds: [{ metric: 'accuracy' }] }, 'invalid evaluation.thresholds[0]: sets neither min nor max'],
      [{ max_regression: [{ metric: 'macro_f1', tolerance: -0.1 }] }, 'invalid evaluation.max_regression[0].tolerance: must be a finite number of 0 or more'],
      [{ slice_columns: ['wingspan'] }, 'invalid evaluation.slice_columns[0]: "wingspan" is not a column of the dataset'],
      [{ slice_columns: ['species'] }, 'invalid evaluation.slice_columns[0]: "species" is the target column'],
    ] as [Partial<EvaluationSpec__Output>, string][])('refuses %j, naming the field', (partial, message) => {
      expect(() => toPipelinePayloads(request({ evaluation: evaluation(partial) }), 'job_1', dataset)).toThrow(message);
    });

    it('lets a regressor be held to error bounds and an explicit recommender to ranking metrics', () => {
      expect(toPipelinePayloads(request({ target_column: 'price', evaluation: evaluation({ thresholds: [{ metric: 'rmse', max: 3 }] }) }), 'job_1', dataset).evaluate.thresholds).toEqual([
        { metric: 'rmse', max: 3 },
      ]);
      const recommender = training({
        model: 'recommender',
        recommender: { architecture: 'ARCHITECTURE_UNSPECIFIED', user_column: 'penguin_id', item_column: 'island', embedding_dim: 0, tower_units: [], l2: 0, implicit: null },
      });
      const ranked = toPipelinePayloads(request({ target_column: 'mass', training: recommender, evaluation: evaluation({ thresholds: [{ metric: 'ndcg_at_k', min: 0.1 }] }) }), 'job_1', dataset);
      expect(ranked.evaluate.thresholds).toEqual([{ metric: 'ndcg_at_k', min: 0.1 }]);
    });
  });

  describe('for a seq2seq model', () => {
    const translations: DatasetRecord = {
      ...dataset,
      columns: [
        { name: 'english', type: 'text', inferred: true, missingCount: 0, distinctCount: 10, distinctCountCapped: false },
        // Short sentences that repeat look categorical to the profile; a seq2seq model reads them as text.
        { name: 'french', type: 'categorical', inferred: true, missingCount: 0, distinctCount: 10, distinctCountCapped: false },
        { name: 'number', type: 'numeric', inferred: true, missingCount: 0, distinctCount: 10, distinctCountCapped: false },
      ],
    };
    const seq2seq = training({ model: 'seq2seq', seq2seq: { source_input: '', embedding_dim: 0, units: 48 } });
    const translate = (partial: Partial<StartPipelineRequest__Output>) =>
      toPipelinePayloads(request({ target_column: 'french', model_name: 'fr', training: seq2seq, ...partial }), 'job_1', translations);

    it('reads the text source as front-padded token ids and predicts the target as a token sequence', () => {
      const payloads = translate({});
      expect(payloads.preprocess.plan.columns).toEqual([expect.objectContaining({ column: 'english', type: 'text', encoding: 'sequence', padding: 'pre' })]);
      expect(payloads.preprocess.plan.target).toMatchObject({ column: 'french', task: 'sequence', sequenceLength: 16, vocabularySize: 1_000 });
      expect(payloads.train.training.model).toEqual({ family: 'seq2seq', embeddingDim: 32, units: 48 });
    });

    it('takes the target length and vocabulary from a text override on the target column', () => {
      const text = { kind: 'KIND_UNSPECIFIED', vocabulary_size: 300, min_frequency: 0, sequence_length: 12, pad_start: false, truncate_start: false, keep_case: true, keep_unicode_forms: false, strip_accents: false, keep_punctuation: false, remove_stop_words: false } as const;
      const payloads = translate({ preprocessing: column('french', { encoding: 'text', text }) });
      expect(payloads.preprocess.plan.target).toMatchObject({ task: 'sequence', sequenceLength: 12, vocabularySize: 300, normalization: { lowercase: false } });
      expect(() => translate({ preprocessing: column('french', { encoding: 'text', text: { ...text, remove_stop_words: true } }) })).toThrow(
        'invalid preprocessing.columns["french"].text.remove_stop_words: a sequence target keeps every word it is to predict',
      );
    });

    it('refuses a target that is not text, and a regression loss, naming the fields', () => {
      expect(() => translate({ target_column: 'number' })).toThrow('invalid target_column: "number" is numeric; a sequence target must be a text column');
      expect(() => translate({ training: { ...seq2seq, loss: 'LOSS_MSE' } })).toThrow('invalid training.loss: a seq2seq model learns with sparse-categorical-crossentropy');
      const withoutWords = { ...PREPROCESSING, exclude_columns: ['species', 'island'] };
      expect(() => toPipelinePayloads(request({ target_column: 'note', training: seq2seq, preprocessing: withoutWords }), 'job_1', dataset)).toThrow(
        'invalid training.model: the model reads a text column as its source, and dataset ds_1 has none besides the target and the excluded columns',
      );
    });
  });

  it('passes a hyper-parameter search to training, checking every trial can be built', () => {
    const tuning = {
      strategy: 'STRATEGY_SUCCESSIVE_HALVING' as const,
      parameters: [
        { parameter: 'learning_rate', values: [], choices: [], range: { min: 0.0001, max: 0.1, log: true } },
        { parameter: 'optimizer', values: [], choices: ['adam', 'sgd'], range: null },
      ],
      trials: 9,
      objective: 'val_accuracy',
      max_concurrent_trials: 0,
      min_epochs: 2,
      reduction_factor: 0,
    };
    const payloads = toPipelinePayloads(request({ tuning }), 'job_1', dataset);
    expect(payloads.train.tuning).toMatchObject({ strategy: 'successive-halving', trials: 9, objective: 'val_accuracy', maxConcurrentTrials: 4, minEpochs: 2, reductionFactor: 3 });
    expect(payloads.train.tuning?.parameters).toEqual([
      { parameter: 'learning_rate', range: { min: 0.0001, max: 0.1, log: true } },
      { parameter: 'optimizer', values: ['adam', 'sgd'] },
    ]);
    const embedding = { ...tuning, parameters: [{ parameter: 'embedding_dim', values: [8, 16], choices: [], range: null }] };
    expect(() => toPipelinePayloads(request({ tuning: embedding }), 'job_1', dataset)).toThrow('invalid tuning.parameters: trial 0: embedding_dim applies to text, recommender and seq2seq models');
    const badRange = { ...tuning, parameters: [{ parameter: 'dropout', values: [], choices: [], range: { min: 0.5, max: 0.1, log: false } }] };
    expect(() => toPipelinePayloads(request({ tuning: badRange }), 'job_1', dataset)).toThrow('invalid tuning.parameters[0].range: min 0.5 must be below max 0.1');
    expect(() => toPipelinePayloads(request({ target_column: 'price', tuning }), 'job_1', dataset)).toThrow('invalid tuning.objective: val_accuracy is measured for classifiers');
  });

  it.each([
    [{ target_column: 'weight' }, 'invalid target_column: "weight" is not a column of dataset ds_1; columns are species, island, mass, note, penguin_id, price'],
    [{ preprocessing: column('island', { encoding: 'numeric', numeric: { scaling: 'SCALING_MIN_MAX', buckets: 0 } }) }, 'invalid preprocessing.columns["island"].numeric: column "island" is categorical'],
    [{ preprocessing: column('mass', { impute: { strategy: 'STRATEGY_NONE', constant: '' } }) }, 'invalid preprocessing.columns["mass"].impute.strategy: "none" imputation does not apply to a numeric column'],
    [{ preprocessing: column('mass', { impute: { strategy: 'STRATEGY_CONSTANT', constant: 'heavy' } }) }, 'invalid preprocessing.columns["mass"].impute.value: "heavy" is not a number'],
    [{ preprocessing: column('wingspan', {}) }, 'invalid preprocessing.columns["wingspan"]: is not a column of dataset ds_1'],
    [{ preprocessing: column('island', { encoding: 'categorical', categorical: { kind: 'KIND_INDEX', max_vocabulary: 0, min_frequency: 0 } }) }, 'invalid training.model: the mlp model cannot use island (index)'],
    [{ preprocessing: { ...PREPROCESSING, exclude_columns: ['island', 'mass', 'note', 'penguin_id', 'price'] } }, 'invalid preprocessing.exclude_columns: leaves no column'],
    [{ split: { ...SPLIT, strategy: 'STRATEGY_TIME', column: '' } }, 'invalid split.column: a time split needs the time column'],
    [{ split: { ...SPLIT, test_fraction: 0.5, validation_fraction: 0.45 } }, 'invalid split.validation_fraction: with test_fraction 0.5 it leaves less than 10% of rows for training'],
    [{ target_column: '' }, 'invalid target_column: is required'],
    [{ model_name: 'bad name!' }, 'invalid model_name: must be 1-63 letters'],
    [{ min_accuracy: 1.5 }, 'invalid min_accuracy: must be in [0, 1], got 1.5'],
    [{ split: { ...SPLIT, test_fraction: 0.95 } }, 'invalid split.test_fraction: must be in (0, 0.9], got 0.95'],
    [{ training: training({ hidden_units: [8, 0] }) }, 'invalid training.hidden_units[1]: Too small'],
    [{ training: training({ dropout: 1 }) }, 'invalid training.dropout: Too big'],
    [{ training: training({ model: 'mlp', mlp: { hidden_layers: [{ units: 4, activation: 'ACTIVATION_TANH', dropout: 0, batch_norm: false, l1: -1, l2: 0 }] } }) }, 'invalid training.mlp.hidden_layers[0].l1: Too small'],
    [{ training: training({ optimizer: 'adam', adam: { beta1: 1.5, beta2: 0, epsilon: 0 } }) }, 'invalid training.adam.beta1: Too big'],
    [{ training: training({ loss: 'LOSS_MSE' }) }, 'invalid training.loss: mse is a regression loss'],
  ])('rejects %p', (partial, message) => {
    expect(() => toPipelinePayloads(request(partial as Partial<StartPipelineRequest__Output>), 'job_1', dataset)).toThrow(message);
  });
});
