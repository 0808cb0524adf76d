import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeRecords, storeSplits, STATISTICS_QUANTILES, TransformEncoder, TransformFitter, type DatasetProfile, type FittedTransform } from '@aiaas/data';
import { FailedPreconditionError, InvalidArgumentError, NotFoundError } from '@aiaas/errors';
import { planTraining, trainingSpecSchema } from '@aiaas/model-spec';
import { buildModel, saveModel, selectBackend } from '@aiaas/models';
import { silentLogger } from '@aiaas/observability';
import type { StagePayload } from '@aiaas/queue';
import { createTestStageContext } from '@aiaas/queue/testing';
import { connectRegistry, type DatasetRecord, type RegistryConnections } from '@aiaas/registry';
import { modelVersionFixture } from '@aiaas/registry/testing';
import { FsArtifactStore, putJson } from '@aiaas/storage';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { createEvaluateProcessor } from './evaluate-stage';
import { EvaluationService } from './evaluation-service';

/**
 * 40 rows: x in -2..1.9, label "pos" when x > 0 except every tenth row (4 noisy rows), and a
 * group column a/b/c that the model never sees. Rows 1-30 train, 31-40 test.
 */
const ROWS = Array.from({ length: 40 }, (_, index) => {
  const x = -2 + index / 10;
  const noisy = index % 10 === 3;
  return { x, group: ['a', 'b', 'c'][index % 3]!, label: (x > 0) !== noisy ? 'pos' : 'neg' };
});
const CSV = ['x,group,label', ...ROWS.map((row) => `${row.x.toFixed(1)},${row.group},${row.label}`)].join('\n') + '\n';
const TEST_ROW_NUMBERS = Array.from({ length: 10 }, (_, index) => 31 + index);

function profileOf(): DatasetProfile {
  const xs = ROWS.map((row) => row.x).sort((a, b) => a - b);
  const common = { inferred: true, count: 40, missing: 0 };
  return {
    format: 'aiaas.dataset-profile/v1',
    rowCount: 40,
    columns: [
      {
        name: 'x',
        type: 'numeric',
        ...common,
        distinct: { count: 40, exact: true },
        topValues: { exact: true, values: [] },
        numeric: { min: xs[0]!, max: xs[39]!, mean: -0.05, std: 1.15, zeros: 1, quantiles: STATISTICS_QUANTILES.map((q) => xs[Math.round(q * 39)]!) },
      },
      { name: 'group', type: 'categorical', ...common, distinct: { count: 3, exact: true }, topValues: { exact: true, values: ['a', 'b', 'c'].map((value) => ({ value, count: 13 })) } },
      { name: 'label', type: 'categorical', ...common, distinct: { count: 2, exact: true }, topValues: { exact: true, values: [{ value: 'pos', count: 20 }, { value: 'neg', count: 20 }] } },
    ],
    anomalies: [],
    rowsWithAnomalies: 0,
  };
}

jest.setTimeout(30_000);

