import { parse, type CsvError } from 'csv-parse';
import { InvalidArgumentError } from '@aiaas/errors';

/** One CSV record: its fields, the line it ends on, and the byte after it (0 and 0 untracked). */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
  readonly endByte: number;
}

export interface CsvRecordOptions {
  readonly delimiter: string;
  /** A longer record is an error rather than a memory hazard. */
  readonly maxRecordBytes: number;
  /** Line number of the first line of `chunks`, for messages. */
  readonly firstLine: number;
  /** Track each record's line and end byte; costs about a tenth of the parsing time. */
  readonly positions: boolean;
}

/** A csv-parse error as the client should see it: what is wrong, on which line of the file. */
function toCsvInputError(error: unknown, options: CsvRecordOptions): unknown {
  const csvError = error as Partial<CsvError> & { lines?: number };
  if (typeof csvError.code !== 'string' || !csvError.code.startsWith('CSV_')) return error;
  const line = (csvError.lines ?? 1) + options.firstLine - 1;
  const reason =
    csvError.code === 'CSV_MAX_RECORD_SIZE'
      ? `a record is longer than ${options.maxRecordBytes} bytes; is the delimiter right, or a quote left open?`
      : csvError.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quoted field is never closed; is the file truncated?'
          : (csvError.message ?? csvError.code);
  return new InvalidArgumentError('file', `malformed CSV at line ${line}: ${reason}`, { cause: error });
}

/** Waits until the parser wants more input, or is gone (a consumer that stopped reading). */
function drainedOrClosed(parser: NodeJS.EventEmitter & { destroyed: boolean }): Promise<void> {
  return new Promise((resolve) => {
    if (parser.destroyed) {
      resolve();
      return;
    }
    const done = () => {
      parser.off('drain', done);
      parser.off('close', done);
      resolve();
    };
    parser.on('drain', done);
    parser.on('close', done);
  });
}

/**
 * Parses CSV bytes (RFC 4180 quoting, BOM tolerated) as they stream in. Records may differ in
 * their number of fields; the caller decides what that means.
 */
export async function* csvRecords(chunks: AsyncIterable<Uint8Array>, options: CsvRecordOptions): AsyncGenerator<CsvRecord> {
  const parser = parse({
    delimiter: options.delimiter,
    bom: true,
    info: options.positions,
    skip_empty_lines: true,
    // The row reader checks field counts against the dataset's columns, with a better message.
    relax_column_count: true,
    max_record_size: options.maxRecordBytes,
  });
  const feeding = (async () => {
    try {
      for await (const chunk of chunks) {
        // A consumer that stopped reading destroys the parser; stop feeding it then.
        if (parser.destroyed) return;
        if (!parser.write(chunk)) await drainedOrClosed(parser);
      }
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();
  try {
    if (options.positions) {
      for await (const entry of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
        yield { fields: entry.record, line: entry.info.lines + options.firstLine - 1, endByte: entry.info.bytes };
      }
    } else {
      for await (const fields of parser as AsyncIterable<string[]>) yield { fields, line: 0, endByte: 0 };
    }
  } catch (error) {
    throw toCsvInputError(error, options);
  } finally {
    if (!parser.destroyed) parser.destroy();
    await feeding;
  }
}
