import { randomBytes } from 'node:crypto';
import { InvalidArgumentError } from '@aiaas/errors';
import type { ColumnTypeName } from '@aiaas/data';
import type { UploadDatasetHeader__Output, UploadDatasetRequest__Output } from '@aiaas/proto';
import { columnTypeFromMessage, type DatasetRecord } from '@aiaas/registry';
import type { ArtifactStore } from '@aiaas/storage';
import { StreamingCsvParser, toCsvInputError } from './csv-reader';
import { DatasetProfiler, validateHeader } from './dataset-profiler';

interface UploadOptions {
  readonly delimiter: string;
  readonly name: string;
  readonly declared: ReadonlyMap<string, ColumnTypeName>;
}

function readHeader(header: UploadDatasetHeader__Output): UploadOptions {
  const delimiter = header.delimiter === '' ? ',' : header.delimiter;
  if ([...delimiter].length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new InvalidArgumentError('header.delimiter', `must be one character other than a quote or newline, got ${JSON.stringify(header.delimiter)}`);
  }
  const declared = new Map<string, ColumnTypeName>();
  for (const [column, type] of Object.entries(header.declared_types)) {
    const name = columnTypeFromMessage(type);
    if (!name) throw new InvalidArgumentError(`header.declared_types["${column}"]`, `must be COLUMN_TYPE_NUMERIC or COLUMN_TYPE_CATEGORICAL, got ${String(type)}`);
    declared.set(column, name);
  }
  return { delimiter, name: header.name.trim(), declared };
}

/**
 * Takes a client-streamed CSV upload (a header message, then chunks), stores the bytes as they
 * arrive and profiles them on the way. Any problem (a malformed line, a duplicate column name,
 * a value that breaks a declared type, an empty file) aborts the write, so nothing is stored.
 */
export async function ingestCsvUpload(
  messages: AsyncIterable<UploadDatasetRequest__Output>,
  store: ArtifactStore,
  now: () => number = Date.now,
): Promise<DatasetRecord> {
  const iterator = messages[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new InvalidArgumentError('header', 'the upload had no messages; send a header, then the file in chunks');
  if (first.value.part !== 'header' || !first.value.header) throw new InvalidArgumentError('header', 'the first message of an upload must be the header');
  const options = readHeader(first.value.header);

  const parser = new StreamingCsvParser(options.delimiter);
  const profiling = (async () => {
    let profiler: DatasetProfiler | undefined;
    let header: string[] = [];
    try {
      for await (const record of parser.records()) {
        if (!profiler) {
          header = validateHeader(record.fields);
          profiler = new DatasetProfiler(header, options.declared);
        } else {
          profiler.add(record.fields, record.line);
        }
      }
    } catch (error) {
      // Unblock a writer waiting for the parser to drain.
      parser.destroy(error as Error);
      throw error;
    }
    if (!profiler) throw new InvalidArgumentError('file', 'is empty; expected a header line and at least one row');
    if (profiler.rowCount === 0) throw new InvalidArgumentError('file', `has a header (${header.join(', ')}) but no data rows`);
    return { columns: profiler.finish(), rowCount: profiler.rowCount };
  })();
  // Awaited below; this only keeps an early failure from counting as unhandled meanwhile.
  profiling.catch(() => undefined);

  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        if (next.value.part === 'header') throw new InvalidArgumentError('header', 'send the header only once, as the first message');
        const chunk = next.value.chunk;
        if (!chunk || chunk.length === 0) continue;
        await parser.write(chunk);
        yield chunk;
      }
      parser.end();
      await profiling;
    } catch (error) {
      // Stop the parser so profiling settles, then prefer its account of what went wrong: for
      // a malformed file it is the more precise one.
      parser.destroy(error as Error);
      throw await profiling.then(
        () => toCsvInputError(error),
        (profilingError: unknown) => profilingError,
      );
    }
  }

  const stored = await store.putStream(chunks());
  const { columns, rowCount } = await profiling;
  const id = `ds_${randomBytes(6).toString('hex')}`;
  return {
    id,
    name: options.name || id,
    sha256: stored.ref.slice('sha256:'.length),
    sizeBytes: stored.sizeBytes,
    rowCount,
    delimiter: options.delimiter,
    columns,
    raw: stored.ref,
    createdAt: now(),
  };
}
