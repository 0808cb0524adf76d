import { InvalidArgumentError } from '@aiaas/errors';
import { categoryOf, isMissing, parseBoolean, parseNumber, parseTimestamp, type RawValue } from '../raw-values';

/**
 * One row as fitting and encoding see it, whatever it came from (a CSV line, a JSON record, a
 * prediction request). Implementations are usually one reused object pointed at the current row.
 */
export interface RowReader {
  /** The raw cell of `column`. */
  read(column: string): RawValue;
  /** Names the cell in errors, e.g. `row 1234, column "age"` or `records[3].fields.age`. */
  describe(column: string): string;
}

function quote(value: RawValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * The number in a numeric cell, or seconds since the epoch in a timestamp cell; undefined when
 * the cell is missing. Anything unparseable is an `InvalidArgumentError` naming the cell.
 */
export function readScalar(row: RowReader, column: string, type: 'numeric' | 'timestamp'): number | undefined {
  const value = row.read(column);
  if (isMissing(value)) return undefined;
  if (type === 'numeric') {
    const number = parseNumber(value);
    if (number === undefined) throw new InvalidArgumentError(row.describe(column), `${quote(value)} is not a number; column "${column}" is numeric`);
    return number;
  }
  const millis = parseTimestamp(value);
  if (millis === undefined) {
    throw new InvalidArgumentError(row.describe(column), `${quote(value)} is not an ISO 8601 date or date-time; column "${column}" is a timestamp`);
  }
  return millis / 1000;
}

/** The truth value of a boolean cell; undefined when missing; unparseable → `InvalidArgumentError`. */
export function readBoolean(row: RowReader, column: string): boolean | undefined {
  const value = row.read(column);
  if (isMissing(value)) return undefined;
  const parsed = parseBoolean(value);
  if (parsed === undefined) throw new InvalidArgumentError(row.describe(column), `${quote(value)} is not a boolean; column "${column}" is boolean`);
  return parsed;
}

/** The category (or id, or class label) a cell names (`categoryOf`); undefined when missing. */
export function readCategory(row: RowReader, column: string): string | undefined {
  const value = row.read(column);
  return isMissing(value) ? undefined : categoryOf(value);
}

/** The text of a text cell; the empty string when missing (no tokens). */
export function readText(row: RowReader, column: string): string {
  const value = row.read(column);
  if (isMissing(value)) return '';
  return typeof value === 'string' ? value : String(value);
}