describe('evaluation beyond the test split: slices, comparison with production, blessing checks, EvaluateModel and reports', () => {
  const prefix = uniquePrefix('evaluation-service');
  let root: string;
  let store: FsArtifactStore;
  let connections: RegistryConnections;
  let transform: FittedTransform;
  let dataset: DatasetRecord;
  let sources: ConstructorParameters<typeof EvaluationService>[0];

  /** Version `version` of "signs": a softmax over x whose class-1 logit is `slope`·x. */
  async function registerVersion(version: number, slope: number): Promise<void> {
    const training = trainingSpecSchema.parse({ model: { family: 'mlp', hiddenLayers: [] }, loss: 'sparse-categorical-crossentropy', seed: 1 });
    const plan = planTraining(training, { task: 'classification', classLabels: ['neg', 'pos'], outputs: [{ kind: 'dense', name: 'features', width: 1 }], hasValidation: false });
    const model = buildModel(plan);
    model.getLayer('head').setWeights([tf.tensor2d([[0, slope]]), tf.tensor1d([0, 0])]);
    const artifacts = await saveModel(model, store);
    model.dispose();
    const encoder = new TransformEncoder(transform);
    const testRows = TEST_ROW_NUMBERS.map((rowNumber) => ROWS[rowNumber - 1]!);
    const features = encodeRecords(encoder, testRows, (row, column) => row[column as 'x'], (index, column) => `${index}.${column}`).tensors;
    const labels = new Int32Array(testRows.length);
    testRows.forEach((row, index) => encoder.writeLabel(row.label, `row ${index}`, labels, index));
    const test = { rows: testRows.length, tensors: features, labels, rowNumbers: Int32Array.from(TEST_ROW_NUMBERS) };
    const splits = await storeSplits(store, { outputs: transform.outputs, labelDtype: 'int32', classLabels: ['neg', 'pos'], train: test, test });
    await connections.registry.models.registerVersion(
      modelVersionFixture({
        modelName: 'signs',
        version,
        jobId: `job_${version}`,
        datasetId: dataset.id,
        targetColumn: 'label',
        classLabels: ['neg', 'pos'],
        inputColumns: ['x'],
        training,
        artifacts: { ...artifacts, transform: (await putJson(store, transform)).ref, splits },
      }),
    );
  }

  const evaluate = (version: number, checks: Partial<StagePayload<'evaluate'>> = {}) => {
    const process = createEvaluateProcessor({ ...sources, now: () => 7 });
    const payload = { jobId: `job_${version}`, minAccuracy: 0, sliceColumns: [], thresholds: [], maxRegression: [], ...checks };
    return process(createTestStageContext<'evaluate'>(payload, { modelName: 'signs', version }).context);
  };

  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
    connections = connectRegistry({ redisUrl: testRedisUrl(), prefix });
    root = mkdtempSync(join(tmpdir(), 'aiaas-evaluation-service-'));
    store = new FsArtifactStore(root);
    transform = new TransformFitter({ columns: [{ column: 'x', type: 'numeric', encoding: 'none' }], target: { column: 'label', task: 'classification' } }).fit(() =>
      ROWS.slice(0, 30).map((row, index) => ({ row: { read: (column) => row[column as 'x'], describe: (column) => `${index}.${column}` }, isTrain: true })),
    );
    dataset = {
      id: 'ds_signs',
      name: 'signs',
      sha256: 'a'.repeat(64),
      sizeBytes: CSV.length,
      rowCount: 40,
      format: { kind: 'csv', delimiter: ',', hasHeader: true },
      columns: ['x', 'group', 'label'].map((name) => ({ name, type: name === 'x' ? 'numeric' : 'categorical', inferred: true, missingCount: 0, distinctCount: 3, distinctCountCapped: false })),
      schema: [],
      anomalyPolicy: 'reject',
      rowsWithAnomalies: 0,
      shards: [{ byteStart: 0, byteEnd: CSV.length, firstRow: 1, firstLine: 2, rowCount: 40 }],
      raw: (await store.put(CSV)).ref,
      profile: (await putJson(store, profileOf())).ref,
      createdAt: 1,
    };
    await connections.registry.datasets.register(dataset);
    sources = { models: connections.registry.models, datasets: connections.registry.datasets, store, maxRecordBytes: 1 << 20, now: () => 8 };
    await registerVersion(1, 10);
    await registerVersion(2, 1);
    await registerVersion(3, -10);
  });

  afterAll(async () => {
    await deleteKeysWithPrefix(connections.redis, prefix);
    connections.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('scores the test split with every classification metric, slices it by a raw column, and stores a report', async () => {
    // Test rows 31-40: x = 1.0..1.9, all "pos" but row 34 (x = 1.3, noisy). The model's p(pos)
    // is sigmoid(10x), so 9 of 10 are right. Log loss: the nine right rows cost −ln sigmoid(10x)
    // < 5e-5 each, the wrong one −ln sigmoid(−13) = 13.0000023, so the mean is 1.300. Slices by
    // group: rows 31, 34, 37, 40 are "a" (index % 3 = 0), one of them the wrong one.
    const { result } = await evaluate(1, { sliceColumns: ['group', 'x'], thresholds: [{ metric: 'accuracy', min: 0.85 }, { metric: 'log_loss', max: 5 }] });
    expect(result).toMatchObject({ blessed: true, reason: 'test accuracy 0.900 >= min_accuracy 0.000; accuracy 0.900 within min 0.850; log_loss 1.300 within max 5.000' });
    const view = await connections.registry.models.getVersionView('signs', 1);
    const summary = view.evaluation!.summary!;
    expect(summary).toMatchObject({ datasetId: 'ds_signs', split: 'test', rows: 10, skippedRows: 0 });
    expect(summary.metrics['accuracy']).toBeCloseTo(0.9, 12);
    expect(summary.metrics['balanced_accuracy']).toBeCloseTo(0.5, 12); // recall pos 1, neg 0
    expect(Object.keys(summary.undefinedMetrics)).toEqual([]);
    // The negative (x = 1.3) scores above the positives at 1.0-1.2 and below those at 1.4-1.9: 6 of 9 pairs.
    expect(summary.metrics['roc_auc']).toBeCloseTo(6 / 9, 12);
    expect(summary.comparison).toBeUndefined();
    expect(summary.slices.filter((slice) => slice.column === 'group').map(({ value, rows }) => [value, rows])).toEqual([
      ['a', 4],
      ['b', 3],
      ['c', 3],
    ]);
    // Every test x is above the third quartile of the dataset's x (0.0-ish), so one bucket.
    expect(summary.slices.filter((slice) => slice.column === 'x').map((slice) => slice.rows)).toEqual([10]);
    expect(summary.slices.find((slice) => slice.value === 'a')!.metrics['accuracy']).toBeCloseTo(0.75, 12);
    const report = await new EvaluationService(sources).getModelReport({ model_name: 'signs', version_selector: 'version', version: 1, dataset_id: '' });
    expect(report.html).toContain('<svg');
    expect(JSON.parse(report.json)).toMatchObject({ format: 'aiaas.evaluation-report/v1', metrics: { accuracy: 0.9 }, rows: 10 });
  });

  it('compares a candidate with production on the same rows, and rejects it when it is worse by more than the tolerance', async () => {
    await connections.registry.models.setAlias('signs', 'production', 1);
    const { result } = await evaluate(3, { maxRegression: [{ metric: 'accuracy', tolerance: 0.05 }, { metric: 'roc_auc', tolerance: 1 }] });
    // Version 3 is version 1 mirrored: it gets the 9 rows wrong and the noisy one right.
    expect(result.blessed).toBe(false);
    // Mirrored scores rank the pairs the other way: ROC-AUC 3/9 against version 1's 6/9.
    expect(result.reason).toBe(
      "test accuracy 0.100 >= min_accuracy 0.000; accuracy 0.100 is 0.800 worse than production (version 1)'s 0.900, more than the 0.050 allowed; roc_auc 0.333 is 0.333 worse than production (version 1)'s 0.667",
    );
    const comparison = (await connections.registry.models.getVersionView('signs', 3)).evaluation!.summary!.comparison!;
    expect(comparison).toMatchObject({ baselineVersion: 1, rows: 10 });
    expect(comparison.deltas['accuracy']).toBeCloseTo(-0.8, 12);
  });

  it('passes a tolerance with no production version to compare with, and fails a threshold on an undefined metric', async () => {
    // Every test row but one is "pos": ROC-AUC is defined (both classes present).
    const { result } = await evaluate(2, { thresholds: [{ metric: 'top_3_accuracy', min: 0.5 }] });
    expect(result).toMatchObject({ blessed: false });
    expect(result.reason).toContain('top_3_accuracy is undefined');
  });

  it('EvaluateModel scores every row of a dataset through the version\'s transform, with slices and the comparison, and keeps its report', async () => {
    const service = new EvaluationService(sources);
    const evaluation = await service.evaluateModel({ model_name: 'signs', version_selector: 'version', version: 2, dataset_id: 'ds_signs', slice_columns: ['group'] });
    // Version 2 (slope 1) predicts as version 1 does: 36 of 40 right (the four noisy rows wrong).
    expect(evaluation).toMatchObject({ model_name: 'signs', version: 2, dataset_id: 'ds_signs', split: 'all', rows: 40, skipped_rows: 0 });
    expect(evaluation.metrics['accuracy']).toBeCloseTo(0.9, 6);
    expect(evaluation.slices.map((slice) => [slice.value, slice.rows])).toEqual([
      ['a', 14],
      ['b', 13],
      ['c', 13],
    ]);
    expect(evaluation.comparison).toMatchObject({ baseline_version: 1, rows: 40 });
    expect(evaluation.comparison!.deltas!['accuracy']).toBeCloseTo(0, 12);
    const report = await service.getModelReport({ model_name: 'signs', version_selector: 'version', version: 2, dataset_id: 'ds_signs' });
    expect(report.html).toContain('ds_signs');
    await expect(service.getModelReport({ model_name: 'signs', version_selector: 'version', version: 2, dataset_id: 'ds_other' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('EvaluateModel refuses a dataset without the version\'s columns, and an unknown slice column, naming the field', async () => {
    const service = new EvaluationService(sources);
    const other: DatasetRecord = { ...dataset, id: 'ds_no_label', columns: dataset.columns.filter((column) => column.name !== 'label') };
    await connections.registry.datasets.register(other);
    const missing = service.evaluateModel({ model_name: 'signs', dataset_id: 'ds_no_label', slice_columns: [] });
    await expect(missing).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(missing).rejects.toMatchObject({ field: 'dataset_id', message: expect.stringContaining('lacks "label"') });
    await expect(service.evaluateModel({ model_name: 'signs', dataset_id: 'ds_signs', slice_columns: ['colour'] })).rejects.toMatchObject({ field: 'slice_columns[0]' });
    await expect(service.getModelReport({ model_name: 'signs', version_selector: 'alias', alias: 'canary', dataset_id: '' })).rejects.toBeInstanceOf(NotFoundError);
    expect(FailedPreconditionError).toBeDefined();
  });
});
