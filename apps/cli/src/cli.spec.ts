import { InvalidArgumentError } from '@aiaas/errors';
import type { ApiKey__Output, JobEvent__Output, ModelVersion__Output, PredictResponse__Output, ShadowDeployment__Output } from '@aiaas/proto';
import { encodeTensor } from '@aiaas/tensor';
import { trafficSplitRequestFromArgs } from './commands/canary';
import { evaluateRequestFromFlags, formatEvaluation } from './commands/evaluate';
import { formatModelListing } from './commands/models';
import { reportRequestFromArgs } from './commands/report';
import { formatDecodedTexts, formatPredictedValues, predictedValues } from './commands/predict';
import { recommendRequestFromFlags } from './commands/recommend';
import { formatShadow, shadowArgsFrom } from './commands/shadow';
import { versionPolicyRequestFromArgs } from './commands/policy';
import { createApiKeyRequestFromArgs, formatApiKey } from './commands/keys';
import { rollbackAliasRequestFromArgs, setAliasRequestFromArgs } from './commands/promote';
import { formatBytes, withProgress } from './progress';
import { CredentialsFile, expandHome } from './credentials';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipelineRequestFromFlags } from './commands/train';
import { datasetHeaderFromFlags } from './commands/dataset-options';
import { uploadMessages } from './commands/upload';
import { formatJobEvent, formatPrediction } from './format';
import { parseRecordsCsv, parseRecordsText, toRecordMessages } from './records';

describe('records', () => {
  it('reads a JSON object, a JSON array or JSON Lines', () => {
    expect(parseRecordsText('{"a": 1}')).toEqual([{ a: 1 }]);
    expect(parseRecordsText('[{"a": 1}, {"a": 2}]')).toEqual([{ a: 1 }, { a: 2 }]);
    expect(parseRecordsText('{"a": 1}\n\n{"a": "x"}\n')).toEqual([{ a: 1 }, { a: 'x' }]);
  });

  it('reads CSV with a header row, cells as text and empty cells as missing', () => {
    expect(parseRecordsCsv('island,mass,sex\nBiscoe,5200,MALE\n"Torgersen, north",,\n')).toEqual([
      { island: 'Biscoe', mass: '5200', sex: 'MALE' },
      { island: 'Torgersen, north', mass: null, sex: null },
    ]);
    expect(parseRecordsCsv('a;b\n1;2', ';')).toEqual([{ a: '1', b: '2' }]);
    expect(() => parseRecordsCsv('a,b\n1,2\n3\n')).toThrow(/^invalid records line 3: /);
    expect(() => parseRecordsCsv('a,b\n')).toThrow('invalid records: the CSV has a header but no rows');
  });

  it('names the line that is not JSON', () => {
    expect(() => parseRecordsText('{"a": 1}\n{oops')).toThrow(/^invalid records line 2: is not JSON/);
  });

  it('maps JSON values to typed proto values', () => {
    expect(toRecordMessages([{ n: 1.5, s: 'x', b: true, missing: null }])).toEqual([
      { fields: { n: { number_value: 1.5 }, s: { string_value: 'x' }, b: { bool_value: true }, missing: { null_value: true } } },
    ]);
    expect(() => toRecordMessages([{ nested: { a: 1 } }])).toThrow('invalid records[0].nested: must be a number, string, boolean or null');
    expect(() => toRecordMessages([[1, 2]])).toThrow(InvalidArgumentError);
  });
});

describe('recommend flags', () => {
  it('become a Recommend request', () => {
    expect(recommendRequestFromFlags(['--model', 'recs', '--user', '42', '--k', '5', '--exclude', 'a, b', '--alias', 'canary'])).toEqual({
      model_name: 'recs',
      user: '42',
      k: 5,
      exclude_items: ['a', 'b'],
      alias: 'canary',
    });
    expect(() => recommendRequestFromFlags(['--model', 'recs'])).toThrow('invalid --user: is required');
    expect(() => recommendRequestFromFlags(['--model', 'recs', '--user', '1', '--k', 'many'])).toThrow('invalid --k: expected a whole number');
  });
});

