/** A raw cell: text from a file, or a typed value from a JSON line or a request. */
export type RawValue = string | number | boolean | null | undefined;

/** A cell that holds a value. */
export type PresentValue = Exclude<RawValue, null | undefined>;

/** Spellings of "no value" in uploaded data, compared after trimming. */
export const MISSING_TOKENS: ReadonlySet<string> = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?']);

/** The longest spelling in MISSING_TOKENS. */
const LONGEST_MISSING_TOKEN = 4;

/** True for the characters String.prototype.trim removes that can start or end a CSV cell. */
function isSpace(code: number): boolean {
  return code <= 32 || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x3000;
}

/** `text` without surrounding whitespace; the same string, not a copy, when it has none. */
function trimmed(text: string): string {
  return text.length > 0 && (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1))) ? text.trim() : text;
}

/** True when the cell holds no value. */
export function isMissing(value: RawValue): value is null | undefined {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  if (typeof value === 'string') {
    // Most cells are longer than any missing token and have no padding: no trim, no lookup.
    if (value.length > LONGEST_MISSING_TOKEN && !isSpace(value.charCodeAt(0)) && !isSpace(value.charCodeAt(value.length - 1))) return false;
    return MISSING_TOKENS.has(value.trim());
  }
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
  const text = trimmed(value);
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
  // The longest boolean spelling is "false".
  if (value.length > 5 && trimmed(value).length > 5) return undefined;
  const text = trimmed(value).toLowerCase();
  if (TRUE_TOKENS.has(text)) return true;
  if (FALSE_TOKENS.has(text)) return false;
  return undefined;
}

const TIMESTAMP_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/**
 * Milliseconds since the Unix epoch of an ISO 8601 date (`2024-05-01`) or date-time
 * (`2024-05-01T13:45:00.5+02:00`, a space instead of `T` too), or undefined. A date-time without
 * a zone is read as UTC, so the result never depends on the server's time zone. Dates that do
 * not exist (2023-02-29, 24:00, 13:60) are not timestamps.
 */
export function parseTimestamp(value: PresentValue): number | undefined {
  if (typeof value !== 'string') return undefined;
  const text = trimmed(value);
  // Cheap rejection first: every form starts with YYYY-.
  if (text.length < 10 || text.charCodeAt(4) !== 45) return undefined;
  const match = TIMESTAMP_PATTERN.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = hour === undefined ? 0 : Number(hour);
  const mi = minute === undefined ? 0 : Number(minute);
  const sec = second === undefined ? 0 : Number(second);
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || sec > 59) return undefined;
  const millis = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.charCodeAt(0) === 45 ? -1 : 1;
    const zoneHours = Number(zone.slice(1, 3));
    const zoneMinutes = Number(zone.slice(-2));
    if (zoneHours > 23 || zoneMinutes > 59) return undefined;
    offsetMinutes = sign * (zoneHours * 60 + zoneMinutes);
  }
  return daysSinceEpoch(y, mo, d) * 86_400_000 + ((h * 60 + mi - offsetMinutes) * 60 + sec) * 1000 + millis;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The category a present cell names: text as written (trimmed), numbers and booleans as text. */
export function categoryOf(value: PresentValue): string {
  return typeof value === 'string' ? value.trim() : String(value);
}
