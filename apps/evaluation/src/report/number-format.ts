/**
 * Number formatting shared by the charts and the HTML page. Locale-independent on purpose
 * (`toLocaleString` depends on the ICU data of the machine), so the same data renders to the
 * same bytes everywhere. Negative numbers use the typographic minus sign (U+2212).
 */

/** Shown for a missing or non-finite value. */
export const MISSING = '\u2014';
/** The typographic minus sign. */
export const MINUS = '\u2212';

function groupThousands(digits: string): string {
  const [whole, fraction] = digits.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * `value` with `decimals` decimals and thousands separators: `formatNumber(-1234.5, 1)` is
 * "−1,234.5". A value that rounds to zero never shows a sign; non-finite values show "—".
 */
export function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return MISSING;
  const magnitude = Math.abs(value);
  // toFixed switches to exponent notation from 1e21 on; grouping would mangle it.
  const digits = magnitude >= 1e21 ? magnitude.toExponential(3) : groupThousands(magnitude.toFixed(decimals));
  const negative = value < 0 && /[1-9]/.test(digits.replace(/e.*$/, ''));
  return negative ? MINUS + digits : digits;
}

/**
 * A metric value: three decimals with thousands separators ("0.934", "12,345.678"), or three
 * significant digits in exponent notation when three decimals would round a non-zero value to
 * zero ("1.20e-4"). `null`, `undefined` and non-finite values show "—".
 */
export function formatMetric(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && magnitude < 0.0005) return (value < 0 ? MINUS : '') + magnitude.toExponential(2);
  return formatNumber(value, 3);
}

/** A signed difference of metrics: "+0.012", "−0.004", "±0.000"; "—" when missing. */
export function formatDelta(delta: number | null | undefined): string {
  const text = formatMetric(delta);
  if (text === MISSING || text.startsWith(MINUS)) return text;
  return delta === 0 ? `\u00B1${text}` : `+${text}`;
}

/** A count with thousands separators, rounded to an integer: "1,234,567"; "—" when missing. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  return formatNumber(Math.round(value), 0);
}

/** A share in [0, 1] as a percentage with one decimal: 0.3456 → "34.6%"; "—" when missing. */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return MISSING;
  return `${formatNumber(share * 100, 1)}%`;
}