describe('train flags', () => {
  it('become a StartPipeline request, leaving unset options to the server defaults', () => {
    const { request, watch } = pipelineRequestFromFlags(['--dataset', 'ds_1', '--target', 'species', '--model', 'p', '--watch']);
    expect(watch).toBe(true);
    expect(request).toEqual({
      dataset_id: 'ds_1',
      target_column: 'species',
      model_name: 'p',
      min_accuracy: 0,
      split: { test_fraction: 0, validation_fraction: 0, strategy: 'STRATEGY_UNSPECIFIED', column: '' },
      preprocessing: { drop_duplicates: false, exclude_columns: [] },
      training: { hidden_units: [], epochs: 0, batch_size: 0, learning_rate: 0, dropout: 0, progress_every_batches: 0 },
    });
  });

  it('describe the model family, its architecture and how it is fitted', () => {
    const base = ['--dataset=d', '--target=t', '--model=m'];
    const text = pipelineRequestFromFlags([...base, '--family', 'text', '--encoder', 'bigru', '--units', '16', '--embedding-dim', '24', '--hidden', '8', '--loss', 'binary-crossentropy']).request.training;
    expect(text).toMatchObject({ text: { embedding_dim: 24, rnn: { cell: 'RNN_CELL_GRU', units: 16, bidirectional: true }, hidden_layers: [{ units: 8 }] }, loss: 'LOSS_BINARY_CROSSENTROPY' });
    const recommender = pipelineRequestFromFlags([...base, '--family', 'recommender', '--user', 'u', '--item', 'i', '--implicit', '--negatives', '3', '--architecture', 'two-tower']).request.training;
    expect(recommender?.recommender).toEqual({ user_column: 'u', item_column: 'i', embedding_dim: 0, architecture: 'ARCHITECTURE_TWO_TOWER', l2: 0, implicit: { negatives_per_positive: 3 } });
    const fitted = pipelineRequestFromFlags([
      ...base,
      '--hidden', '64,32', '--activation', 'gelu', '--batch-norm', '--optimizer', 'sgd:0.9', '--schedule', 'cosine:0.001', '--early-stopping', '3:val_accuracy', '--class-weights', 'a=2,b=0.5',
    ]).request.training;
    expect(fitted).toMatchObject({
      mlp: { hidden_layers: [{ units: 64, activation: 'ACTIVATION_GELU', batch_norm: true }, { units: 32 }] },
      sgd: { momentum: 0.9 },
      cosine_schedule: { min_learning_rate: 0.001 },
      early_stopping: { patience: 3, monitor: 'MONITORED_METRIC_VAL_ACCURACY' },
      class_weight_map: { weights: { a: 2, b: 0.5 } },
    });
    const checked = pipelineRequestFromFlags([...base, '--slice', 'island', '--slice', 'sex', '--threshold', 'roc_auc>=0.9', '--threshold', 'log_loss<=0.4', '--max-regression', 'accuracy=0.01', '--stage-only']).request;
    expect(checked.evaluation).toEqual({
      slice_columns: ['island', 'sex'],
      thresholds: [{ metric: 'roc_auc', min: 0.9 }, { metric: 'log_loss', max: 0.4 }],
      max_regression: [{ metric: 'accuracy', tolerance: 0.01 }],
      promotion: 'PROMOTION_STAGE_ONLY',
    });
    expect(() => pipelineRequestFromFlags([...base, '--threshold', 'roc_auc>0.9'])).toThrow('invalid --threshold: expected METRIC>=VALUE or METRIC<=VALUE');
    expect(() => pipelineRequestFromFlags([...base, '--max-regression', 'accuracy'])).toThrow('invalid --max-regression: expected METRIC=TOLERANCE');
    const translator = pipelineRequestFromFlags([...base, '--family', 'seq2seq', '--source', 'english', '--units', '96', '--target-length', '12']).request;
    expect(translator.training?.seq2seq).toEqual({ source_input: 'english', embedding_dim: 0, units: 96 });
    expect(translator.preprocessing?.columns).toEqual({ t: { text: { sequence_length: 12 } } });
    expect(() => pipelineRequestFromFlags([...base, '--family', 'recommender', '--user', 'u'])).toThrow('invalid --user: a recommender needs --user COLUMN and --item COLUMN');
    expect(() => pipelineRequestFromFlags([...base, '--optimizer', 'lbfgs'])).toThrow('invalid --optimizer');
    expect(() => pipelineRequestFromFlags([...base, '--loss', 'hinge'])).toThrow('invalid --loss: expected mse, mae');
  });

  it('describe a hyper-parameter search', () => {
    const base = ['--dataset=d', '--target=t', '--model=m'];
    const { request } = pipelineRequestFromFlags([
      ...base, '--tune', 'halving', '--search', 'learning_rate=0.0001..0.1:log', '--search', 'optimizer=adam,sgd', '--search', 'hidden_units=16,32', '--trials', '9', '--objective', 'val_accuracy',
    ]);
    expect(request.tuning).toEqual({
      strategy: 'STRATEGY_SUCCESSIVE_HALVING',
      parameters: [
        { parameter: 'learning_rate', range: { min: 0.0001, max: 0.1, log: true } },
        { parameter: 'optimizer', choices: ['adam', 'sgd'] },
        { parameter: 'hidden_units', values: [16, 32] },
      ],
      trials: 9,
      objective: 'val_accuracy',
      max_concurrent_trials: 0,
    });
    expect(pipelineRequestFromFlags(base).request.tuning).toBeUndefined();
    expect(() => pipelineRequestFromFlags([...base, '--tune', 'grid'])).toThrow('invalid --tune: give the parameters to search');
    expect(() => pipelineRequestFromFlags([...base, '--search', 'dropout=0.1'])).toThrow('invalid --search: needs --tune');
  });

  it('describe the split and cleaning', () => {
    const { request } = pipelineRequestFromFlags(
      ['--dataset=d', '--target=t', '--model=m', '--split', 'time', '--split-column', 'when', '--validation-fraction', '0.1', '--drop-duplicates', '--exclude', 'id, note', '--clip', 'quantile:0.01:0.99'],
    );
    expect(request.split).toMatchObject({ strategy: 'STRATEGY_TIME', column: 'when', validation_fraction: 0.1 });
    expect(request.preprocessing).toEqual({ drop_duplicates: true, exclude_columns: ['id', 'note'], clip: { quantile: { lower: 0.01, upper: 0.99 } } });
    expect(() => pipelineRequestFromFlags(['--dataset=d', '--target=t', '--model=m', '--clip', 'zscore'])).toThrow('invalid --clip: expected quantile:LOWER:UPPER or zscore:THRESHOLD');
    expect(() => pipelineRequestFromFlags(['--dataset=d', '--target=t', '--model=m', '--split', 'random'])).toThrow('invalid --split: expected ratio, time or group');
  });

  it('pass explicit values, including a seed of 0', () => {
    const { request } = pipelineRequestFromFlags(['--dataset=d', '--target=t', '--model=m', '--hidden', '64,32', '--epochs', '5', '--seed', '0', '--min-accuracy', '0.8']);
    expect(request.training).toMatchObject({ hidden_units: [64, 32], epochs: 5, seed: 0 });
    expect(request.split).toMatchObject({ test_fraction: 0, seed: 0 });
    expect(request.min_accuracy).toBe(0.8);
  });

  it('say which required flag is missing', () => {
    expect(() => pipelineRequestFromFlags(['--dataset', 'd', '--model', 'm'])).toThrow('invalid --target: is required');
    expect(() => pipelineRequestFromFlags(['--dataset', 'd', '--target', 't', '--model', 'm', '--epochs', 'many'])).toThrow('invalid --epochs: expected a number, got "many"');
  });
});

