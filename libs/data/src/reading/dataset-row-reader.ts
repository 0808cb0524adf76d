import type { RawValue } from '../raw-values';
import { InvalidArgumentError } from '@aiaas/errors';
import { csvRecords } from './csv-records';
import { jsonlRecords } from './jsonl-records';
import { FILE_START, type ParsedRow, type ReadStart } from './parsed-row';

/** How a dataset's bytes are laid out. */
export type DataFormat =
  | { readonly kind: 'csv'; readonly delimiter: string; readonly hasHeader: boolean }
  | { readonly kind: 'jsonl' };

export interface RowReaderOptions {
  readonly format: DataFormat;
  /** Column names when already known (a stored dataset); otherwise learned from the file. */
  readonly columns?: readonly string[];
  /** CSV without a header and no known columns: the names to give them. */
  readonly givenNames?: readonly string[];
  readonly maxRecordBytes: number;
  /** Where the bytes start in the file; the file's start unless reading one shard. */
  readonly start?: ReadStart;
  /**
   * Track each CSV row's line and end byte (default true). Passes that only need the rows turn
   * it off: parsing is faster, and rows then say line 0 and endByte 0.
   */
  readonly positions?: boolean;
}

/** Default names of header-less CSV columns. */
function defaultNames(width: number): string[] {
  return Array.from({ length: width }, (_, index) => `column_${index + 1}`);
}

/** Checks a header: names present and unique. Returns it trimmed. */
export function validateHeader(header: readonly string[], line: number): string[] {
  const names = header.map((name) => name.trim());
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    if (name === '') throw new InvalidArgumentError('file', `line ${line}: column ${index + 1} has no name`);
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new InvalidArgumentError('file', `line ${line}: column name "${name}" appears twice (columns ${earlier + 1} and ${index + 1}); column names must be unique`);
    }
    seen.set(name, index);
  });
  return names;
}

/**
 * Reads a dataset's rows from its bytes, CSV or JSONL, as cells in column order. The columns
 * come from `options.columns`, else from the CSV header (or `givenNames`, or column_1…), else
 * from the keys of the first JSON object; `columns` is set before the first row is yielded.
 */
export class DatasetRowReader {
  private known: string[] | undefined;

  constructor(private readonly options: RowReaderOptions) {
    this.known = options.columns ? [...options.columns] : undefined;
  }

  /** The dataset's columns, once known. */
  get columns(): readonly string[] | undefined {
    return this.known;
  }

  async *rows(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<ParsedRow> {
    const start = this.options.start ?? FILE_START;
    if (this.options.format.kind === 'csv') yield* this.csvRows(chunks, this.options.format, start);
    else yield* this.jsonlRows(chunks, start);
  }

  private async *csvRows(chunks: AsyncIterable<Uint8Array>, format: { delimiter: string; hasHeader: boolean }, start: ReadStart): AsyncGenerator<ParsedRow> {
    let rowNumber = start.firstRow;
    const records = csvRecords(chunks, {
      delimiter: format.delimiter,
      maxRecordBytes: this.options.maxRecordBytes,
      firstLine: start.firstLine,
      positions: this.options.positions ?? true,
    });
    // A header at the start of the bytes is skipped even when the columns are already known.
    let headerPending = format.hasHeader && start.byteOffset === 0;
    for await (const record of records) {
      if (headerPending && this.known) {
        headerPending = false;
        continue;
      }
      if (!this.known) {
        if (format.hasHeader) {
          this.known = validateHeader(record.fields, record.line);
          headerPending = false;
          continue;
        }
        const given = this.options.givenNames ?? [];
        if (given.length > 0 && given.length !== record.fields.length) {
          throw new InvalidArgumentError('header.column_names', `names ${given.length} columns but line ${record.line} has ${record.fields.length} fields`);
        }
        this.known = given.length > 0 ? validateHeader(given, record.line) : defaultNames(record.fields.length);
      } else if (record.fields.length !== this.known.length) {
        const where = record.line > 0 ? `line ${record.line}` : `row ${rowNumber}`;
        throw new InvalidArgumentError('file', `malformed CSV at ${where}: ${record.fields.length} field${record.fields.length === 1 ? '' : 's'} where ${format.hasHeader ? 'the header' : 'the first line'} has ${this.known.length}; every line needs one field per column (is a quote missing, or the file truncated?)`);
      }
      yield { values: record.fields, rowNumber, line: record.line, endByte: start.byteOffset + record.endByte };
      rowNumber += 1;
    }
  }

  private async *jsonlRows(chunks: AsyncIterable<Uint8Array>, start: ReadStart): AsyncGenerator<ParsedRow> {
    let rowNumber = start.firstRow;
    let index: Map<string, number> | undefined = this.known ? new Map(this.known.map((name, position) => [name, position])) : undefined;
    for await (const record of jsonlRecords(chunks, { maxRecordBytes: this.options.maxRecordBytes, firstLine: start.firstLine })) {
      if (!index) {
        this.known = [...record.fields.keys()];
        if (this.known.length === 0) throw new InvalidArgumentError('file', `line ${record.line} is an empty object; the first line names the columns`);
        index = new Map(this.known.map((name, position) => [name, position]));
      }
      const values = new Array<RawValue>(index.size).fill(undefined);
      for (const [key, value] of record.fields) {
        const position = index.get(key);
        if (position === undefined) {
          throw new InvalidArgumentError(
            'file',
            `line ${record.line} has the key "${key}", which the first line does not; every line must use the first line's keys (${[...index.keys()].join(', ')}), leaving out or nulling the ones it lacks`,
          );
        }
        values[position] = value;
      }
      yield { values, rowNumber, line: record.line, endByte: start.byteOffset + record.endByte };
      rowNumber += 1;
    }
  }
}
