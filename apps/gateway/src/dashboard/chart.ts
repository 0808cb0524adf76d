import { linePath, linearScale, niceTicks, type Point } from './chart-scale.js';
import { h, s } from './dom.js';
import { formatMetric } from './format.js';

export interface Series {
  readonly name: string;
  readonly points: readonly Point[];
}

export interface LineChartOptions {
  /** Read by screen readers, and shown as the chart's tooltip. */
  readonly title: string;
  readonly series: readonly Series[];
  readonly xLabel: string;
  /** An x value to mark with a vertical rule, such as the epoch whose weights were kept. */
  readonly markX?: { readonly x: number; readonly label: string };
  readonly width?: number;
  readonly height?: number;
}

const MARGIN = { top: 12, right: 16, bottom: 36, left: 56 };
/** Dots are drawn on lines with few enough points to tell apart. */
const MAX_DOTTED_POINTS = 60;

/**
 * An SVG line chart of one or more series over a shared x axis (epochs, for training curves),
 * sized by its viewBox so it scales with its container. Each series' path carries
 * `data-series` and `data-points` for tools and tests.
 */
export function lineChart({ title, series, xLabel, markX, width = 560, height = 240 }: LineChartOptions): SVGSVGElement {
  const all = series.flatMap((each) => each.points);
  const ys = all.map((point) => point.y).filter(Number.isFinite);
  const xs = all.map((point) => point.x);
  const xTicks = niceTicks(Math.min(1, ...xs), Math.max(1, ...xs), 6).filter((tick) => Number.isInteger(tick));
  const yTicks = ys.length > 0 ? niceTicks(Math.min(...ys), Math.max(...ys), 4) : [0, 1];
  const x = linearScale([xTicks[0] ?? 0, xTicks[xTicks.length - 1] ?? 1], [MARGIN.left, width - MARGIN.right]);
  const y = linearScale([yTicks[0]!, yTicks[yTicks.length - 1]!], [height - MARGIN.bottom, MARGIN.top]);

  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title }, s('title', {}, title));
  for (const tick of yTicks) {
    svg.append(
      s('line', { class: 'grid', x1: MARGIN.left, x2: width - MARGIN.right, y1: y(tick), y2: y(tick) }),
      s('text', { class: 'tick', x: MARGIN.left - 6, y: y(tick), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, formatMetric(tick)),
    );
  }
  for (const tick of xTicks) {
    svg.append(s('text', { class: 'tick', x: x(tick), y: height - MARGIN.bottom + 16, 'text-anchor': 'middle' }, tick));
  }
  svg.append(
    s('line', { class: 'axis', x1: MARGIN.left, x2: width - MARGIN.right, y1: height - MARGIN.bottom, y2: height - MARGIN.bottom }),
    s('text', { class: 'axis-label', x: (MARGIN.left + width - MARGIN.right) / 2, y: height - 4, 'text-anchor': 'middle' }, xLabel),
  );
  if (markX) {
    svg.append(
      s('line', { class: 'mark', x1: x(markX.x), x2: x(markX.x), y1: MARGIN.top, y2: height - MARGIN.bottom }),
      // Beside the rule, on whichever side has the room.
      x(markX.x) > width / 2
        ? s('text', { class: 'mark-label', x: x(markX.x) - 4, y: MARGIN.top + 10, 'text-anchor': 'end' }, markX.label)
        : s('text', { class: 'mark-label', x: x(markX.x) + 4, y: MARGIN.top + 10 }, markX.label),
    );
  }
  series.forEach((each, index) => {
    const group = s('g', { class: `series series-${index}`, 'data-series': each.name, 'data-points': each.points.filter((point) => Number.isFinite(point.y)).length });
    group.append(s('path', { d: linePath(each.points, x, y) }));
    if (each.points.length <= MAX_DOTTED_POINTS) {
      for (const point of each.points) {
        if (Number.isFinite(point.y)) group.append(s('circle', { cx: x(point.x), cy: y(point.y), r: 2.5 }, s('title', {}, `${each.name} at ${xLabel} ${point.x}: ${formatMetric(point.y)}`)));
      }
    }
    svg.append(group);
  });
  return svg;
}

/** The chart's legend: a swatch and a name per series, in the series' colours. */
export function legend(series: readonly Series[]): HTMLElement {
  return h('ul', { class: 'legend' }, ...series.map((each, index) => h('li', { class: `series-${index}` }, h('span', { class: 'swatch' }), each.name)));
}