describe('upload messages', () => {
  it('send the header first, then every chunk', async () => {
    async function* chunks() {
      yield 'a,b\n';
      yield Buffer.from('1,2\n');
    }
    const messages = [];
    for await (const message of uploadMessages(chunks(), { name: 'n', delimiter: ';' })) messages.push(message);
    expect(messages).toEqual([{ header: { name: 'n', delimiter: ';' } }, { chunk: Buffer.from('a,b\n') }, { chunk: Buffer.from('1,2\n') }]);
  });

  it('describe the file as the flags say, guessing JSON Lines from the extension', () => {
    expect(datasetHeaderFromFlags({ type: ['when=timestamp', 'note=text'], 'anomaly-policy': 'drop' }, 'events.jsonl', 'data/events.jsonl')).toEqual({
      name: 'events.jsonl',
      format: 'DATA_FORMAT_JSONL',
      delimiter: '',
      column_names: [],
      declared_types: { when: 'COLUMN_TYPE_TIMESTAMP', note: 'COLUMN_TYPE_TEXT' },
      anomaly_policy: 'ANOMALY_POLICY_DROP',
    });
    expect(datasetHeaderFromFlags({ 'no-header': true, columns: 'a, b', delimiter: ';' }, 'x.csv', 'x.csv')).toMatchObject({ format: 'DATA_FORMAT_CSV', has_header: false, column_names: ['a', 'b'] });
    expect(() => datasetHeaderFromFlags({ type: ['age=integer'] }, 'x', 'x.csv')).toThrow('invalid --type: expected COLUMN=numeric|categorical|text|boolean|timestamp|id, got "age=integer"');
    expect(() => datasetHeaderFromFlags({ 'anomaly-policy': 'ignore' }, 'x', 'x.csv')).toThrow('invalid --anomaly-policy: expected reject, drop or impute');
  });
});

