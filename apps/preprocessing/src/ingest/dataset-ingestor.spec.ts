import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetProfileSchema, DatasetRowReader } from '@aiaas/data';
import { penguinsCsv, spamJsonl } from '@aiaas/datasets';
import type { UploadDatasetHeader__Output, UploadDatasetRequest__Output } from '@aiaas/proto';
import { connectRegistry, type DatasetRecord, type RegistryConnections } from '@aiaas/registry';
import { FsArtifactStore, getJson } from '@aiaas/storage';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { DatasetIngestor } from './dataset-ingestor';

const HEADER: UploadDatasetHeader__Output = {
  name: 'data',
  delimiter: '',
  declared_types: {},
  format: 'DATA_FORMAT_CSV',
  column_names: [],
  schema: [],
  anomaly_policy: 'ANOMALY_POLICY_UNSPECIFIED',
};

async function* upload(header: Partial<UploadDatasetHeader__Output>, ...chunks: Array<string | Buffer>): AsyncGenerator<UploadDatasetRequest__Output> {
  yield { part: 'header', header: { ...HEADER, ...header } };
  for (const chunk of chunks) yield { part: 'chunk', chunk: Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk) };
}

/** Splits `text` into chunks of `size` bytes, cutting characters and lines anywhere. */
function chunked(text: string | Buffer, size: number): Buffer[] {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.subarray(start, start + size));
  return chunks;
}

