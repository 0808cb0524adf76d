import { escapeXml } from './escape-xml';
import { formatNumber } from './number-format';

/**
 * Primitives the charts share: scales, round ticks, the plot frame, legends, the palette and
 * line clipping. Everything returns SVG markup as strings and uses no ids, so any number of
 * charts can be inlined in one HTML page without clashing.
 */

/** A rectangle in pixels. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A point in pixels. */
export interface Pixel {
  readonly x: number;
  readonly y: number;
}

/** Okabe–Ito colours, ordered for lines on white (yellow, the faintest, last). */
export const PALETTE: readonly string[] = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

/** Dash patterns that tell series apart once the palette has been used up. */
const DASHES: readonly string[] = ['', '6 3', '2 2', '8 3 2 3'];

/** Text and line colours of the frame. */
export const INK = { text: '#1f2937', muted: '#4b5563', axis: '#6b7280', grid: '#e5e7eb', reference: '#9ca3af' } as const;

/** Font stack written on every chart, so a standalone SVG file looks like the page. */
export const FONT_FAMILY = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';

/** Colour and dash pattern of the `index`-th series: the palette first, then dashed. */
export function seriesStyle(index: number): { readonly colour: string; readonly dash: string } {
  return { colour: PALETTE[index % PALETTE.length]!, dash: DASHES[Math.floor(index / PALETTE.length) % DASHES.length]! };
}

/** A pixel coordinate with at most two decimals and never "-0": deterministic and compact. */
export function px(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/** Maps data values linearly from `domain` onto `range` (a degenerate domain maps to the middle). */
export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
}

/** A linear scale from `domain` (data units) to `range` (pixels); `range` may be reversed. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = (value: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
  return Object.assign(scale, { domain, range });
}

/** An axis: its domain and the round tick values inside it. */
export interface Axis {
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
  /** Decimals that show every tick exactly. */
  readonly decimals: number;
}

/** How an axis is fitted to data. */
export interface AxisOptions {
  /** Roughly how many ticks: the step is the smallest round number of at least `span / target`. Default 5. */
  readonly target?: number;
  /** Widen the domain out to whole steps (for data-driven axes). Default false. */
  readonly extend?: boolean;
  /** Ticks at whole numbers only (epochs). Default false. */
  readonly integer?: boolean;
}

/**
 * Round ticks for [min, max]: the step is 1, 2 or 5 times a power of ten, and every tick is a
 * whole multiple of it. `niceAxis(0, 0.87)` has ticks 0, 0.2, 0.4, 0.6, 0.8; with `extend` the
 * domain grows to [0, 1] and 1 is a tick too.
 */
export function niceAxis(min: number, max: number, options: AxisOptions = {}): Axis {
  const { target = 5, extend = false, integer = false } = options;
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError(`axis bounds must be finite, got [${min}, ${max}]`);
  let [low, high] = min <= max ? [min, max] : [max, min];
  if (low === high) {
    const pad = integer ? 1 : low === 0 ? 1 : Math.abs(low) * 0.1;
    [low, high] = [low - pad, high + pad];
  }
  let exponent = Math.floor(Math.log10((high - low) / Math.max(1, target)));
  const fraction = (high - low) / Math.max(1, target) / 10 ** exponent;
  let multiple = fraction <= 1 + 1e-9 ? 1 : fraction <= 2 + 1e-9 ? 2 : fraction <= 5 + 1e-9 ? 5 : 10;
  if (multiple === 10) [multiple, exponent] = [1, exponent + 1];
  if (integer && exponent < 0) [multiple, exponent] = [1, 0];
  // Divide by a positive power of ten rather than multiply by a negative one: 2 / 10 is exactly
  // the double nearest 0.2, while 2 * 0.1 need not be.
  const step = exponent >= 0 ? multiple * 10 ** exponent : multiple / 10 ** -exponent;
  const decimals = Math.max(0, -exponent);
  const round = (value: number) => Number(value.toFixed(decimals)) + 0;
  const first = extend ? Math.floor(low / step + 1e-9) : Math.ceil(low / step - 1e-9);
  const last = extend ? Math.ceil(high / step - 1e-9) : Math.floor(high / step + 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(round(k * step));
  const domain: readonly [number, number] = extend ? [round(first * step), round(last * step)] : [low, high];
  return { domain, ticks, decimals };
}

/** Rough width of `text` in pixels at `fontSize` (0.6 em a character: generous for sans-serif). */
export function textWidth(text: string, fontSize: number): number {
  return Array.from(text).length * fontSize * 0.6;
}

/** `text` cut to at most `maxChars` characters, the last one an ellipsis when it was cut. */
export function truncateLabel(text: string, maxChars: number): string {
  const characters = Array.from(text);
  return characters.length <= maxChars ? text : `${characters.slice(0, Math.max(1, maxChars - 1)).join('')}\u2026`;
}

/** The opening `<svg>` tag and `<title>` of a standalone chart, and its closing tag around `body`. */
export function svgDocument(width: number, height: number, title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px(width)}" height="${px(height)}" viewBox="0 0 ${px(width)} ${px(height)}" ` +
    `role="img" font-family="${FONT_FAMILY}" font-size="12" fill="${INK.text}">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect class="background" x="0" y="0" width="${px(width)}" height="${px(height)}" fill="#ffffff"/>` +
    body +
    '</svg>'
  );
}

