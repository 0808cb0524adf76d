import { escapeXml } from './escape-xml';
import type { CurvePoint } from './report-data';
import {
  clipPolyline,
  extent,
  identityLine,
  INK,
  insideArea,
  legend,
  legendLayout,
  linearScale,
  niceAxis,
  plotFrame,
  polylinePoints,
  px,
  rightMargin,
  seriesStyle,
  svgDocument,
  thinRun,
  yTickLabelWidth,
  type Axis,
  type LegendEntry,
  type Rect,
} from './svg-chart';

/** One named line. */
export interface LineSeries {
  readonly name: string;
  readonly points: readonly CurvePoint[];
}

/** What `lineChartSvg` draws. */
export interface LineChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Drawn in order, coloured from the Okabe–Ito palette, then dashed once it is used up. */
  readonly series: readonly LineSeries[];
  /** Draw the dashed y = x line (the chance line of a ROC curve). Default false. */
  readonly diagonal?: boolean;
  /** Fixed x domain, e.g. [0, 1] for rates; default: the data's range widened to round ticks. */
  readonly xDomain?: readonly [number, number];
  /** Fixed y domain; default: the data's range widened to round ticks. */
  readonly yDomain?: readonly [number, number];
  /** Ticks on the x axis at whole numbers only (epochs). Default false. */
  readonly integerX?: boolean;
}

/** Plot area size and the margins above and below it, in pixels. */
const PLOT = { width: 380, height: 260, top: 40, bottom: 52 } as const;
/** Series with at most this many points also get a dot at each point, so short curves stay visible. */
const MARKER_LIMIT = 25;

function axisFor(values: Iterable<number>, fixed: readonly [number, number] | undefined, integer: boolean): Axis {
  if (fixed) return niceAxis(fixed[0], fixed[1], { integer });
  const range = extent(values);
  return range ? niceAxis(range[0], range[1], { extend: true, integer }) : niceAxis(0, 1, { integer });
}

function coordinates(series: readonly LineSeries[], axis: 'x' | 'y'): number[] {
  const values: number[] = [];
  for (const entry of series) for (const point of entry.points) values.push(point[axis]);
  return values;
}

/**
 * A line chart as a standalone SVG: ROC curves (with `diagonal` and [0, 1] domains), PR curves,
 * or loss per epoch. Lines are clipped to the plot area, so points outside a fixed domain never
 * spill over the axes. The legend sits under the plot, in as many columns as its labels allow,
 * so the chart stays narrow enough for two side by side on a page.
 *
 * @example lineChartSvg({ title: 'ROC', xLabel: 'false positive rate', yLabel: 'true positive rate',
 *   series: [{ name: 'spam (AUC 0.950)', points }], diagonal: true, xDomain: [0, 1], yDomain: [0, 1] })
 */
export function lineChartSvg(options: LineChartOptions): string {
  const { title, xLabel, yLabel, series, diagonal = false, integerX = false } = options;
  const xAxis = axisFor(coordinates(series, 'x'), options.xDomain, integerX);
  const yAxis = axisFor(coordinates(series, 'y'), options.yDomain, false);
  const left = yTickLabelWidth(yAxis) + 40;
  const area: Rect = { x: left, y: PLOT.top, width: PLOT.width, height: PLOT.height };
  const xScale = linearScale(xAxis.domain, [area.x, area.x + area.width]);
  const yScale = linearScale(yAxis.domain, [area.y + area.height, area.y]);

  const entries: LegendEntry[] = series.map((entry, index) => ({ label: entry.name, kind: 'line', ...seriesStyle(index) }));
  if (diagonal) entries.push({ label: 'chance', kind: 'line', colour: INK.reference, dash: '5 4' });
  const legendY = area.y + area.height + PLOT.bottom;
  const width = area.x + area.width + rightMargin(xAxis);
  const height = legendY + legendLayout(entries, area.width).height + 12;

  const lines = series.map((entry, index) => {
    const { colour, dash } = seriesStyle(index);
    const pixels = entry.points.map((point) => ({ x: xScale(point.x), y: yScale(point.y) }));
    const runs = clipPolyline(pixels, area).map(
      (run) => `<polyline class="series" points="${polylinePoints(thinRun(run))}" fill="none" stroke="${colour}" stroke-width="2" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
    );
    const markers =
      entry.points.length <= MARKER_LIMIT
        ? pixels.filter((pixel) => Number.isFinite(pixel.x) && Number.isFinite(pixel.y) && insideArea(pixel, area)).map((pixel) => `<circle class="marker" cx="${px(pixel.x)}" cy="${px(pixel.y)}" r="2.5" fill="${colour}"/>`)
        : [];
    return `<g class="series-group"><title>${escapeXml(entry.name)}</title>${runs.join('')}${markers.join('')}</g>`;
  });
  const empty = series.every((entry) => entry.points.length === 0) ? `<text class="empty" x="${px(area.x + area.width / 2)}" y="${px(area.y + area.height / 2)}" text-anchor="middle" fill="${INK.muted}">no data</text>` : '';

  const body =
    plotFrame({ area, title, x: { axis: xAxis, scale: xScale, label: xLabel }, y: { axis: yAxis, scale: yScale, label: yLabel } }) +
    (diagonal ? identityLine(area, xScale, yScale) : '') +
    lines.join('') +
    empty +
    legend(entries, area.x, legendY, area.width);
  return svgDocument(width, height, title, body);
}