describe('DatasetIngestor', () => {
  const prefix = uniquePrefix('ingest');
  let root: string;
  let store: FsArtifactStore;
  let connections: RegistryConnections;
  let ingestor: DatasetIngestor;

  beforeAll(() => {
    connections = connectRegistry({ redisUrl: testRedisUrl(), prefix });
  });
  afterAll(async () => {
    await deleteKeysWithPrefix(connections.redis, prefix);
    connections.close();
  });
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'aiaas-ingest-'));
    store = new FsArtifactStore(join(root, 'artifacts'));
    mkdirSync(join(root, 'imports'));
    ingestor = new DatasetIngestor({ store, datasets: connections.registry.datasets, limits: { maxRecordBytes: 64 * 1024, shardBytes: 4 * 1024 }, importDir: join(root, 'imports') });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Files in the store outside its temporary folder. */
  const storedFiles = () =>
    existsSync(join(root, 'artifacts'))
      ? readdirSync(join(root, 'artifacts'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && !entry.parentPath.includes('tmp')).length
      : 0;

  it('stores, profiles and registers a CSV, in chunks that cut lines and characters anywhere', async () => {
    const csv = penguinsCsv().replace('Torgersen', 'Törgersen');
    const record = await ingestor.ingestUpload(upload({ name: 'penguins' }, ...chunked(csv, 7)));
    expect(record).toMatchObject({ name: 'penguins', rowCount: 344, format: { kind: 'csv', delimiter: ',', hasHeader: true }, anomalyPolicy: 'reject' });
    expect(record.columns.map((column) => [column.name, column.type])).toEqual([
      ['species', 'categorical'],
      ['island', 'categorical'],
      ['beak_length_mm', 'numeric'],
      ['beak_depth_mm', 'numeric'],
      ['flipper_length_mm', 'numeric'],
      ['body_mass_g', 'numeric'],
      ['sex', 'categorical'],
    ]);
    await expect(connections.registry.datasets.get(record.id)).resolves.toEqual(record);
    const profile = await getJson(store, record.profile, (value) => datasetProfileSchema.parse(value));
    const mass = profile.columns.find((column) => column.name === 'body_mass_g')!;
    expect(mass).toMatchObject({ count: 344, missing: 2, numeric: { min: 2700, max: 6300 } });
    expect(profile.columns[1]!.topValues.values[0]).toEqual({ value: 'Biscoe', count: 168 });
  });

  it('cuts a large file into shards at row boundaries, and every shard reads back its own rows', async () => {
    const csv = penguinsCsv();
    const record = await ingestor.ingestUpload(upload({}, ...chunked(csv, 1000)));
    expect(record.shards.length).toBeGreaterThan(2);
    expect(record.shards.reduce((sum, shard) => sum + shard.rowCount, 0)).toBe(344);
    expect(record.shards.at(-1)!.byteEnd).toBe(record.sizeBytes);
    const rows: number[] = [];
    for (const shard of record.shards) {
      const reader = new DatasetRowReader({ format: record.format, columns: record.columns.map((c) => c.name), maxRecordBytes: 1 << 20, start: { byteOffset: shard.byteStart, ...shard } });
      let count = 0;
      for await (const row of reader.rows(await store.getStream(record.raw, { start: shard.byteStart, end: shard.byteEnd }))) {
        rows.push(row.rowNumber);
        if (count === 0) expect(row.values[0]).toMatch(/^(Adelie|Chinstrap|Gentoo)$/);
        count += 1;
      }
      expect(count).toBe(shard.rowCount);
    }
    expect(rows).toEqual(Array.from({ length: 344 }, (_, index) => index + 1));
  });

  it('reads JSON Lines with typed values, and a header-less CSV with given column names', async () => {
    const jsonl = await ingestor.ingestUpload(upload({ format: 'DATA_FORMAT_JSONL' }, ...chunked(spamJsonl({ limit: 40, seed: 3 }), 999)));
    expect(jsonl.rowCount).toBe(40);
    expect(jsonl.columns.map((column) => [column.name, column.type])).toEqual([
      ['label', 'categorical'],
      ['subject', 'text'],
      ['text', 'text'],
    ]);
    const headless = await ingestor.ingestUpload(upload({ has_header: false, column_names: ['a', 'b'], delimiter: ';' }, '1;x\n2;y\n'));
    expect(headless).toMatchObject({ rowCount: 2, format: { kind: 'csv', delimiter: ';', hasHeader: false } });
    expect(headless.columns.map((column) => column.name)).toEqual(['a', 'b']);
  });

  it('imports a file under the import directory, and refuses paths that leave it', async () => {
    writeFileSync(join(root, 'imports', 'data.csv'), 'a,b\n1,2\n');
    symlinkSync(join(root, 'artifacts'), join(root, 'imports', 'escape'));
    const imported = await ingestor.importDataset({ options: { ...HEADER, name: 'imported' }, source_uri: 'file:data.csv' });
    expect(imported).toMatchObject({ name: 'imported', rowCount: 1 });
    const again = await ingestor.importDataset({ options: null, source_uri: imported.raw });
    expect(again.sha256).toBe(imported.sha256);
    await expect(ingestor.importDataset({ options: null, source_uri: 'file:../x.csv' })).rejects.toThrow('is not under the import directory');
    await expect(ingestor.importDataset({ options: null, source_uri: 'file:escape/tmp' })).rejects.toThrow('is not under the import directory');
    await expect(ingestor.importDataset({ options: null, source_uri: 'file:missing.csv' })).rejects.toThrow('not found');
    await expect(ingestor.importDataset({ options: null, source_uri: 'https://example.com/x.csv' })).rejects.toThrow('invalid source_uri: must start with "sha256:"');
  });

  it('refuses rows that break the declared schema, listing them, unless the policy keeps them', async () => {
    const csv = 'age,city\n30,Oslo\nabc,Oslo\n40,Rome\n-5,\n';
    const schema = [
      { name: 'age', type: 'COLUMN_TYPE_NUMERIC' as const, required: false, min: 0, categories: [] },
      { name: 'city', type: 'COLUMN_TYPE_CATEGORICAL' as const, required: true, categories: ['Oslo', 'Paris'] },
    ];
    await expect(ingestor.ingestUpload(upload({ schema }, csv))).rejects.toThrow(
      /invalid file: 3 of 4 rows break the declared schema: .*age.*\[1 row \(rows 2\)\].*set anomaly_policy to DROP or IMPUTE/,
    );
    const kept = await ingestor.ingestUpload(upload({ schema, anomaly_policy: 'ANOMALY_POLICY_DROP' }, csv));
    expect(kept).toMatchObject({ rowsWithAnomalies: 3, anomalyPolicy: 'drop' });
    const profile = await getJson(store, kept.profile, (value) => datasetProfileSchema.parse(value));
    expect(profile.anomalies.map((anomaly) => [anomaly.column, anomaly.kind, anomaly.rows])).toEqual([
      ['age', 'type-mismatch', [2]],
      ['age', 'out-of-range', [4]],
      ['city', 'unseen-category', [3]],
      ['city', 'missing-value', [4]],
    ]);
  });

  const bad: Array<[string, Partial<UploadDatasetHeader__Output>, Array<string | Buffer>, string | RegExp]> = [
    ['an empty file', {}, [], 'invalid file: is empty'],
    ['a header without rows', {}, ['a,b\n'], 'invalid file: has a header (a, b) but no data rows'],
    ['duplicate column names', {}, ['a,b,a\n1,2,3\n'], 'invalid file: line 1: column name "a" appears twice (columns 1 and 3)'],
    ['an inconsistent column count', {}, ['a,b\n1,2\n3\n'], 'invalid file: malformed CSV at line 3: 1 field where the header has 2'],
    ['a truncated quoted field', {}, ['a,b\n1,"unfinished\n'], 'invalid file: malformed CSV at line 2: a quoted field is never closed; is the file truncated?'],
    ['a binary file', {}, [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])], 'invalid file: looks binary: a NUL byte at byte 4 (line 1)'],
    ['invalid UTF-8', {}, ['a,b\n1,2\n', Buffer.from([0x33, 0x2c, 0xff, 0x0a])], 'invalid file: is not valid UTF-8: byte 10 (line 3) is 0xff'],
    ['a file ending inside a character', {}, ['a,b\n1,', Buffer.from([0xc3])], 'invalid file: ends inside a UTF-8 character at byte 6 (line 2)'],
    // In many chunks, as a client streams it: the upload must fail, not wait for its end.
    ['a 10 MB single line', {}, chunked(`a,b\n${'x'.repeat(10 * 1024 * 1024)}\n`, 65_536), 'invalid file: malformed CSV at line 2: a record is longer than 65536 bytes'],
    ['a JSONL line that is not an object', { format: 'DATA_FORMAT_JSONL' }, ['{"a":1}\n[1,2]\n'], 'invalid file: line 2 is an array; JSONL needs one JSON object per line'],
    ['malformed JSON', { format: 'DATA_FORMAT_JSONL' }, ['{"a":1}\n{"a":\n'], /invalid file: line 2 is not valid JSON/],
    ['a JSONL key the first line lacks', { format: 'DATA_FORMAT_JSONL' }, ['{"a":1}\n{"b":2}\n'], 'invalid file: line 2 has the key "b", which the first line does not'],
    ['nested JSON values', { format: 'DATA_FORMAT_JSONL' }, ['{"a":{"b":1}}\n'], 'invalid file: line 1, field "a" is an object'],
    ['a 10 MB JSON line', { format: 'DATA_FORMAT_JSONL' }, [`{"a":"${'x'.repeat(10 * 1024 * 1024)}"}\n`], 'invalid file: line 1 is longer than 65536 bytes'],
    ['a bad delimiter', { delimiter: '""' }, ['a\n1\n'], 'invalid header.delimiter: must be one character other than a quote or newline'],
    ['a declared column that is not in the file', { schema: [{ name: 'zip', type: 'COLUMN_TYPE_NUMERIC', required: false, categories: [] }] }, ['a\n1\n'], 'invalid schema.columns["zip"]'],
  ];

  it.each(bad)('rejects %s with a message naming what and where, and stores nothing', async (_case, header, chunks, message) => {
    const before = storedFiles();
    await expect(ingestor.ingestUpload(upload(header, ...chunks))).rejects.toThrow(message);
    expect(storedFiles()).toBe(before);
  });

  it('requires the header first and only once', async () => {
    async function* chunkFirst(): AsyncGenerator<UploadDatasetRequest__Output> {
      yield { part: 'chunk', chunk: Buffer.from('a\n1\n') };
    }
    await expect(ingestor.ingestUpload(chunkFirst())).rejects.toThrow('invalid header: the first message of an upload must be the header');
    async function* twice(): AsyncGenerator<UploadDatasetRequest__Output> {
      yield* upload({}, 'a\n1\n');
      yield { part: 'header', header: HEADER };
    }
    await expect(ingestor.ingestUpload(twice())).rejects.toThrow('invalid header: send the header only once');
  });

  it('leaves the catalog as it was after a failure', async () => {
    const good: DatasetRecord = await ingestor.ingestUpload(upload({}, 'a,b\n1,2\n'));
    await expect(ingestor.ingestUpload(upload({}, 'a,b\n1\n'))).rejects.toThrow('malformed CSV');
    await expect(connections.registry.datasets.get(good.id)).resolves.toEqual(good);
  });
});