/** What the plot frame draws around a plot area. */
export interface FrameOptions {
  readonly area: Rect;
  readonly title: string;
  readonly x: { readonly axis: Axis; readonly scale: LinearScale; readonly label: string };
  readonly y: { readonly axis: Axis; readonly scale: LinearScale; readonly label: string };
}

/** Width the y tick labels of `axis` need, so the chart can leave room for them. */
export function yTickLabelWidth(axis: Axis): number {
  return Math.max(...axis.ticks.map((tick) => textWidth(formatNumber(tick, axis.decimals), 11)), 0);
}

/**
 * Room a chart needs right of its plot area: the last x tick label is centred on the area's
 * right edge, so half of it hangs over ("400,000" would otherwise be cut off).
 */
export function rightMargin(axis: Axis): number {
  const last = axis.ticks[axis.ticks.length - 1];
  return Math.max(16, last === undefined ? 0 : textWidth(formatNumber(last, axis.decimals), 11) / 2 + 6);
}

/**
 * The plot area's background, grid lines at the ticks, the left and bottom axes with tick marks
 * and round tick labels, the axis labels and the chart title. Title and y label sit left of
 * the area at the distances `yTickLabelWidth` implies.
 */
export function plotFrame(options: FrameOptions): string {
  const { area, title, x, y } = options;
  const bottom = area.y + area.height;
  const right = area.x + area.width;
  const grid: string[] = [];
  const ticks: string[] = [];
  for (const tick of x.axis.ticks) {
    const at = px(x.scale(tick));
    grid.push(`<line x1="${at}" y1="${px(area.y)}" x2="${at}" y2="${px(bottom)}"/>`);
    ticks.push(`<line x1="${at}" y1="${px(bottom)}" x2="${at}" y2="${px(bottom + 4)}" stroke="${INK.axis}"/>`);
    ticks.push(`<text class="tick-x" x="${at}" y="${px(bottom + 16)}" text-anchor="middle">${formatNumber(tick, x.axis.decimals)}</text>`);
  }
  for (const tick of y.axis.ticks) {
    const at = px(y.scale(tick));
    grid.push(`<line x1="${px(area.x)}" y1="${at}" x2="${px(right)}" y2="${at}"/>`);
    ticks.push(`<line x1="${px(area.x - 4)}" y1="${at}" x2="${px(area.x)}" y2="${at}" stroke="${INK.axis}"/>`);
    ticks.push(`<text class="tick-y" x="${px(area.x - 7)}" y="${at}" dy="0.35em" text-anchor="end">${formatNumber(tick, y.axis.decimals)}</text>`);
  }
  const yLabelX = area.x - yTickLabelWidth(y.axis) - 18;
  const yLabelY = area.y + area.height / 2;
  return (
    `<rect class="plot-area" x="${px(area.x)}" y="${px(area.y)}" width="${px(area.width)}" height="${px(area.height)}" fill="#ffffff"/>` +
    `<g class="grid" stroke="${INK.grid}" stroke-width="1">${grid.join('')}</g>` +
    `<g class="axes" stroke="${INK.axis}" stroke-width="1">` +
    `<line x1="${px(area.x)}" y1="${px(bottom)}" x2="${px(right)}" y2="${px(bottom)}"/>` +
    `<line x1="${px(area.x)}" y1="${px(area.y)}" x2="${px(area.x)}" y2="${px(bottom)}"/></g>` +
    `<g class="ticks" font-size="11" fill="${INK.muted}">${ticks.join('')}</g>` +
    `<text class="axis-label" x="${px(area.x + area.width / 2)}" y="${px(bottom + 36)}" text-anchor="middle">${escapeXml(x.label)}</text>` +
    `<text class="axis-label" x="${px(yLabelX)}" y="${px(yLabelY)}" text-anchor="middle" transform="rotate(-90 ${px(yLabelX)} ${px(yLabelY)})">${escapeXml(y.label)}</text>` +
    chartTitle(title, 16)
  );
}

