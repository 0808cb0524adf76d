import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodeTargetSequence,
  defaultColumnPlan,
  fittedTransformSchema,
  loadSplit,
  loadSplitsManifest,
  TARGET_TOKENS,
  UNKNOWN_TARGET_WORD,
  type ColumnPlan,
  type TransformPlanInput,
} from '@aiaas/data';
import { carsCsv, generateSyntheticRatings, numberTranslations, penguinsCsv, toMovieLensCsv } from '@aiaas/datasets';
import type { StagePayload } from '@aiaas/queue';
import { createTestStageContext } from '@aiaas/queue/testing';
import { connectRegistry, type DatasetRecord, type RegistryConnections } from '@aiaas/registry';
import { FsArtifactStore, getJson } from '@aiaas/storage';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { DatasetIngestor } from '../ingest/dataset-ingestor';
import { createPreprocessProcessor } from './preprocess-stage';

describe('preprocess stage', () => {
  const prefix = uniquePrefix('preprocess');
  let root: string;
  let store: FsArtifactStore;
  let connections: RegistryConnections;

  beforeAll(() => {
    connections = connectRegistry({ redisUrl: testRedisUrl(), prefix });
  });
  afterAll(async () => {
    await deleteKeysWithPrefix(connections.redis, prefix);
    connections.close();
  });
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'aiaas-preprocess-'));
    store = new FsArtifactStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  async function upload(csv: string, anomalyPolicy: 'ANOMALY_POLICY_UNSPECIFIED' | 'ANOMALY_POLICY_DROP' | 'ANOMALY_POLICY_IMPUTE' = 'ANOMALY_POLICY_UNSPECIFIED', schema = [] as Array<{ name: string; type: 'COLUMN_TYPE_NUMERIC' }>): Promise<DatasetRecord> {
    const ingestor = new DatasetIngestor({ store, datasets: connections.registry.datasets, limits: { maxRecordBytes: 1 << 20, shardBytes: 1 << 30 }, importDir: root });
    async function* messages() {
      yield {
        part: 'header' as const,
        header: {
          name: 'data',
          delimiter: '',
          declared_types: {},
          format: 'DATA_FORMAT_CSV' as const,
          column_names: [],
          schema: schema.map((column) => ({ ...column, required: false, categories: [] })),
          anomaly_policy: anomalyPolicy,
        },
      };
      yield { part: 'chunk' as const, chunk: Buffer.from(csv) };
    }
    return ingestor.ingestUpload(messages());
  }

  function payload(dataset: DatasetRecord, target: string, overrides: Partial<Record<string, Partial<ColumnPlan>>> = {}, extra: Partial<StagePayload<'preprocess'>> = {}): StagePayload<'preprocess'> {
    const plan: TransformPlanInput = {
      columns: dataset.columns
        .filter((column) => column.name !== target)
        .map((column) => ({ ...defaultColumnPlan(column.name, column.type), ...overrides[column.name] }) as ColumnPlan),
      target: { column: target, task: 'classification' },
    };
    return {
      jobId: 'job_test',
      datasetId: dataset.id,
      targetColumn: target,
      split: { strategy: 'ratio', testFraction: 0.2, validationFraction: 0, seed: 42 },
      dropDuplicates: false,
      plan: plan as StagePayload<'preprocess'>['plan'],
      ...extra,
    };
  }

  const processor = () => createPreprocessProcessor({ datasets: connections.registry.datasets, store, maxRecordBytes: 1 << 20 });

  it('turns the penguins into stored, encoded, stratified splits and a fitted transform', async () => {
    const dataset = await upload(penguinsCsv());
    const { context, reports } = createTestStageContext<'preprocess'>(payload(dataset, 'species'));
    const { result, summary } = await processor()(context);

    expect(result).toMatchObject({ task: 'classification', classLabels: ['Adelie', 'Chinstrap', 'Gentoo'], validationRows: 0 });
    expect(result.trainRows + result.testRows).toBe(344);
    expect(Math.abs(result.testRows - 69)).toBeLessThanOrEqual(2);
    expect(result.inputColumns).toEqual(['island', 'beak_length_mm', 'beak_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex']);
    expect(summary).toBe(`${result.trainRows} train / 0 validation / ${result.testRows} test rows, 12 features`);
    expect(reports.progress.map((report) => report.fraction)).toEqual([0.3, 0.6]);

    const transform = await getJson(store, result.transform, (value) => fittedTransformSchema.parse(value));
    expect(transform.outputs).toEqual([{ name: 'features', dtype: 'float32', width: result.featureCount }]);
    const manifest = await loadSplitsManifest(store, result.splits);
    const train = await loadSplit(store, manifest, 'train');
    const features = train.tensors['features']!;
    expect(features).toHaveLength(result.trainRows * result.featureCount);
    // Standardised on the training split: each numeric feature has mean ~0 there.
    const beakLengthOffset = 4; // island one-hot (3 islands + 1) comes first
    let sum = 0;
    for (let row = 0; row < train.rows; row++) sum += features[row * result.featureCount + beakLengthOffset]!;
    expect(Math.abs(sum / train.rows)).toBeLessThan(1e-5);
    // Every class is in both splits, in about the same proportion.
    const test = await loadSplit(store, manifest, 'test');
    for (let label = 0; label < 3; label++) {
      const share = (labels: Float32Array | Int32Array) => labels.filter((value) => value === label).length / labels.length;
      expect(Math.abs(share(train.labels) - share(test.labels))).toBeLessThan(0.03);
    }
    expect(new Set([...train.rowNumbers, ...test.rowNumbers]).size).toBe(344);
  });

  it('is deterministic: the same data and seed give the same artifacts', async () => {
    const dataset = await upload(penguinsCsv());
    const first = await processor()(createTestStageContext<'preprocess'>(payload(dataset, 'species')).context);
    const second = await processor()(createTestStageContext<'preprocess'>(payload(dataset, 'species')).context);
    expect(second.result.splits).toBe(first.result.splits);
    expect(second.result.transform).toBe(first.result.transform);
  });

  it('drops rows whose target is missing, and duplicates when asked', async () => {
    const dataset = await upload(penguinsCsv() + 'Adelie,Dream,39.5,17.4,186,3800,FEMALE\n'.repeat(3));
    const { result } = await processor()(createTestStageContext<'preprocess'>(payload(dataset, 'sex', {}, { dropDuplicates: true })).context);
    expect(result.dropped).toEqual({ missingTarget: 10, anomalies: 0, duplicates: 2, missingSplitKey: 0 });
    expect(result.classLabels).toEqual(['.', 'FEMALE', 'MALE']);
  });

  it('leaves out rows with anomalies under the drop policy, and imputes their cells under impute', async () => {
    const csv = 'x,y\n1,a\n2,b\nbad,a\n4,b\n5,a\n6,b\n7,a\n8,b\n9,a\n10,b\n';
    const schema = [{ name: 'x', type: 'COLUMN_TYPE_NUMERIC' as const }];
    const dropped = await upload(csv, 'ANOMALY_POLICY_DROP', schema);
    expect(dropped.rowsWithAnomalies).toBe(1);
    const drop = await processor()(createTestStageContext<'preprocess'>(payload(dropped, 'y')).context);
    expect(drop.result.dropped.anomalies).toBe(1);
    expect(drop.result.trainRows + drop.result.testRows).toBe(9);

    const imputed = await upload(csv, 'ANOMALY_POLICY_IMPUTE', schema);
    const impute = await processor()(createTestStageContext<'preprocess'>(payload(imputed, 'y')).context);
    expect(impute.result.dropped.anomalies).toBe(0);
    expect(impute.result.trainRows + impute.result.testRows).toBe(10);
  });

  it('splits by a group column without letting a group straddle splits', async () => {
    const lines = ['user,item,liked'];
    for (let user = 0; user < 40; user++) for (let item = 0; item < 5; item++) lines.push(`u${user},i${item},${(user + item) % 2 === 0 ? 'yes' : 'no'}`);
    const dataset = await upload(`${lines.join('\n')}\n`);
    const { result } = await processor()(
      createTestStageContext<'preprocess'>(
        payload(dataset, 'liked', { user: { type: 'categorical', encoding: 'one-hot' } as Partial<ColumnPlan> }, {
          split: { strategy: 'group', column: 'user', testFraction: 0.25, validationFraction: 0, seed: 3 },
        }),
      ).context,
    );
    const manifest = await loadSplitsManifest(store, result.splits);
    const usersOf = async (split: 'train' | 'test') => new Set([...(await loadSplit(store, manifest, split)).rowNumbers].map((row) => Math.floor((row - 1) / 5)));
    const [train, test] = [await usersOf('train'), await usersOf('test')];
    expect([...test].filter((user) => train.has(user))).toEqual([]);
    expect(train.size + test.size).toBe(40);
  });

  it('splits by time: the latest rows are the test split', async () => {
    const lines = ['day,x,label'];
    for (let day = 1; day <= 100; day++) lines.push(`2024-01-01T00:00:00Z,${day},${day % 2 === 0 ? 'even' : 'odd'}`.replace('2024-01-01', new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10)));
    const dataset = await upload(`${lines.join('\n')}\n`);
    expect(dataset.columns[0]!.type).toBe('timestamp');
    const { result } = await processor()(
      createTestStageContext<'preprocess'>(payload(dataset, 'label', {}, { split: { strategy: 'time', column: 'day', testFraction: 0.2, validationFraction: 0.1, seed: 1 } })).context,
    );
    const manifest = await loadSplitsManifest(store, result.splits);
    const rowsOf = async (split: 'train' | 'validation' | 'test') => [...(await loadSplit(store, manifest, split)).rowNumbers];
    const [train, validation, test] = [await rowsOf('train'), await rowsOf('validation'), await rowsOf('test')];
    expect(Math.max(...train)).toBeLessThan(Math.min(...validation));
    expect(Math.max(...validation)).toBeLessThan(Math.min(...test));
    expect(Math.abs(test.length - 20)).toBeLessThanOrEqual(2);
  });

  it('prepares a regression set: float labels, dates as timestamps, missing targets dropped', async () => {
    const dataset = await upload(carsCsv());
    expect(dataset.columns.find((column) => column.name === 'year')!.type).toBe('timestamp');
    const base = payload(dataset, 'miles_per_gallon');
    const { result } = await processor()(createTestStageContext<'preprocess'>({ ...base, plan: { ...base.plan, target: { column: 'miles_per_gallon', task: 'regression' } } }).context);
    expect(result).toMatchObject({ task: 'regression', classLabels: [], dropped: { missingTarget: 8 } });
    const manifest = await loadSplitsManifest(store, result.splits);
    expect(manifest.labelDtype).toBe('float32');
    const train = await loadSplit(store, manifest, 'train');
    expect(train.labels).toBeInstanceOf(Float32Array);
    expect(Math.min(...train.labels)).toBeGreaterThan(5);
  });

  it('indexes user and item ids for a recommender, splitting by user so no user is in two splits', async () => {
    const { ratings } = generateSyntheticRatings({ users: 60, items: 40, ratingsPerUser: 8, seed: 2 });
    const dataset = await upload(toMovieLensCsv(ratings));
    expect(dataset.columns.map((column) => [column.name, column.type])).toEqual([
      ['userId', 'id'],
      ['movieId', 'id'],
      ['rating', 'numeric'],
      ['timestamp', 'numeric'],
    ]);
    const base = payload(dataset, 'rating', { userId: { type: 'id', encoding: 'index' }, movieId: { type: 'id', encoding: 'index' } }, {
      split: { strategy: 'group', column: 'userId', testFraction: 0.2, validationFraction: 0, seed: 5 },
    });
    const plan = { ...base.plan, columns: base.plan.columns.filter((column) => column.column !== 'timestamp'), target: { column: 'rating', task: 'regression' as const } };
    const { result } = await processor()(createTestStageContext<'preprocess'>({ ...base, plan }).context);
    expect(result.outputs).toEqual([
      { name: 'userId', dtype: 'int32', width: 1 },
      { name: 'movieId', dtype: 'int32', width: 1 },
    ]);
    const manifest = await loadSplitsManifest(store, result.splits);
    const train = await loadSplit(store, manifest, 'train');
    const test = await loadSplit(store, manifest, 'test');
    const trainUsers = new Set(train.tensors['userId']);
    // Users held out are unseen by the fitted index: they all map to 0, the out-of-vocabulary id.
    expect([...test.tensors['userId']!].every((index) => index === 0)).toBe(true);
    expect(trainUsers.has(0)).toBe(false);
    expect(trainUsers.size).toBe(new Set([...train.rowNumbers].map((row) => ratings[row - 1]!.userId)).size);
  });

  it('prepares a translation set: the source as front-padded token ids, the target as int32 token sequences', async () => {
    const pairs = numberTranslations({ count: 300, seed: 5 });
    const dataset = await upload(`english,french\n${pairs.map((pair) => `${pair.english},${pair.french}`).join('\n')}\n`);
    const plan: TransformPlanInput = {
      columns: [{ column: 'english', type: 'text', encoding: 'sequence', sequenceLength: 8, padding: 'pre' }],
      target: { column: 'french', task: 'sequence', sequenceLength: 6 },
    };
    const { result } = await processor()(createTestStageContext<'preprocess'>({ ...payload(dataset, 'french'), plan: plan as StagePayload<'preprocess'>['plan'] }).context);
    expect(result).toMatchObject({ task: 'sequence', classLabels: [], featureCount: 0, outputs: [{ name: 'english', dtype: 'int32', width: 8 }] });
    expect(result.trainRows + result.testRows).toBe(300);

    const manifest = await loadSplitsManifest(store, result.splits);
    expect(manifest).toMatchObject({ labelDtype: 'int32', labelWidth: 6, classLabels: [], outputs: result.outputs });
    const transform = await getJson(store, result.transform, (value) => fittedTransformSchema.parse(value));
    if (transform.target.task !== 'sequence') throw new Error('expected a sequence target');
    const target = transform.target;
    const test = await loadSplit(store, manifest, 'test');
    expect(test.labels).toBeInstanceOf(Int32Array);
    expect(test.labels).toHaveLength(test.rows * 6);
    for (let row = 0; row < test.rows; row++) {
      const pair = pairs[test.rowNumbers[row]! - 1]!;
      // At most 5 words fit before the end token; words never seen in training are unknown.
      const words = pair.french.split(' ').slice(0, 5).map((word) => (target.vocabulary.includes(word) ? word : UNKNOWN_TARGET_WORD));
      const label = test.labels.subarray(row * 6, (row + 1) * 6);
      expect(decodeTargetSequence(target, label)).toBe(words.join(' '));
      expect(label[words.length]).toBe(TARGET_TOKENS.end);
      const source = test.tensors['english']!.subarray(row * 8, (row + 1) * 8);
      const padding = 8 - pair.english.split(' ').length;
      expect([...source.subarray(0, padding)].every((id) => id === 0)).toBe(true);
      expect([...source.subarray(padding)].every((id) => id > 0)).toBe(true);
    }
  });

  it.each([
    ['a target that is not a column', 'a,b\n1,x\n2,y\n', 'nope', 'invalid target_column: "nope" is not a column of dataset'],
    ['a target with one class', 'a,b\n1,x\n2,x\n3,x\n', 'b', 'invalid target_column: column "b" has only the class "x"; classification needs at least 2 classes'],
    ['too few rows to split', 'a,b\n1,x\n2,y\n', 'b', 'invalid split.test_fraction: the split left'],
  ])('rejects %s with a message naming the field', async (_case, csv, target, message) => {
    const dataset = await upload(csv);
    const columns = dataset.columns.map((column) => column.name);
    const base = payload(dataset, columns.includes(target) ? target : columns[1]!);
    await expect(processor()(createTestStageContext<'preprocess'>({ ...base, targetColumn: target }).context)).rejects.toThrow(message);
  });

  it('reports an unknown dataset as not found', async () => {
    const dataset = await upload(penguinsCsv());
    await expect(processor()(createTestStageContext<'preprocess'>({ ...payload(dataset, 'species'), datasetId: 'ds_000000000000' }).context)).rejects.toThrow(
      'dataset "ds_000000000000" not found',
    );
  });
});
