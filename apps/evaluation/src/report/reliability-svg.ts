import type { ReliabilityBin } from './report-data';
import { formatCount, formatMetric } from './number-format';
import { identityLine, INK, legend, legendLayout, linearScale, niceAxis, plotFrame, px, rightMargin, svgDocument, textWidth, yTickLabelWidth, type LegendEntry, type Rect } from './svg-chart';

const PLOT = { width: 380, height: 260, bottom: 52, stripTop: 34 } as const;
const ACCURACY = '#0072B2';
const GAP = '#D55E00';
const COUNT_FONT = 10;

const clamp01 = (value: number) => Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));

/**
 * A reliability diagram as a standalone SVG: one bar a confidence bin, as tall as the bin's
 * accuracy, with the gap to its mean confidence shaded and the dashed perfect-calibration
 * diagonal. Each bin's prediction count is written in a strip above the plot (turned upright
 * when the bins are too narrow for it); the title carries the expected calibration error.
 *
 * @example reliabilitySvg([{ lower: 0.5, upper: 1, count: 120, confidence: 0.8, accuracy: 0.75 }], 0.05)
 */
export function reliabilitySvg(bins: readonly ReliabilityBin[], ece: number): string {
  const title = `Reliability (ECE ${formatMetric(ece)})`;
  const axis = niceAxis(0, 1);
  const counts = bins.map((bin) => formatCount(bin.count));
  const left = yTickLabelWidth(axis) + 40;
  const scaleX = linearScale(axis.domain, [left, left + PLOT.width]);
  const widths = bins.map((bin) => scaleX(clamp01(bin.upper)) - scaleX(clamp01(bin.lower)));
  const widest = Math.max(0, ...counts.map((count) => textWidth(count, COUNT_FONT)));
  const upright = bins.some((_, index) => textWidth(counts[index]!, COUNT_FONT) > widths[index]! - 2);
  const strip = upright ? widest + 8 : COUNT_FONT + 8;
  const area: Rect = { x: left, y: PLOT.stripTop + strip + 6, width: PLOT.width, height: PLOT.height };
  const xScale = linearScale(axis.domain, [area.x, area.x + area.width]);
  const yScale = linearScale(axis.domain, [area.y + area.height, area.y]);
  const baseline = yScale(0);

  const bars = bins.map((bin, index) => {
    const x0 = xScale(clamp01(bin.lower));
    const x1 = xScale(clamp01(bin.upper));
    const inset = x1 - x0 > 3 ? 1 : 0;
    const [barX, barWidth] = [x0 + inset, Math.max(0, x1 - x0 - 2 * inset)];
    const accuracyY = yScale(clamp01(bin.accuracy));
    const confidenceY = yScale(clamp01(bin.confidence));
    const tooltip =
      `confidence ${formatMetric(bin.lower)}\u2013${formatMetric(bin.upper)}: ${counts[index]} predictions, ` +
      `mean confidence ${formatMetric(bin.confidence)}, accuracy ${formatMetric(bin.accuracy)}`;
    const shapes =
      bin.count > 0
        ? `<rect class="bar" x="${px(barX)}" y="${px(accuracyY)}" width="${px(barWidth)}" height="${px(baseline - accuracyY)}" fill="${ACCURACY}" fill-opacity="0.85"/>` +
          `<rect class="gap" x="${px(barX)}" y="${px(Math.min(accuracyY, confidenceY))}" width="${px(barWidth)}" height="${px(Math.abs(accuracyY - confidenceY))}" fill="${GAP}" fill-opacity="0.25" stroke="${GAP}" stroke-width="1"/>`
        : '';
    const middle = (x0 + x1) / 2;
    const countY = PLOT.stripTop + strip - 4;
    const label = upright
      ? `<text class="count" x="${px(middle)}" y="${px(countY)}" dy="0.35em" text-anchor="start" transform="rotate(-90 ${px(middle)} ${px(countY)})">${counts[index]}</text>`
      : `<text class="count" x="${px(middle)}" y="${px(countY)}" text-anchor="middle">${counts[index]}</text>`;
    return `<g class="bin"><title>${tooltip}</title>${shapes}${label}</g>`;
  });

  const entries: LegendEntry[] = [
    { label: 'accuracy', kind: 'swatch', colour: ACCURACY, opacity: 0.85 },
    { label: 'gap to confidence', kind: 'swatch', colour: GAP, opacity: 0.25 },
    { label: 'perfect calibration', kind: 'line', colour: INK.reference, dash: '5 4' },
  ];
  const legendY = area.y + area.height + PLOT.bottom;
  const body =
    plotFrame({ area, title, x: { axis, scale: xScale, label: 'confidence' }, y: { axis, scale: yScale, label: 'accuracy' } }) +
    `<text class="strip-label" x="${px(area.x - 7)}" y="${px(PLOT.stripTop + strip - 4)}" text-anchor="end" font-size="${COUNT_FONT}" fill="${INK.muted}">count</text>` +
    `<g class="bins" font-size="${COUNT_FONT}" fill="${INK.muted}">${bars.join('')}</g>` +
    identityLine(area, xScale, yScale) +
    legend(entries, area.x, legendY, area.width);
  return svgDocument(area.x + area.width + rightMargin(axis), legendY + legendLayout(entries, area.width).height + 12, title, body);
}