/** The chart title, top left. */
export function chartTitle(title: string, x: number): string {
  return `<text class="chart-title" x="${px(x)}" y="22" font-size="14" font-weight="600">${escapeXml(title)}</text>`;
}

/** One legend entry: a line (optionally dashed) or a filled swatch, and its label. */
export interface LegendEntry {
  readonly label: string;
  readonly colour: string;
  readonly kind: 'line' | 'swatch';
  readonly dash?: string;
  /** Fill opacity of a swatch. Default 1. */
  readonly opacity?: number;
}

/** Height of one legend row in pixels. */
export const LEGEND_ROW = 18;
/** Longest legend label, in characters, before it is cut with an ellipsis. */
export const LEGEND_MAX_CHARS = 30;

/**
 * A legend label cut to `LEGEND_MAX_CHARS`. A trailing parenthetical ("cat (AUC 0.912)") is
 * what tells curves apart, so the name before it is cut rather than the figure.
 */
export function legendLabel(label: string): string {
  const suffix = /\s\([^()]*\)$/.exec(label)?.[0] ?? '';
  const suffixChars = Array.from(suffix).length;
  if (Array.from(label).length <= LEGEND_MAX_CHARS || suffixChars === 0 || suffixChars > LEGEND_MAX_CHARS / 2) return truncateLabel(label, LEGEND_MAX_CHARS);
  return truncateLabel(label.slice(0, label.length - suffix.length), LEGEND_MAX_CHARS - suffixChars) + suffix;
}

/** How a legend is laid out in a given width: as many equal columns as its longest label allows. */
export interface LegendLayout {
  readonly columns: number;
  readonly columnWidth: number;
  /** Total height in pixels. */
  readonly height: number;
}

/** The layout of a legend of `entries` in `width` pixels, filled row by row. */
export function legendLayout(entries: readonly LegendEntry[], width: number): LegendLayout {
  const widest = 24 + Math.max(0, ...entries.map((entry) => textWidth(legendLabel(entry.label), 11))) + 16;
  const columns = Math.max(1, Math.min(entries.length, Math.floor(width / widest)));
  return { columns, columnWidth: columns === 1 ? widest : width / columns, height: Math.ceil(entries.length / columns) * LEGEND_ROW };
}

/**
 * A legend in the `width` pixels right of `x`, its top at `y`, laid out by `legendLayout`.
 * Long labels are cut (see `legendLabel`); the full label is the entry's tooltip.
 */
export function legend(entries: readonly LegendEntry[], x: number, y: number, width: number): string {
  const { columns, columnWidth } = legendLayout(entries, width);
  const items = entries.map((entry, index) => {
    const left = x + (index % columns) * columnWidth;
    const middle = y + Math.floor(index / columns) * LEGEND_ROW + LEGEND_ROW / 2;
    const key =
      entry.kind === 'line'
        ? `<line x1="${px(left)}" y1="${px(middle)}" x2="${px(left + 18)}" y2="${px(middle)}" stroke="${entry.colour}" stroke-width="2"${entry.dash ? ` stroke-dasharray="${entry.dash}"` : ''}/>`
        : `<rect x="${px(left + 2)}" y="${px(middle - 5)}" width="14" height="10" fill="${entry.colour}" fill-opacity="${entry.opacity ?? 1}" stroke="${entry.colour}"/>`;
    return (
      `<g class="legend-entry"><title>${escapeXml(entry.label)}</title>${key}` +
      `<text class="legend-label" x="${px(left + 24)}" y="${px(middle)}" dy="0.35em">${escapeXml(legendLabel(entry.label))}</text></g>`
    );
  });
  return `<g class="legend" font-size="11">${items.join('')}</g>`;
}

