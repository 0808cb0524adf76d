/** A raw cell: text from a file, or a typed value from a request. */
export type RawValue = string | number | boolean | null | undefined;

/** Spellings of "no value" in uploaded data, compared after trimming. */
export const MISSING_TOKENS: ReadonlySet<string> = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?']);

/** True when the cell holds no value. */
export function isMissing(value: RawValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  if (typeof value === 'string') return MISSING_TOKENS.has(value.trim());
  return false;
}

/**
 * The number a present cell holds, or undefined when it holds something else. Text is parsed
 * the same way for uploads and for prediction requests, so both produce identical features.
 */
export function parseNumber(value: Exclude<RawValue, null | undefined>): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return undefined;
  const text = value.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** The category a present cell names: text as written (trimmed), numbers and booleans as text. */
export function categoryOf(value: Exclude<RawValue, null | undefined>): string {
  return typeof value === 'string' ? value.trim() : String(value);
}
