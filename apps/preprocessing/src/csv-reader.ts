import { parse, type CsvError } from 'csv-parse';
import { InvalidArgumentError } from '@aiaas/errors';

/** One parsed CSV record and the line it ends on. */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

/** Options every CSV read uses, so ingestion and preprocessing read a file identically. */
function parserFor(delimiter: string) {
  return parse({ delimiter, bom: true, info: true, skip_empty_lines: true, relax_column_count: false });
}

/** A csv-parse error as the client should see it: what is wrong and on which line. */
export function toCsvInputError(error: unknown): unknown {
  const csvError = error as Partial<CsvError>;
  if (typeof csvError.code === 'string' && csvError.code.startsWith('CSV_')) {
    return new InvalidArgumentError('file', `malformed CSV: ${csvError.message ?? csvError.code}`, { cause: error });
  }
  return error;
}

/**
 * Parses CSV from `chunks` as they arrive. `write` feeds the parser (waiting when it is full)
 * and `records` yields what it parsed; `end` marks the end of input.
 */
export class StreamingCsvParser {
  private readonly parser: ReturnType<typeof parserFor>;

  constructor(delimiter: string) {
    this.parser = parserFor(delimiter);
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (!this.parser.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onError = (error: unknown) => {
          this.parser.off('drain', onDrain);
          reject(error);
        };
        const onDrain = () => {
          this.parser.off('error', onError);
          resolve();
        };
        this.parser.once('drain', onDrain);
        this.parser.once('error', onError);
      });
    }
  }

  end(): void {
    this.parser.end();
  }

  /** Abandons parsing; `records` then ends with `reason`. */
  destroy(reason: Error): void {
    this.parser.destroy(reason);
  }

  async *records(): AsyncGenerator<CsvRecord> {
    try {
      for await (const entry of this.parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        yield { fields: entry.record, line: entry.info.lines };
      }
    } catch (error) {
      throw toCsvInputError(error);
    }
  }
}

/** Reads every record of a whole CSV source, for stages that work on a stored file. */
export async function* readCsv(source: AsyncIterable<Uint8Array>, delimiter: string): AsyncGenerator<CsvRecord> {
  const parser = new StreamingCsvParser(delimiter);
  const feeding = (async () => {
    try {
      for await (const chunk of source) await parser.write(chunk);
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();
  yield* parser.records();
  await feeding;
}
