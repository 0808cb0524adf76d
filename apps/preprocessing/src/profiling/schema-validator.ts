import { InvalidArgumentError } from '@aiaas/errors';
import {
  categoryOf,
  isMissing,
  parseBoolean,
  parseNumber,
  parseTimestamp,
  type Anomaly,
  type AnomalyKind,
  type DeclaredColumn,
  type RawValue,
} from '@aiaas/data';

/** Rows listed per anomaly. */
export const ANOMALY_ROWS = 10;

/** Distinct offending values listed per anomaly. */
export const ANOMALY_EXAMPLES = 5;

/** Examples longer than this many characters are cut (a whole document is no example). */
export const EXAMPLE_LENGTH = 100;

// A cell's findings as bits, so checking one allocates nothing.
const TYPE_MISMATCH = 1;
const UNSEEN_CATEGORY = 2;
const OUT_OF_RANGE = 4;
const MISSING_VALUE = 8;
/** The cell is missing (an anomaly only in a required column, or in aggregate). */
const MISSING = 16;
const CELL_ANOMALIES = TYPE_MISMATCH | UNSEEN_CATEGORY | OUT_OF_RANGE | MISSING_VALUE;

const CELL_KINDS: ReadonlyArray<readonly [number, AnomalyKind]> = [
  [TYPE_MISMATCH, 'type-mismatch'],
  [UNSEEN_CATEGORY, 'unseen-category'],
  [OUT_OF_RANGE, 'out-of-range'],
  [MISSING_VALUE, 'missing-value'],
];

const NO_COLUMNS: readonly number[] = Object.freeze([]);

/** What a value of a declared type looks like, for messages. */
const TYPE_HINTS: Partial<Record<DeclaredColumn['type'], string>> = {
  numeric: 'a number',
  boolean: 'true/false, yes/no, t/f, y/n or 1/0',
  timestamp: 'an ISO 8601 date or date-time',
};

/** Rows and examples of one kind of anomaly in one column. */
class Tally {
  count = 0;
  readonly rows: number[] = [];
  readonly examples: string[] = [];

  add(rowNumber: number, value: RawValue): void {
    this.count += 1;
    if (this.rows.length < ANOMALY_ROWS) this.rows.push(rowNumber);
    if (this.examples.length < ANOMALY_EXAMPLES && value !== undefined) {
      const written = typeof value === 'string' ? value : String(value);
      const example = written.length > EXAMPLE_LENGTH ? `${written.slice(0, EXAMPLE_LENGTH)}…` : written;
      if (!this.examples.includes(example)) this.examples.push(example);
    }
  }
}

/** A declared column with something to check, and what was found in it. */
interface CheckedColumn {
  readonly index: number;
  readonly declared: DeclaredColumn;
  readonly categories: ReadonlySet<string> | undefined;
  /** min/max apply to numeric and timestamp columns only. */
  readonly ranged: boolean;
  readonly tallies: Map<AnomalyKind, Tally>;
  readonly missing: Tally;
}

function formatBound(column: DeclaredColumn, bound: number | undefined, unbounded: string): string {
  if (bound === undefined) return unbounded;
  return column.type === 'timestamp' ? new Date(bound).toISOString() : String(bound);
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))}%`;
}

/** One sentence a person can act on. */
function describe(kind: AnomalyKind, column: DeclaredColumn, count: number, rowCount: number): string {
  const name = JSON.stringify(column.name);
  const one = count === 1;
  const values = `${count} ${one ? 'value' : 'values'} in column ${name}`;
  switch (kind) {
    case 'type-mismatch':
      return `${values} ${one ? 'does' : 'do'} not parse as ${column.type} (expected ${TYPE_HINTS[column.type]}), the column's declared type; correct ${one ? 'it' : 'them'} or declare the column categorical.`;
    case 'unseen-category': {
      const shown = column.categories.slice(0, 10).join(', ') + (column.categories.length > 10 ? ', …' : '');
      return `${values} ${one ? 'is' : 'are'} not among its declared categories (${shown}); correct ${one ? 'it' : 'them'} or add ${one ? 'it' : 'them'} to the categories.`;
    }
    case 'out-of-range':
      return `${values} ${one ? 'lies' : 'lie'} outside its declared range [${formatBound(column, column.min, '-∞')}, ${formatBound(column, column.max, '∞')}]; correct ${one ? 'it' : 'them'} or widen the range.`;
    case 'missing-value':
      return `${count} ${one ? 'row has' : 'rows have'} no value in column ${name}, which is declared required; fill ${one ? 'it' : 'them'} in or make the column optional.`;
    case 'missing-rate':
      return `${percent(count / rowCount)} of rows (${count} of ${rowCount}) have no value in column ${name}, more than its declared maximum of ${percent(column.maxMissingFraction ?? 0)}; fill them in or raise maxMissingFraction.`;
  }
}

/**
 * Checks rows against the declared columns.
 *
 * A cell is anomalous when it is present but does not parse as its column's declared type
 * (numeric: parseNumber, boolean: parseBoolean, timestamp: parseTimestamp; categorical, text
 * and id take any value) — `type-mismatch`, and nothing else is checked for that cell; when
 * the column declares categories and the value (`categoryOf`) is not among them —
 * `unseen-category`; when a numeric or timestamp (in ms since the epoch) value lies below
 * `min` or above `max` — `out-of-range`; or when it is missing in a required column —
 * `missing-value`. A value may be both an unseen category and out of range. At the end, a
 * column missing in more than `maxMissingFraction` of the rows is a `missing-rate` anomaly.
 *
 * `invalidColumns` answers "which cells of this row are anomalous" for a stage deciding to drop
 * or impute; `record` does the accounting behind `anomalies`.
 */
