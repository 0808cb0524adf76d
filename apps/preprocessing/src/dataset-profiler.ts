import { InvalidArgumentError } from '@aiaas/errors';
import { isMissing, parseNumber, type ColumnTypeName } from '@aiaas/data';
import type { ColumnSummaryRecord } from '@aiaas/registry';

/** Distinct values counted per column before counting stops (the count is then a floor). */
const DISTINCT_LIMIT = 1_000;

interface ColumnState {
  readonly name: string;
  readonly declared: ColumnTypeName | undefined;
  missing: number;
  /** First value that is present but not a number, and its line; undefined while all are. */
  firstNonNumeric: { value: string; line: number } | undefined;
  readonly distinct: Set<string>;
  distinctCapped: boolean;
}

/** Checks a header: names present and unique. Returns it trimmed. */
export function validateHeader(header: readonly string[]): string[] {
  const names = header.map((name) => name.trim());
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    if (name === '') throw new InvalidArgumentError('file', `line 1: column ${index + 1} has no name`);
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new InvalidArgumentError('file', `line 1: column name "${name}" appears twice (columns ${earlier + 1} and ${index + 1})`);
    }
    seen.set(name, index);
  });
  return names;
}

/**
 * Learns a dataset's shape one row at a time, without keeping the rows: missing values,
 * whether each column is numeric, distinct counts; and enforces declared column types.
 */
export class DatasetProfiler {
  private readonly columns: ColumnState[];
  private rows = 0;

  constructor(header: readonly string[], declared: ReadonlyMap<string, ColumnTypeName>) {
    for (const name of declared.keys()) {
      if (!header.includes(name)) {
        throw new InvalidArgumentError(`header.declared_types["${name}"]`, `column "${name}" is not in the file's header (${header.join(', ')})`);
      }
    }
    this.columns = header.map((name) => ({
      name,
      declared: declared.get(name),
      missing: 0,
      firstNonNumeric: undefined,
      distinct: new Set<string>(),
      distinctCapped: false,
    }));
  }

  get rowCount(): number {
    return this.rows;
  }

  /** Adds one data row; `line` is its line in the file, for error messages. */
  add(record: readonly string[], line: number): void {
    this.rows += 1;
    record.forEach((raw, index) => {
      const column = this.columns[index]!;
      if (isMissing(raw)) {
        column.missing += 1;
        return;
      }
      const value = raw.trim();
      if (column.firstNonNumeric === undefined && parseNumber(value) === undefined) {
        if (column.declared === 'numeric') {
          throw new InvalidArgumentError('file', `line ${line}, column "${column.name}": ${JSON.stringify(value)} is not a number, but the column is declared COLUMN_TYPE_NUMERIC`);
        }
        column.firstNonNumeric = { value, line };
      }
      if (!column.distinctCapped) {
        column.distinct.add(value);
        if (column.distinct.size > DISTINCT_LIMIT) {
          column.distinct.delete(value);
          column.distinctCapped = true;
        }
      }
    });
  }

  /** The column summaries: declared types as declared, others inferred. */
  finish(): ColumnSummaryRecord[] {
    return this.columns.map((column) => {
      const present = this.rows - column.missing;
      const inferred: ColumnTypeName = present > 0 && column.firstNonNumeric === undefined ? 'numeric' : 'categorical';
      return {
        name: column.name,
        type: column.declared ?? inferred,
        missingCount: column.missing,
        distinctCount: column.distinct.size,
        distinctCountCapped: column.distinctCapped,
      };
    });
  }
}
