import type { CurvePoint } from './report-data';
import { formatCount } from './number-format';
import { extent, identityLine, INK, legend, legendLayout, linearScale, niceAxis, plotFrame, px, rightMargin, svgDocument, yTickLabelWidth, type LegendEntry, type Rect } from './svg-chart';

/** Labels of a scatter plot; the defaults suit regression actual-vs-predicted plots. */
export interface ScatterOptions {
  /** Default "Actual vs predicted (n = …)". */
  readonly title?: string;
  /** Default "actual". */
  readonly xLabel?: string;
  /** Default "predicted". */
  readonly yLabel?: string;
}

const SIDE = 320;
const MARGIN = { top: 40, bottom: 52 } as const;

/**
 * Actual (x) against predicted (y) as a standalone SVG: one translucent dot a point, both axes
 * on the same round domain so the dashed y = x line is the square's diagonal and a perfect model
 * would put every dot on it. Non-finite points are left out.
 *
 * @example scatterSvg([{ x: 3.1, y: 2.9 }, { x: 5.0, y: 5.4 }])
 */
export function scatterSvg(points: readonly CurvePoint[], options: ScatterOptions = {}): string {
  const finite = points.filter((point) => Number.isFinite(point.x) && Number.isFinite(point.y));
  const range = extent(finite.flatMap((point) => [point.x, point.y]));
  const axis = range ? niceAxis(range[0], range[1], { extend: true }) : niceAxis(0, 1);
  const title = options.title ?? `Actual vs predicted (n = ${formatCount(finite.length)})`;
  const left = yTickLabelWidth(axis) + 40;
  const area: Rect = { x: left, y: MARGIN.top, width: SIDE, height: SIDE };
  const xScale = linearScale(axis.domain, [area.x, area.x + area.width]);
  const yScale = linearScale(axis.domain, [area.y + area.height, area.y]);
  const entries: LegendEntry[] = [
    { label: 'prediction', kind: 'swatch', colour: '#0072B2', opacity: 0.45 },
    { label: 'perfect (y = x)', kind: 'line', colour: INK.reference, dash: '5 4' },
  ];
  const legendY = area.y + area.height + MARGIN.bottom;
  const dots = finite.map((point) => `<circle cx="${px(xScale(point.x))}" cy="${px(yScale(point.y))}" r="2.5"/>`).join('');
  const body =
    plotFrame({ area, title, x: { axis, scale: xScale, label: options.xLabel ?? 'actual' }, y: { axis, scale: yScale, label: options.yLabel ?? 'predicted' } }) +
    identityLine(area, xScale, yScale) +
    `<g class="points" fill="#0072B2" fill-opacity="0.45" stroke="#0072B2" stroke-opacity="0.7" stroke-width="0.5">${dots}</g>` +
    (finite.length === 0 ? `<text class="empty" x="${px(area.x + SIDE / 2)}" y="${px(area.y + SIDE / 2)}" text-anchor="middle" fill="${INK.muted}">no data</text>` : '') +
    legend(entries, area.x, legendY, area.width);
  return svgDocument(area.x + area.width + rightMargin(axis), legendY + legendLayout(entries, area.width).height + 12, title, body);
}