export class SchemaValidator {
  private readonly checked: CheckedColumn[];
  private anomalousRows = 0;

  /**
   * @param columnNames The dataset's columns, in the order of the values of each row.
   * @param declared Declared columns by name; each must be one of `columnNames`.
   * @throws InvalidArgumentError on `schema.columns["name"]` for a declared column not among them.
   */
  constructor(columnNames: readonly string[], declared: ReadonlyMap<string, DeclaredColumn>) {
    const indexes = new Map<string, number>();
    columnNames.forEach((name, index) => {
      if (!indexes.has(name)) indexes.set(name, index);
    });
    const checked: CheckedColumn[] = [];
    for (const [name, column] of declared) {
      const index = indexes.get(name);
      if (index === undefined) {
        throw new InvalidArgumentError(`schema.columns["${name}"]`, `the dataset has no column "${name}"; its columns are ${columnNames.map((n) => `"${n}"`).join(', ')}`);
      }
      const ranged = (column.type === 'numeric' || column.type === 'timestamp') && (column.min !== undefined || column.max !== undefined);
      const categories = column.categories.length > 0 ? new Set(column.categories) : undefined;
      const typed = column.type === 'numeric' || column.type === 'boolean' || column.type === 'timestamp';
      if (!typed && !ranged && categories === undefined && !column.required && column.maxMissingFraction === undefined) continue;
      checked.push({ index, declared: { ...column, name }, categories, ranged, tallies: new Map(), missing: new Tally() });
    }
    this.checked = checked.sort((a, b) => a.index - b.index);
  }

  /** Rows `record` found at least one anomalous cell in (column-level missing rates aside). */
  get rowsWithAnomalies(): number {
    return this.anomalousRows;
  }

  /**
   * Indexes of the row's anomalous cells, ascending; the same frozen empty array whenever
   * there are none, so a clean row allocates nothing.
   */
  invalidColumns(values: readonly RawValue[]): readonly number[] {
    let invalid: number[] | undefined;
    for (const column of this.checked) {
      if ((this.check(column, values[column.index]) & CELL_ANOMALIES) !== 0) (invalid ??= []).push(column.index);
    }
    return invalid ?? NO_COLUMNS;
  }

  /**
   * Checks one row and counts what it finds against `rowNumber` (1-based data row).
   * @returns whether the row has an anomalous cell.
   */
  record(values: readonly RawValue[], rowNumber: number): boolean {
    let anomalous = false;
    for (const column of this.checked) {
      const value = values[column.index];
      const findings = this.check(column, value);
      if (findings === 0) continue;
      if ((findings & MISSING) !== 0) column.missing.add(rowNumber, value);
      if ((findings & CELL_ANOMALIES) === 0) continue;
      anomalous = true;
      for (const [bit, kind] of CELL_KINDS) {
        if ((findings & bit) === 0) continue;
        let tally = column.tallies.get(kind);
        if (tally === undefined) column.tallies.set(kind, (tally = new Tally()));
        tally.add(rowNumber, value);
      }
    }
    if (anomalous) this.anomalousRows += 1;
    return anomalous;
  }

  /** What `record` found over `rowCount` rows, by column order then by kind (ANOMALY_KINDS order). */
  anomalies(rowCount: number): Anomaly[] {
    const anomalies: Anomaly[] = [];
    const push = (column: CheckedColumn, kind: AnomalyKind, tally: Tally): void => {
      anomalies.push({
        column: column.declared.name,
        kind,
        count: tally.count,
        rows: [...tally.rows],
        examples: [...tally.examples],
        description: describe(kind, column.declared, tally.count, rowCount),
      });
    };
    for (const column of this.checked) {
      for (const [, kind] of CELL_KINDS) {
        const tally = column.tallies.get(kind);
        if (tally !== undefined) push(column, kind, tally);
      }
      const { maxMissingFraction } = column.declared;
      if (maxMissingFraction !== undefined && column.missing.count > maxMissingFraction * rowCount) push(column, 'missing-rate', column.missing);
    }
    return anomalies;
  }

  /** The findings for one cell as bits (0: nothing to report). */
  private check(column: CheckedColumn, value: RawValue): number {
    const { declared } = column;
    if (isMissing(value)) return declared.required ? MISSING | MISSING_VALUE : MISSING;
    let number: number | undefined;
    switch (declared.type) {
      case 'numeric':
        number = parseNumber(value);
        if (number === undefined) return TYPE_MISMATCH;
        break;
      case 'timestamp':
        number = parseTimestamp(value);
        if (number === undefined) return TYPE_MISMATCH;
        break;
      case 'boolean':
        if (parseBoolean(value) === undefined) return TYPE_MISMATCH;
        break;
      default:
        break;
    }
    let findings = 0;
    if (column.categories !== undefined && !column.categories.has(categoryOf(value))) findings |= UNSEEN_CATEGORY;
    if (column.ranged && number !== undefined && ((declared.min !== undefined && number < declared.min) || (declared.max !== undefined && number > declared.max))) {
      findings |= OUT_OF_RANGE;
    }
    return findings;
  }
}
