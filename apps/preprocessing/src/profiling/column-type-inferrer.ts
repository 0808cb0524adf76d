import { parseBoolean, parseNumber, parseTimestamp, type ColumnTypeName, type PresentValue } from '@aiaas/data';
import { TextMeasure } from './text-measure';

/** Mean whitespace-separated tokens per value above which strings are free text. */
export const TEXT_MEAN_TOKENS = 3;

/** Mean length in characters above which strings are free text. */
export const TEXT_MEAN_LENGTH = 40;

/** What a column's present values looked like, as counts. */
export interface TypeEvidence {
  /** Present (non-missing) values. */
  readonly present: number;
  /** Values that parsed as numbers (parseNumber). */
  readonly numbers: number;
  /** Of those, integers. */
  readonly integers: number;
  /** Values that parsed as booleans (parseBoolean). */
  readonly booleans: number;
  /** Of those, values that are not also numbers (anything but 0 and 1). */
  readonly nonNumericBooleans: number;
  /** Values that parsed as ISO 8601 timestamps (parseTimestamp). */
  readonly timestamps: number;
  /** Sum of the values' lengths in characters (as categories: trimmed). */
  readonly totalLength: number;
  /** Sum of the values' whitespace-separated token counts. */
  readonly totalTokens: number;
}

/**
 * True for names that say "identifier": `id` in any case, a `_id` or `_key` suffix in any case
 * (`user_id`, `USER_ID`, `api_key`), or a camel-case `Id`/`ID` suffix after a lower-case letter
 * or digit (`userId`, `userID`; not `paid`, `VALID` or `UUID`).
 */
export function isIdLikeName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === 'id' || lower.endsWith('_id') || lower.endsWith('_key')) return true;
  if (name.length < 3 || !(name.endsWith('Id') || name.endsWith('ID'))) return false;
  const before = name.charCodeAt(name.length - 3);
  return (before >= 0x61 && before <= 0x7a) || (before >= 0x30 && before <= 0x39);
}

/**
 * Infers a column's type from counts of what its present values parsed as, keeping no values.
 * The rules, first match wins:
 * 1. no present values → `categorical` (nothing to go on; the most permissive type);
 * 2. every value is a number → `id` when the name is id-like (see `isIdLikeName`) and every
 *    number is an integer, else `numeric` — so 0/1 columns stay numeric;
 * 3. every value is a boolean and at least one is not a number (true/false, yes/no, t/f, y/n)
 *    → `boolean`;
 * 4. every value is an ISO 8601 date or date-time → `timestamp`;
 * 5. an id-like name → `id`;
 * 6. more than TEXT_MEAN_TOKENS tokens or TEXT_MEAN_LENGTH characters per value on average →
 *    `text`;
 * 7. otherwise `categorical`.
 *
 * A caller that already parsed a value passes the results to `observe` (and may stop parsing
 * as a type once one value failed it: the count can then never equal `present` again);
 * `observeValue` parses by itself.
 */
export class ColumnTypeInferrer {
  private present = 0;
  private numbers = 0;
  private integers = 0;
  private booleans = 0;
  private nonNumericBooleans = 0;
  private timestamps = 0;
  private totalLength = 0;
  private totalTokens = 0;
  private readonly idLike: boolean;
  private measure: TextMeasure | undefined;

  constructor(readonly columnName: string) {
    this.idLike = isIdLikeName(columnName);
  }

  /**
   * Records one present value by what it parsed as: `number`, `boolean` and `timestamp` are
   * undefined when it did not parse as that type (or was not tried); `length` (characters) and
   * `tokens` describe it as text.
   */
  observe(number: number | undefined, boolean: boolean | undefined, timestamp: number | undefined, length: number, tokens: number): void {
    this.present += 1;
    if (number !== undefined) {
      this.numbers += 1;
      if (Number.isInteger(number)) this.integers += 1;
    }
    if (boolean !== undefined) {
      this.booleans += 1;
      if (number === undefined) this.nonNumericBooleans += 1;
    }
    if (timestamp !== undefined) this.timestamps += 1;
    this.totalLength += length;
    this.totalTokens += tokens;
  }

  /** Parses a present value as every type and records it; for callers that have not parsed it. */
  observeValue(value: PresentValue): void {
    const measure = (this.measure ??= new TextMeasure());
    measure.measure(typeof value === 'string' ? value.trim() : String(value));
    this.observe(parseNumber(value), parseBoolean(value), parseTimestamp(value), measure.length, measure.tokens);
  }

  /** The counts so far. */
  get evidence(): TypeEvidence {
    const { present, numbers, integers, booleans, nonNumericBooleans, timestamps, totalLength, totalTokens } = this;
    return { present, numbers, integers, booleans, nonNumericBooleans, timestamps, totalLength, totalTokens };
  }

  /** The type the evidence so far points to (the rules are in the class comment). */
  infer(): ColumnTypeName {
    const { present } = this;
    if (present === 0) return 'categorical';
    if (this.numbers === present) return this.idLike && this.integers === present ? 'id' : 'numeric';
    if (this.booleans === present && this.nonNumericBooleans > 0) return 'boolean';
    if (this.timestamps === present) return 'timestamp';
    if (this.idLike) return 'id';
    if (this.totalTokens / present > TEXT_MEAN_TOKENS || this.totalLength / present > TEXT_MEAN_LENGTH) return 'text';
    return 'categorical';
  }
}
