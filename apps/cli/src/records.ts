import { CsvError, parse } from 'csv-parse/sync';
import { InvalidArgumentError } from '@aiaas/errors';
import type { Record as RecordMessage, Value } from '@aiaas/proto';

/** A proto Value for a JSON value; objects and arrays are not features. */
function toValue(value: unknown, path: string): Value {
  if (value === null || value === undefined) return { null_value: true };
  if (typeof value === 'number') return { number_value: value };
  if (typeof value === 'string') return { string_value: value };
  if (typeof value === 'boolean') return { bool_value: value };
  throw new InvalidArgumentError(path, `must be a number, string, boolean or null, got ${JSON.stringify(value)}`);
}

/** Turns JSON objects (column -> value) into Predict records. */
export function toRecordMessages(rows: readonly unknown[]): RecordMessage[] {
  return rows.map((row, index) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new InvalidArgumentError(`records[${index}]`, 'must be a JSON object of column: value');
    }
    return {
      fields: Object.fromEntries(Object.entries(row).map(([column, value]) => [column, toValue(value, `records[${index}].${column}`)])),
    };
  });
}

/** Parses `--records`: a JSON object, a JSON array of objects, or JSON Lines. */
export function parseRecordsText(text: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed === '') throw new InvalidArgumentError('records', 'is empty');
  try {
    const parsed = JSON.parse(trimmed) as unknown;
    return Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    return trimmed.split(/\r?\n/).filter((line) => line.trim() !== '').map((line, index) => {
      try {
        return JSON.parse(line) as unknown;
      } catch (error) {
        throw new InvalidArgumentError(`records line ${index + 1}`, `is not JSON: ${(error as Error).message}`);
      }
    });
  }
}

/**
 * Parses CSV records with a header row naming the columns. Cells stay text, as in an uploaded
 * dataset, so the model's transform reads them as it read its training data; an empty cell is
 * a missing value.
 */
export function parseRecordsCsv(text: string, delimiter = ','): Record<string, string | null>[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, delimiter, skip_empty_lines: true, bom: true, trim: false }) as Record<string, string>[];
  } catch (error) {
    if (error instanceof CsvError) throw new InvalidArgumentError(`records line ${error.lines}`, error.message.replace(/^Invalid Record Length: /, ''));
    throw error;
  }
  if (rows.length === 0) throw new InvalidArgumentError('records', 'the CSV has a header but no rows');
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, cell]) => [column, cell === '' ? null : cell])));
}
