import { status } from '@grpc/grpc-js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSplit, loadSplitsManifest } from '@aiaas/data';
import { penguinsCsv, spamCsv } from '@aiaas/datasets';
import { GatewayClient, HealthClient, type Dataset__Output, type PreviewRow__Output } from '@aiaas/proto';
import { connectRegistry, type RegistryConnections } from '@aiaas/registry';
import { FsArtifactStore } from '@aiaas/storage';
import { decodeTensor } from '@aiaas/tensor';
import { deleteKeysWithPrefix } from '@aiaas/testing';
import { codeOf, collect, failure, toRecord, uploadMessages } from './gateway-calls';
import { startTestPlatform, type TestPlatform } from './test-platform';

/** Small enough that the penguins (~14 kB) are cut into several shards. */
const SHARD_BYTES = 4 * 1024;

describe('preprocessing, end to end through the gateway', () => {
  let test: TestPlatform;
  let gateway: GatewayClient;
  let connections: RegistryConnections;
  let importDir: string;
  let penguins: Dataset__Output;

  beforeAll(async () => {
    importDir = mkdtempSync(join(tmpdir(), 'aiaas-imports-'));
    test = await startTestPlatform({ PREPROCESSING_SHARD_BYTES: String(SHARD_BYTES), PREPROCESSING_IMPORT_DIR: importDir, PREPROCESSING_MAX_RECORD_BYTES: '256KiB' });
    gateway = test.gatewayClient();
    connections = connectRegistry({ redisUrl: test.redisUrl, prefix: test.prefix });
    penguins = await gateway.uploadDataset(uploadMessages(penguinsCsv(), 'penguins', 2_000));
  });

  afterAll(async () => {
    gateway?.close();
    if (test?.platform.services.some((service) => service.running)) await test.stop();
    if (connections) {
      await deleteKeysWithPrefix(connections.redis, test.prefix);
      connections.close();
    }
    rmSync(importDir, { recursive: true, force: true });
  });

  it('profiles a dataset at upload: statistics and a preview through the public API', async () => {
    expect(penguins.shard_count).toBeGreaterThan(2);
    const stats = await gateway.getDatasetStats(penguins.id);
    const mass = stats.columns.find((column) => column.name === 'body_mass_g')!;
    expect(mass).toMatchObject({ type: 'COLUMN_TYPE_NUMERIC', inferred: true, count: 344, missing: 2 });
    expect(mass.numeric).toMatchObject({ min: 2700, max: 6300 });
    expect(mass.numeric!.percentiles).toHaveLength(101);
    const island = stats.columns.find((column) => column.name === 'island')!;
    expect(island.top_values[0]).toEqual({ value: 'Biscoe', count: 168 });
    expect(island.text!.length_histogram.length).toBeGreaterThan(0);

    const preview = await gateway.previewDataset({ dataset_id: penguins.id, limit: 3 });
    expect(preview.rows.map((row) => row.row_number)).toEqual([1, 2, 3]);
    expect(preview.rows[0]!.values).toEqual(['Adelie', 'Torgersen', '39.1', '18.7', '181', '3750', 'MALE']);
    expect(preview.dataset!.columns.map((column) => column.name)).toContain('sex');
  });

  it('preprocesses a sharded dataset in parallel tasks, and serving computes byte-identical features', async () => {
    const job = await gateway.startPipeline({
      dataset_id: penguins.id,
      target_column: 'species',
      model_name: 'penguins-sharded',
      split: { test_fraction: 0.2, validation_fraction: 0.1, seed: 9 },
      preprocessing: { clip: { quantile: { lower: 0.01, upper: 0.99 } }, columns: { body_mass_g: { numeric: { scaling: 'SCALING_MIN_MAX' } } } },
      training: { epochs: 5 },
    });
    const events = await collect(gateway, job.id);
    expect(events.at(-1)!.job_finished).toMatchObject({ state: 'JOB_STATE_SUCCEEDED' });
    const preprocessed = events.find((event) => event.stage === 'STAGE_PREPROCESS' && event.stage_completed)!.stage_completed!.summary;
    expect(preprocessed).toMatch(new RegExp(`in ${penguins.shard_count} shards$`));

    // Features the training saw, from the stored splits...
    const version = await connections.registry.models.getVersion('penguins-sharded', job.model_version || events.at(-1)!.job_finished!.model_version);
    const store = new FsArtifactStore(test.artifactDir);
    const manifest = await loadSplitsManifest(store, version.artifacts.splits);
    const preview = await gateway.previewDataset({ dataset_id: penguins.id, limit: 344 });
    const columns = preview.dataset!.columns.map((column) => column.name);
    const recordOf = (row: PreviewRow__Output) => toRecord(Object.fromEntries(columns.map((column, index) => [column, row.values[index]!])));
    for (const split of ['train', 'validation', 'test'] as const) {
      const data = await loadSplit(store, manifest, split);
      const width = version.featureCount;
      const sample = [0, Math.floor(data.rows / 2), data.rows - 1];
      // ...and the features inference computes from the same raw rows, as a client sends them.
      const served = await gateway.transformRecords({
        model_name: 'penguins-sharded',
        version: version.version,
        records: { records: sample.map((index) => recordOf(preview.rows[data.rowNumbers[index]! - 1]!)) },
      });
      const features = decodeTensor(served.outputs.find((output) => output.name === 'features')!.tensor!, 'features');
      sample.forEach((index, position) => {
        const trained = Buffer.from(data.tensors['features']!.buffer, data.tensors['features']!.byteOffset + index * width * 4, width * 4);
        const computed = Buffer.from(features.values.buffer, features.values.byteOffset + position * width * 4, width * 4);
        expect(computed.equals(trained)).toBe(true);
      });
    }
  });

  it('trains a text classifier on a real e-mail corpus through TF-IDF features', async () => {
    const spam = await gateway.uploadDataset(uploadMessages(spamCsv({ limit: 1_500, seed: 4, maxBodyChars: 600 }), 'spam', 16_384));
    expect(spam.columns.map((column) => [column.name, column.type])).toEqual([
      ['label', 'COLUMN_TYPE_CATEGORICAL'],
      ['subject', 'COLUMN_TYPE_TEXT'],
      ['text', 'COLUMN_TYPE_TEXT'],
    ]);
    const job = await gateway.startPipeline({
      dataset_id: spam.id,
      target_column: 'label',
      model_name: 'spam',
      min_accuracy: 0.85,
      preprocessing: { columns: { text: { text: { vocabulary_size: 500, remove_stop_words: true } } } },
      training: { epochs: 10 },
    });
    const events = await collect(gateway, job.id);
    expect(events.at(-1)!.job_finished).toMatchObject({ state: 'JOB_STATE_SUCCEEDED', error: '' });
    const model = await gateway.getModel('spam');
    expect(model.versions[0]!.metrics!.accuracy).toBeGreaterThanOrEqual(0.85);
    const prediction = await gateway.predict({
      model_name: 'spam',
      records: { records: [toRecord({ subject: 'WIN CASH NOW!!!', text: 'Click here to claim your free prize. Limited offer, act now, money back guarantee.' })] },
    });
    expect(prediction.class_labels).toEqual(['ham', 'spam']);
  });

  it('imports a JSON Lines file from the import directory', async () => {
    const lines = Array.from({ length: 50 }, (_, index) => JSON.stringify({ x: index, even: index % 2 === 0, when: `2024-03-${String((index % 28) + 1).padStart(2, '0')}` }));
    writeFileSync(join(importDir, 'numbers.jsonl'), `${lines.join('\n')}\n`);
    const imported = await gateway.importDataset({ options: { name: 'numbers', format: 'DATA_FORMAT_JSONL' }, source_uri: 'file:numbers.jsonl' });
    expect(imported).toMatchObject({ name: 'numbers', row_count: 50, format: 'DATA_FORMAT_JSONL' });
    expect(imported.columns.map((column) => column.type)).toEqual(['COLUMN_TYPE_NUMERIC', 'COLUMN_TYPE_BOOLEAN', 'COLUMN_TYPE_TIMESTAMP']);
    const escape = await failure(gateway.importDataset({ source_uri: 'file:../../etc/passwd' }));
    expect(codeOf(escape)).toBe(status.INVALID_ARGUMENT);
  });

  describe('bad files get INVALID_ARGUMENT naming what and where, and nothing goes down', () => {
    it.each([
      ['an empty file', Buffer.alloc(0), {}, /^invalid file: is empty/],
      ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), {}, /^invalid file: looks binary: a NUL byte at byte 8/],
      ['invalid UTF-8', Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]), {}, /^invalid file: is not valid UTF-8: byte \d+ \(line 3\)/],
      ['duplicate column names', Buffer.from('a,b,a\n1,2,3\n'), {}, /^invalid file: line 1: column name "a" appears twice/],
      ['an inconsistent column count', Buffer.from('a,b\n1,2\n3,4,5\n'), {}, /^invalid file: malformed CSV at line 3: 3 fields where the header has 2/],
      ['a truncated file', Buffer.from('a,b\n1,"cut'), {}, /^invalid file: malformed CSV at line 2: a quoted field is never closed/],
      ['a 10 MB single line', Buffer.from(`a\n${'9'.repeat(10 * 1024 * 1024)}\n`), {}, /^invalid file: malformed CSV at line 2: a record is longer than 262144 bytes/],
      ['a JSON line that is not an object', Buffer.from('{"a":1}\n42\n'), { format: 'DATA_FORMAT_JSONL' as const }, /^invalid file: line 2 is a number/],
    ])('%s', async (_case, bytes, header, message) => {
      const error = await failure(gateway.uploadDataset(uploadMessages(bytes, 'bad', 65_536, header)));
      expect(codeOf(error)).toBe(status.INVALID_ARGUMENT);
      expect(error.message).toMatch(message);
    });

    it('keeps every service serving, and earlier datasets intact', async () => {
      for (const service of test.platform.services) {
        const health = new HealthClient(service.address);
        await expect(health.check('')).resolves.toBe('SERVING');
        health.close();
      }
      await expect(gateway.getDataset(penguins.id)).resolves.toMatchObject({ id: penguins.id, row_count: 344 });
    });
  });
});
