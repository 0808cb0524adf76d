import { categoryOf, isMissing, parseBoolean, parseNumber, parseTimestamp, type ColumnStatistics, type ColumnTypeName, type RawValue } from '@aiaas/data';
import { ColumnTypeInferrer } from './column-type-inferrer';
import { DistinctCounter } from './distinct-counter';
import { NumericSummary } from './numeric-summary';
import { TextSummary } from './text-summary';
import { TopValues } from './top-values';

/** Types whose statistics are about strings. */
const STRING_TYPES: ReadonlySet<ColumnTypeName> = new Set<ColumnTypeName>(['categorical', 'text', 'id']);

/**
 * Accumulates one column's statistics in bounded memory, one cell at a time.
 *
 * Every column counts rows, missing cells (`isMissing`), distinct values and top values (of
 * `categoryOf` each present value). A declared column accumulates only what its type reports;
 * values that do not parse as that type are left out of the typed statistics (the schema
 * validator reports them). An undeclared column's type is known only at the end, so it
 * accumulates speculatively: numeric statistics while every value parses as a number (dropped
 * at the first that does not), timestamp and boolean ones likewise, string lengths and tokens
 * always — and counts the evidence `ColumnTypeInferrer` decides by.
 */
export class ColumnProfiler {
  private rows = 0;
  private missing = 0;
  private readonly distinct = new DistinctCounter();
  private readonly topValues = new TopValues();
  private readonly inferrer: ColumnTypeInferrer | undefined;
  private numbers: NumericSummary | undefined;
  private timestamps: NumericSummary | undefined;
  private booleans: { trueCount: number; falseCount: number } | undefined;
  private readonly text: TextSummary | undefined;

  /** `declaredType` undefined: infer the type. */
  constructor(
    readonly name: string,
    readonly declaredType?: ColumnTypeName,
  ) {
    const infer = declaredType === undefined;
    this.inferrer = infer ? new ColumnTypeInferrer(name) : undefined;
    if (infer || declaredType === 'numeric') this.numbers = new NumericSummary();
    if (infer || declaredType === 'timestamp') this.timestamps = new NumericSummary();
    if (infer || declaredType === 'boolean') this.booleans = { trueCount: 0, falseCount: 0 };
    if (infer || STRING_TYPES.has(declaredType)) this.text = new TextSummary();
  }

  /** Adds the column's cell of one row. */
  add(value: RawValue): void {
    this.rows += 1;
    if (isMissing(value)) {
      this.missing += 1;
      return;
    }
    const category = categoryOf(value);
    this.distinct.add(category);
    this.topValues.add(category);
    const speculative = this.inferrer !== undefined;

    let number: number | undefined;
    if (this.numbers !== undefined) {
      number = parseNumber(value);
      if (number !== undefined) this.numbers.add(number);
      else if (speculative) this.numbers = undefined;
    }
    let timestamp: number | undefined;
    if (this.timestamps !== undefined) {
      timestamp = parseTimestamp(value);
      if (timestamp !== undefined) this.timestamps.add(timestamp);
      else if (speculative) this.timestamps = undefined;
    }
    let boolean: boolean | undefined;
    if (this.booleans !== undefined) {
      boolean = parseBoolean(value);
      if (boolean === true) this.booleans.trueCount += 1;
      else if (boolean === false) this.booleans.falseCount += 1;
      else if (speculative) this.booleans = undefined;
    }
    if (this.text !== undefined) {
      this.text.add(category);
      this.inferrer?.observe(number, boolean, timestamp, this.text.lastLength, this.text.lastTokens);
    }
  }

  /** The column's type: as declared, or inferred from the values so far. */
  get type(): ColumnTypeName {
    return this.declaredType ?? this.inferrer!.infer();
  }

  /**
   * The statistics so far. Numeric ones for numeric and timestamp (ms since the epoch) columns,
   * boolean counts for boolean columns, text ones for categorical, text and id columns; the
   * numeric and text parts are left out while there is no value to describe.
   */
  finish(): ColumnStatistics {
    const type = this.type;
    const statistics: ColumnStatistics = {
      name: this.name,
      type,
      inferred: this.declaredType === undefined,
      count: this.rows,
      missing: this.missing,
      distinct: this.distinct.result(),
      topValues: this.topValues.result(),
    };
    const numeric = type === 'numeric' ? this.numbers?.result() : type === 'timestamp' ? this.timestamps?.result() : undefined;
    if (numeric !== undefined) statistics.numeric = numeric;
    if (type === 'boolean' && this.booleans !== undefined) statistics.boolean = { ...this.booleans };
    const text = STRING_TYPES.has(type) ? this.text?.result() : undefined;
    if (text !== undefined) statistics.text = text;
    return statistics;
  }
}
