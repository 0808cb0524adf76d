import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fittedTransformSchema, loadSplit, loadSplitsManifest } from '@aiaas/data';
import { penguinsCsv } from '@aiaas/datasets';
import { connectRegistry, type RegistryConnections } from '@aiaas/registry';
import { FsArtifactStore, getJson } from '@aiaas/storage';
import { createTestStageContext } from '@aiaas/queue/testing';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { ingestCsvUpload } from './csv-upload';
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

  async function upload(csv: string): Promise<string> {
    async function* messages() {
      yield { part: 'header' as const, header: { name: 'data', delimiter: '', declared_types: {} } };
      yield { part: 'chunk' as const, chunk: Buffer.from(csv) };
    }
    const record = await ingestCsvUpload(messages(), store);
    await connections.registry.datasets.register(record);
    return record.id;
  }

  function context(datasetId: string, targetColumn: string) {
    return createTestStageContext<'preprocess'>({ jobId: 'job_test', datasetId, targetColumn, split: { testFraction: 0.2, seed: 42 } });
  }

  it('turns the penguins into stored, transformed, stratified splits and a fitted transform', async () => {
    const datasetId = await upload(penguinsCsv());
    const process = createPreprocessProcessor({ datasets: connections.registry.datasets, store });
    const { context: stage, reports } = context(datasetId, 'species');
    const { result, summary } = await process(stage);

    expect(result).toMatchObject({ classLabels: ['Adelie', 'Chinstrap', 'Gentoo'], trainRows: 275, testRows: 69, droppedRows: 0 });
    expect(result.inputColumns).toEqual(['island', 'beak_length_mm', 'beak_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex']);
    expect(summary).toBe('275 train / 69 test rows, 12 features, 3 classes');
    expect(reports.progress.map((report) => report.fraction)).toEqual([0.3, 0.7]);

    const transform = await getJson(store, result.transform, (value) => fittedTransformSchema.parse(value));
    expect(transform.featureCount).toBe(result.featureCount);
    const manifest = await loadSplitsManifest(store, result.splits);
    const train = await loadSplit(store, manifest, 'train');
    expect(train.features).toHaveLength(275 * result.featureCount);
    // Standardised on the training split: each numeric feature has mean ~0 there.
    const beakLengthOffset = 4; // island one-hot (3 islands + 1) comes first
    let sum = 0;
    for (let row = 0; row < train.rows; row++) sum += train.features[row * result.featureCount + beakLengthOffset]!;
    expect(Math.abs(sum / train.rows)).toBeLessThan(1e-5);
  });

  it('is deterministic: the same data and seed give the same artifacts', async () => {
    const datasetId = await upload(penguinsCsv());
    const process = createPreprocessProcessor({ datasets: connections.registry.datasets, store });
    const first = await process(context(datasetId, 'species').context);
    const second = await process(context(datasetId, 'species').context);
    expect(second.result.splits).toBe(first.result.splits);
    expect(second.result.transform).toBe(first.result.transform);
  });

  it('drops rows whose target is missing', async () => {
    const datasetId = await upload(penguinsCsv());
    const process = createPreprocessProcessor({ datasets: connections.registry.datasets, store });
    const { result } = await process(context(datasetId, 'sex').context);
    expect(result.droppedRows).toBe(10);
    expect(result.classLabels).toEqual(['.', 'FEMALE', 'MALE']);
  });

  it.each([
    ['a target that is not a column', 'a,b\n1,x\n2,y\n', 'nope', 'invalid target_column: "nope" is not a column of dataset'],
    ['a target with one class', 'a,b\n1,x\n2,x\n3,x\n', 'b', 'invalid target_column: "b" has only one class ("x"); a classifier needs at least two'],
    ['too few rows to split', 'a,b\n1,x\n2,y\n', 'b', 'invalid split.test_fraction: 2 rows cannot be split'],
  ])('rejects %s with a message naming the field', async (_case, csv, target, message) => {
    const datasetId = await upload(csv);
    const process = createPreprocessProcessor({ datasets: connections.registry.datasets, store });
    await expect(process(context(datasetId, target).context)).rejects.toThrow(message);
  });

  it('reports an unknown dataset as not found', async () => {
    const process = createPreprocessProcessor({ datasets: connections.registry.datasets, store });
    await expect(process(context('ds_000000000000', 'species').context)).rejects.toThrow('dataset "ds_000000000000" not found');
  });
});
