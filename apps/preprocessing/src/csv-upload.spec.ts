import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '@aiaas/errors';
import type { UploadDatasetHeader__Output, UploadDatasetRequest__Output } from '@aiaas/proto';
import { FsArtifactStore } from '@aiaas/storage';
import { ingestCsvUpload } from './csv-upload';

function header(partial: Partial<UploadDatasetHeader__Output> = {}): UploadDatasetRequest__Output {
  return { part: 'header', header: { name: 'test', delimiter: '', declared_types: {}, ...partial } };
}

function chunk(text: string): UploadDatasetRequest__Output {
  return { part: 'chunk', chunk: Buffer.from(text) };
}

/** Splits text into small chunks so records and quoted fields straddle chunk boundaries. */
function upload(text: string, first = header(), size = 7): UploadDatasetRequest__Output[] {
  const parts: UploadDatasetRequest__Output[] = [first];
  for (let i = 0; i < text.length; i += size) parts.push(chunk(text.slice(i, i + size)));
  return parts;
}

async function* stream(messages: UploadDatasetRequest__Output[]): AsyncGenerator<UploadDatasetRequest__Output> {
  yield* messages;
}

describe('ingestCsvUpload', () => {
  let root: string;
  let store: FsArtifactStore;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'aiaas-ingest-'));
    store = new FsArtifactStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const storedFiles = () => readdirSync(root, { recursive: true }).filter((entry) => String(entry).split('/').length === 3);

  it('stores the bytes and profiles each column while they stream in', async () => {
    const csv = 'species,island,mass\nAdelie,"Torgersen, north",3750\nGentoo,Biscoe,NA\nGentoo,,5000\n';
    const record = await ingestCsvUpload(stream(upload(csv)), store, () => 42);
    expect(record).toMatchObject({ name: 'test', rowCount: 3, sizeBytes: csv.length, delimiter: ',', createdAt: 42 });
    expect(record.id).toMatch(/^ds_[0-9a-f]{12}$/);
    expect(record.columns).toEqual([
      { name: 'species', type: 'categorical', missingCount: 0, distinctCount: 2, distinctCountCapped: false },
      { name: 'island', type: 'categorical', missingCount: 1, distinctCount: 2, distinctCountCapped: false },
      { name: 'mass', type: 'numeric', missingCount: 1, distinctCount: 2, distinctCountCapped: false },
    ]);
    await expect(store.get(record.raw)).resolves.toEqual(Buffer.from(csv));
  });

  it('reads a custom delimiter and honours declared column types', async () => {
    const csv = 'zip;price\n01234;10\n99999;12\n';
    const record = await ingestCsvUpload(stream(upload(csv, header({ delimiter: ';', declared_types: { zip: 'COLUMN_TYPE_CATEGORICAL' } }))), store);
    expect(record.columns.map((column) => column.type)).toEqual(['categorical', 'numeric']);
  });

  it.each([
    ['a malformed line', 'a,b\n1,2\n3,4,5\n', /^invalid file: malformed CSV: .*line 3/],
    ['an unclosed quote', 'a,b\n1,"2\n', /^invalid file: malformed CSV: .*quote/i],
    ['a duplicate column name', 'a,b,a\n1,2,3\n', 'invalid file: line 1: column name "a" appears twice (columns 1 and 3)'],
    ['an empty file', '', 'invalid file: is empty; expected a header line and at least one row'],
    ['a header without rows', 'a,b\n', 'invalid file: has a header (a, b) but no data rows'],
  ])('rejects %s and stores nothing', async (_case, csv, message) => {
    const failure = ingestCsvUpload(stream(upload(csv)), store);
    await expect(failure).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(failure).rejects.toThrow(message);
    expect(storedFiles()).toEqual([]);
  });

  it('names the line, column and value that break a declared numeric type', async () => {
    const csv = 'a,b\n1,2\n3,x\n';
    const failure = ingestCsvUpload(stream(upload(csv, header({ declared_types: { b: 'COLUMN_TYPE_NUMERIC' } }))), store);
    await expect(failure).rejects.toThrow('invalid file: line 3, column "b": "x" is not a number, but the column is declared COLUMN_TYPE_NUMERIC');
    expect(storedFiles()).toEqual([]);
  });

  it('fails a large upload at its first bad row without waiting for the rest', async () => {
    const bad = 'a,b\n1,2\n3\n';
    async function* endless(): AsyncGenerator<UploadDatasetRequest__Output> {
      yield header();
      yield chunk(bad);
      for (;;) yield chunk('1,2\n'.repeat(10_000));
    }
    await expect(ingestCsvUpload(endless(), store)).rejects.toThrow(/line 3/);
    expect(storedFiles()).toEqual([]);
  });

  it.each([
    [[] as UploadDatasetRequest__Output[], 'invalid header: the upload had no messages'],
    [[chunk('a,b\n1,2\n')], 'invalid header: the first message of an upload must be the header'],
    [[header(), chunk('a,b\n'), header()], 'invalid header: send the header only once'],
    [[header({ delimiter: '||' }), chunk('a\n1\n')], 'invalid header.delimiter: must be one character'],
    [[header({ declared_types: { nope: 'COLUMN_TYPE_NUMERIC' } }), chunk('a\n1\n')], 'invalid header.declared_types["nope"]: column "nope" is not in the file\'s header (a)'],
  ])('rejects a badly framed upload (%#)', async (messages, message) => {
    await expect(ingestCsvUpload(stream(messages), store)).rejects.toThrow(message);
  });
});