/**
 * The part of segment a→b inside `area` (Liang–Barsky), with the parameters where it enters
 * and leaves (0 and 1 when the ends are inside), or `null` when none of it is.
 */
function clipSegment(a: Pixel, b: Pixel, area: Rect): { from: Pixel; to: Pixel; enter: number; leave: number } | null {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let enter = 0;
  let leave = 1;
  // One edge: p is the segment's speed towards the outside, q the distance to the edge.
  const edge = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) enter = Math.max(enter, t);
    else leave = Math.min(leave, t);
    return enter <= leave;
  };
  if (!(edge(-dx, a.x - area.x) && edge(dx, area.x + area.width - a.x) && edge(-dy, a.y - area.y) && edge(dy, area.y + area.height - a.y))) return null;
  return { from: { x: a.x + enter * dx, y: a.y + enter * dy }, to: { x: a.x + leave * dx, y: a.y + leave * dy }, enter, leave };
}

/** Whether `point` lies in `area`, edges included. */
export function insideArea(point: Pixel, area: Rect): boolean {
  return point.x >= area.x && point.x <= area.x + area.width && point.y >= area.y && point.y <= area.y + area.height;
}

/**
 * The runs of a polyline that lie inside `area`: segments are cut where they cross its edges,
 * and a non-finite point breaks the line. Runs of fewer than two points are dropped.
 */
export function clipPolyline(points: readonly Pixel[], area: Rect): Pixel[][] {
  const runs: Pixel[][] = [];
  let run: Pixel[] = [];
  const flush = () => {
    if (run.length >= 2) runs.push(run);
    run = [];
  };
  const finite = (point: Pixel | undefined): point is Pixel => point !== undefined && Number.isFinite(point.x) && Number.isFinite(point.y);
  points.forEach((point, index) => {
    const previous = points[index - 1];
    if (!finite(point)) return flush();
    if (!finite(previous)) {
      flush();
      if (insideArea(point, area)) run.push(point);
      return;
    }
    const clipped = clipSegment(previous, point, area);
    if (clipped === null) return flush();
    if (clipped.enter > 0 || run.length === 0) {
      flush();
      run.push(clipped.from);
    }
    run.push(clipped.to);
    if (clipped.leave < 1) flush();
  });
  flush();
  return runs;
}

/**
 * A run with every point dropped that lies within `tolerance` pixels (on both axes) of the
 * last point kept; the ends are always kept. Curves from per-threshold metrics can hold one
 * point per distinct score, tens of thousands, that no screen can tell apart.
 */
export function thinRun(run: readonly Pixel[], tolerance = 0.5): Pixel[] {
  if (run.length <= 2) return [...run];
  const kept: Pixel[] = [run[0]!];
  for (let index = 1; index < run.length - 1; index++) {
    const point = run[index]!;
    const last = kept[kept.length - 1]!;
    if (Math.abs(point.x - last.x) >= tolerance || Math.abs(point.y - last.y) >= tolerance) kept.push(point);
  }
  kept.push(run[run.length - 1]!);
  return kept;
}

/** Smallest and largest finite value of `values` (a loop: spreading a huge array overflows the stack), or null. */
export function extent(values: Iterable<number>): readonly [number, number] | null {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return low <= high ? [low, high] : null;
}

/** `<polyline>` points attribute for a run of pixels. */
export function polylinePoints(run: readonly Pixel[]): string {
  return run.map((point) => `${px(point.x)},${px(point.y)}`).join(' ');
}

/** The line y = x across `area`, clipped to it, as a dashed grey reference line (or "" when it misses). */
export function identityLine(area: Rect, xScale: LinearScale, yScale: LinearScale): string {
  const low = Math.max(xScale.domain[0], yScale.domain[0]);
  const high = Math.min(xScale.domain[1], yScale.domain[1]);
  if (!(low < high)) return '';
  const [run] = clipPolyline(
    [
      { x: xScale(low), y: yScale(low) },
      { x: xScale(high), y: yScale(high) },
    ],
    area,
  );
  return run ? `<polyline class="reference" points="${polylinePoints(run)}" fill="none" stroke="${INK.reference}" stroke-width="1.5" stroke-dasharray="5 4"/>` : '';
}