describe('formatting', () => {
  const event = (partial: Partial<JobEvent__Output>): JobEvent__Output => ({ job_id: 'j', sequence: 1, time: null, stage: 'STAGE_TRAIN', ...partial });

  it('prints one readable line per event', () => {
    expect(formatJobEvent(event({ event: 'epoch_ended', epoch_ended: { epoch: 3, epochs: 40, metrics: { loss: 0.25, accuracy: 0.9, learning_rate: 0.01 }, eta_seconds: 185 } }))).toBe(
      'train      epoch  3/40  loss 0.2500  accuracy 0.9000  eta 3m 05s',
    );
    expect(formatJobEvent(event({ event: 'epoch_ended', epoch_ended: { epoch: 40, epochs: 40, metrics: { loss: 0.2 }, eta_seconds: 0 } }))).toBe('train      epoch 40/40  loss 0.2000');
    expect(formatJobEvent(event({ stage: 'STAGE_UNSPECIFIED', event: 'job_finished', job_finished: { state: 'JOB_STATE_CANCELLED', error: 'training was cancelled', model_version: 2 } }))).toBe(
      'job        cancelled: training was cancelled',
    );
    expect(formatJobEvent(event({ event: 'stage_failed', stage_failed: { error: 'boom', will_retry: true } }))).toBe('train      FAILED (will retry): boom');
    expect(formatJobEvent(event({ stage: 'STAGE_UNSPECIFIED', event: 'job_finished', job_finished: { state: 'JOB_STATE_SUCCEEDED', error: '', model_version: 2 } }))).toBe(
      'job        succeeded: model version 2',
    );
  });

  it('prints each prediction with its class probabilities', () => {
    const probabilities = encodeTensor(new Float32Array([0.9, 0.1, 0.2, 0.8]), [2, 2]);
    const text = formatPrediction({
      model_name: 'm',
      version: 1,
      class_labels: ['a', 'b'],
      predicted_labels: ['a', 'b'],
      probabilities: { dtype: 'DATA_TYPE_FLOAT32', shape: [2, 2], raw_data: probabilities.raw_data as Buffer, float_values: [], int_values: [] },
      values: null,
      decoded_texts: [],
    });
    expect(text).toBe('m version 1\n  row 0: a            (a 0.900, b 0.100)\n  row 1: b            (a 0.200, b 0.800)');
  });

  it('prints each predicted value of a regressor or recommender', () => {
    const values = encodeTensor(new Float32Array([3.25, -1200.5, 0.125]), [3]);
    const response: PredictResponse__Output = {
      model_name: 'price',
      version: 2,
      class_labels: [],
      predicted_labels: [],
      probabilities: null,
      values: { dtype: 'DATA_TYPE_FLOAT32', shape: [3], raw_data: values.raw_data as Buffer, float_values: [], int_values: [] },
      decoded_texts: [],
    };
    const predicted = predictedValues(response)!;
    expect(predicted).toEqual([3.25, -1200.5, 0.125]);
    expect(formatPredictedValues(response, predicted)).toBe('price version 2\n  row 0: 3.25\n  row 1: -1200.5\n  row 2: 0.125');
    expect(predictedValues({ ...response, values: null })).toBeUndefined();
  });

  it('describes EvaluateModel and GetModelReport requests from flags', () => {
    expect(evaluateRequestFromFlags(['--model', 'm', '--dataset', 'ds_1', '--slice', 'island', '--version', '3'])).toEqual({ model_name: 'm', dataset_id: 'ds_1', slice_columns: ['island'], version: 3 });
    expect(() => evaluateRequestFromFlags(['--model', 'm'])).toThrow('invalid --dataset: is required');
    expect(reportRequestFromArgs(['m', '--out', 'r.html', '--alias', 'staging'])).toEqual({ request: { model_name: 'm', dataset_id: '', alias: 'staging' }, out: 'r.html', json: false });
    expect(() => reportRequestFromArgs(['m'])).toThrow('invalid --out: is required');
    expect(() => reportRequestFromArgs(['m', '--out', 'r.html', '--version', '2', '--alias', 'x'])).toThrow('give --version or --alias, not both');
  });

  it('describes a canary traffic split, or its end', () => {
    expect(trafficSplitRequestFromArgs(['m', '--version', '4', '--percent', '10'])).toEqual({ model_name: 'm', canary_version: 4, canary_percent: 10 });
    expect(trafficSplitRequestFromArgs(['m', '--off'])).toEqual({ model_name: 'm', canary_version: 0, canary_percent: 0 });
    expect(formatModelListing({ name: 'm', versions: [], aliases: { production: 3 }, canary_version: 4, canary_percent: 10, shadow: null, version_policy: null })).toBe('m\n  canary: 10% of default requests to version 4');
    expect(() => trafficSplitRequestFromArgs(['m', '--version', '4', '--percent', '100'])).toThrow('invalid --percent');
  });

  it('draws an upload’s progress in place, at most every interval, and ends the line', async () => {
    let now = 0;
    const written: string[] = [];
    async function* chunks() {
      for (const size of [512, 512, 1024]) {
        now += 50;
        yield Buffer.alloc(size);
      }
    }
    const passed: number[] = [];
    for await (const chunk of withProgress(chunks(), 2048, (text) => written.push(text), () => now, 100)) passed.push(chunk.length);
    expect(passed).toEqual([512, 512, 1024]);
    expect(written).toEqual([
      '\r[########......................]  25%  512 B of 2.0 KiB  10.0 KiB/s',
      '\r[##############################] 100%  2.0 KiB of 2.0 KiB  13.3 KiB/s',
      '\r[##############################] 100%  2.0 KiB of 2.0 KiB  13.3 KiB/s\n',
    ]);
    expect(formatBytes(3.5 * 1024 ** 3)).toBe('3.5 GiB');
  });

  it('describes a promotion and a rollback', () => {
    expect(setAliasRequestFromArgs(['m', '--version', '3'])).toEqual({ model_name: 'm', version: 3, alias: '' });
    expect(setAliasRequestFromArgs(['m', '--version', '3', '--alias', 'staging'])).toEqual({ model_name: 'm', version: 3, alias: 'staging' });
    expect(() => setAliasRequestFromArgs(['m'])).toThrow('invalid --version');
    expect(rollbackAliasRequestFromArgs(['m'])).toEqual({ model_name: 'm', alias: '' });
    expect(() => rollbackAliasRequestFromArgs([])).toThrow('invalid model');
  });

  it('describes an API key to create, and prints keys without their secrets', () => {
    expect(createApiKeyRequestFromArgs(['--name', 'ci', '--roles', 'trainer, predictor', '--tenant', 'acme'])).toEqual({ name: 'ci', tenant: 'acme', roles: ['ROLE_TRAINER', 'ROLE_PREDICTOR'] });
    expect(() => createApiKeyRequestFromArgs(['--name', 'ci', '--roles', 'root'])).toThrow('"root" is not a role; roles are admin, trainer, predictor');
    expect(() => createApiKeyRequestFromArgs(['--roles', 'admin'])).toThrow('invalid --name');
    const key = { key_id: 'abc', tenant: 'acme', roles: ['ROLE_TRAINER', 'ROLE_PREDICTOR'], name: 'ci', created_at: null, revoked_at: { seconds: '1', nanos: 0 } } as unknown as ApiKey__Output;
    expect(formatApiKey(key)).toBe('abc  acme  trainer,predictor  ci  (revoked)');
  });

  it('keeps one API key per gateway in a file only its owner can read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aiaas-credentials-'));
    try {
      const file = new CredentialsFile(join(dir, 'nested', 'credentials.json'));
      expect(file.keyFor('127.0.0.1:50051')).toBeUndefined();
      file.store('127.0.0.1:50051', 'aiaas_one');
      file.store('gateway:443', 'aiaas_two');
      expect(new CredentialsFile(file.location).keyFor('127.0.0.1:50051')).toBe('aiaas_one');
      expect(statSync(file.location).mode & 0o777).toBe(0o600);
      expect(file.forget('gateway:443')).toBe(true);
      expect(file.forget('gateway:443')).toBe(false);
      expect(expandHome('~/x')).toBe(join(homedir(), 'x'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('describes a version policy, and lists it with the model when it is not every version', () => {
    expect(versionPolicyRequestFromArgs(['m', '--latest', '2'])).toEqual({ model_name: 'm', policy: { latest: { count: 2 } } });
    expect(versionPolicyRequestFromArgs(['m', '--versions', '1, 4'])).toEqual({ model_name: 'm', policy: { specific: { versions: [1, 4] } } });
    expect(versionPolicyRequestFromArgs(['m', '--all'])).toEqual({ model_name: 'm', policy: { all: {} } });
    expect(() => versionPolicyRequestFromArgs(['m', '--latest', '2', '--all'])).toThrow('choose one of --latest N, --versions 1,4 and --all');
    expect(() => versionPolicyRequestFromArgs(['m', '--versions', '1,x'])).toThrow('invalid --versions');
    const latest = { policy: 'latest', latest: { count: 2 } } as const;
    expect(formatModelListing({ name: 'm', versions: [], aliases: {}, canary_version: 0, canary_percent: 0, shadow: null, version_policy: latest })).toBe('m\n  serves by number: the latest 2 versions');
    expect(formatModelListing({ name: 'm', versions: [], aliases: {}, canary_version: 0, canary_percent: 0, shadow: null, version_policy: { policy: 'all', all: {} } })).toBe('m');
  });

  it('describes a shadow deployment to start or stop, and prints one', () => {
    expect(shadowArgsFrom(['m', '--version', '4', '--sample', '25', '--min-requests', '50', '--min-agreement', '0.99', '--max-latency-ratio', '1.5'])).toEqual({
      stop: false,
      request: { model_name: 'm', candidate_version: 4, alias: '', sample_percent: 25, min_requests: 50, tolerance: { min_agreement: 0.99, max_latency_ratio: 1.5 } },
    });
    expect(shadowArgsFrom(['m', '--stop'])).toEqual({ stop: true, modelName: 'm' });
    expect(() => shadowArgsFrom(['m', '--version', '4', '--max-difference', 'lots'])).toThrow('invalid --max-difference: expected a number, got "lots"');
    expect(() => shadowArgsFrom(['m', '--version', '4', '--min-requests', '2.5'])).toThrow('invalid --min-requests');
    expect(() => shadowArgsFrom(['m'])).toThrow('invalid --version');
    const shadow = {
      candidate_version: 4,
      alias: 'production',
      baseline_version: 3,
      sample_percent: 25,
      min_requests: 50,
      tolerance: { min_agreement: 0.99 },
      state: 'SHADOW_STATE_HELD',
      reason: 'answered all 50 mirrored requests; agreement 0.9 < 0.99',
      started_at: null,
      concluded_at: null,
      compared_requests: 50,
      compared_rows: 50,
      failed_requests: 0,
      last_failure: '',
      skipped_requests: 2,
      agreement: 0.9,
      baseline_latency: { p50_ms: 1, p99_ms: 2 },
      candidate_latency: { p50_ms: 1.5, p99_ms: 3 },
    } as unknown as ShadowDeployment__Output;
    expect(formatShadow(shadow)).toEqual([
      '  shadow: version 4 behind production (version 3), 25% of requests: held back',
      '    50/50 requests compared, 2 skipped, agreement 0.9000, p50/p99 ms 1.00/2.00 → 1.50/3.00',
      '    answered all 50 mirrored requests; agreement 0.9 < 0.99',
    ]);
  });

  it('prints an evaluation with deltas against production, undefined metrics and slices', () => {
    const lines = formatEvaluation({
      model_name: 'm',
      version: 2,
      dataset_id: 'ds_1',
      split: 'all',
      rows: 40,
      skipped_rows: 1,
      metrics: { accuracy: 0.9, log_loss: 0.00012 },
      undefined_metrics: { roc_auc: 'only one class in the rows' },
      slices: [{ column: 'island', value: 'Biscoe', rows: 14, metrics: { accuracy: 0.75 } }],
      comparison: { baseline_version: 1, baseline: { accuracy: 0.95 }, deltas: { accuracy: -0.05 }, rows: 40 },
      evaluated_at: null,
    });
    expect(lines).toEqual([
      'm version 2 on ds_1 (all): 40 rows (1 skipped: unreadable cells or unknown classes)',
      '  accuracy             0.900  (-0.050 vs version 1)',
      '  log_loss             1.20e-4',
      '  roc_auc              —  (only one class in the rows)',
      '  slice island=Biscoe: 14 rows, accuracy 0.750',
    ]);
  });

  it('prints the text a seq2seq model decodes for each row, quoted', () => {
    const response: PredictResponse__Output = { model_name: 'fr', version: 3, class_labels: [], predicted_labels: [], probabilities: null, values: null, decoded_texts: ['vingt et un', ''] };
    expect(formatDecodedTexts(response)).toBe('fr version 3\n  row 0: "vingt et un"\n  row 1: ""');
  });

  describe('of model versions', () => {
    const version = (partial: Partial<ModelVersion__Output>): ModelVersion__Output => ({
      model_name: 'm',
      version: 1,
      status: 'MODEL_VERSION_STATUS_BLESSED',
      status_reason: '',
      job_id: 'job_1',
      dataset_id: 'ds_1',
      target_column: 'y',
      class_labels: [],
      input_columns: ['x'],
      feature_count: 1,
      backend: 'wasm',
      metrics: null,
      aliases: [],
      created_at: { seconds: 0, nanos: 0 },
      task: 'classification',
      regression_metrics: null,
      sequence_metrics: null,
      evaluation: null,
      load_error: '',
      training: null,
      backend_support: [],
      ...partial,
    });
    const training = (partial: Partial<NonNullable<ModelVersion__Output['training']>>): ModelVersion__Output['training'] => ({
      model_family: 'mlp',
      train_rows: 250,
      validation_rows: 30,
      epochs_run: 40,
      ending: 'completed',
      kept_epoch: 40,
      metrics: {},
      loss_history: [],
      validation_loss_history: [],
      seconds: 1,
      samples_per_second: 10_000,
      ...partial,
    });

    it('lists a regressor with its test metrics, task, family and how its fit ended', () => {
      const regressor = version({
        task: 'regression',
        status_reason: 'regression (rmse 3.2, r2 0.810); no accuracy threshold applies',
        regression_metrics: { rmse: 3.2, mae: 2.45678, r2: 0.81, test_rows: 70 },
        training: training({ model_family: 'text', epochs_run: 12, ending: 'stopped-early', kept_epoch: 9 }),
      });
      expect(formatModelListing({ name: 'm', versions: [regressor], aliases: {}, canary_version: 0, canary_percent: 0, shadow: null, version_policy: null }).split('\n')).toEqual([
        'm',
        '  version 1  blessed',
        '    trained on dataset ds_1 (target y) by job job_1, backend wasm, 1970-01-01T00:00:00.000Z',
        '    rmse 3.2  mae 2.457  r2 0.810  on 70 test rows  (regression (rmse 3.2, r2 0.810); no accuracy threshold applies)',
        '    task regression, family text: 12 epochs run (stopped early, keeping epoch 9) on 250 training rows',
      ]);
    });

    it('lists a seq2seq model with its BLEU, exact matches and token accuracy', () => {
      const translator = version({
        task: 'sequence',
        status_reason: 'exact-match accuracy 0.612 >= min_accuracy 0.000',
        sequence_metrics: { bleu: 0.8123, exact_match: 0.6123, token_accuracy: 0.9, test_rows: 200 },
        training: training({ model_family: 'seq2seq' }),
      });
      expect(formatModelListing({ name: 'm', versions: [translator], aliases: {}, canary_version: 0, canary_percent: 0, shadow: null, version_policy: null }).split('\n').slice(3)).toEqual([
        '    bleu 0.812  exact match 0.612  token accuracy 0.900  on 200 test rows  (exact-match accuracy 0.612 >= min_accuracy 0.000)',
        '    task sequence, family seq2seq: 40 epochs run (completed) on 250 training rows',
      ]);
    });

    it('lists a classifier as before, then its task, family and epochs', () => {
      const classifier = version({
        aliases: ['production'],
        status_reason: 'test accuracy 0.986 >= min_accuracy 0.900',
        metrics: { accuracy: 0.986, macro_f1: 0.988, test_rows: 70, per_class: [{ label: 'a', precision: 1, recall: 0.5, f1: 0.667, support: 2 }], confusion_matrix: [] },
        training: training({}),
      });
      expect(formatModelListing({ name: 'm', versions: [classifier], aliases: {}, canary_version: 0, canary_percent: 0, shadow: null, version_policy: null }).split('\n').slice(1)).toEqual([
        '  version 1  blessed  [production]',
        '    trained on dataset ds_1 (target y) by job job_1, backend wasm, 1970-01-01T00:00:00.000Z',
        '    accuracy 0.986  macro-F1 0.988  on 70 test rows  (test accuracy 0.986 >= min_accuracy 0.900)',
        '      a                precision 1.000  recall 0.500  f1 0.667  support 2',
        '    task classification, family mlp: 40 epochs run (completed) on 250 training rows',
      ]);
    });
  });
});
