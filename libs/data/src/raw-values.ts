/** A raw cell: text from a file, or a typed value from a JSON line or a request. */
export type RawValue = string | number | boolean | null | undefined;

/** A cell that holds a value. */
export type PresentValue = Exclude<RawValue, null | undefined>;

/** Spellings of "no value" in uploaded data, compared after trimming. */
export const MISSING_TOKENS: ReadonlySet<string> = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?']);

/** True when the cell holds no value. */
export function isMissing(value: RawValue): value is null | undefined {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  if (typeof value === 'string') return MISSING_TOKENS.has(value.trim());
  return false;
}

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The number a present cell holds, or undefined when it holds something else. Text is parsed
 * the same way for uploads and for prediction requests, so both produce identical features.
 */
export function parseNumber(value: PresentValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return undefined;
  const text = value.trim();
  if (!NUMBER_PATTERN.test(text)) return undefined;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : undefined;
}

const TRUE_TOKENS: ReadonlySet<string> = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE_TOKENS: ReadonlySet<string> = new Set(['false', 'f', 'no', 'n', '0']);

/** The truth value a present cell holds (true/false, yes/no, t/f, y/n in any case, 1/0), or undefined. */
export function parseBoolean(value: PresentValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  const text = value.trim().toLowerCase();
  if (TRUE_TOKENS.has(text)) return true;
  if (FALSE_TOKENS.has(text)) return false;
  return undefined;
}

const TIMESTAMP_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Milliseconds since the Unix epoch of an ISO 8601 date (`2024-05-01`) or date-time
 * (`2024-05-01T13:45:00.5+02:00`, a space instead of `T` too), or undefined. A date-time without
 * a zone is read as UTC, so the result never depends on the server's time zone.
 */
export function parseTimestamp(value: PresentValue): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = TIMESTAMP_PATTERN.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const parsed = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${offset}`);
  if (!Number.isFinite(parsed)) return undefined;
  // Date.parse rolls 2024-02-30 over to March; a calendar date that does not exist is not a date.
  const check = new Date(Date.parse(`${year}-${month}-${day}T00:00:00Z`));
  if (check.getUTCDate() !== Number(day) || check.getUTCMonth() + 1 !== Number(month)) return undefined;
  return parsed;
}

/** The category a present cell names: text as written (trimmed), numbers and booleans as text. */
export function categoryOf(value: PresentValue): string {
  return typeof value === 'string' ? value.trim() : String(value);
}
