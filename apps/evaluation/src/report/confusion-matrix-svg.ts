import { escapeXml } from './escape-xml';
import { formatCount, formatPercent } from './number-format';
import { chartTitle, INK, px, svgDocument, textWidth, truncateLabel } from './svg-chart';

/** Sequential single-hue ramp (light to dark blue): readable with any colour vision, and in greyscale. */
const RAMP: readonly (readonly [number, number, number])[] = [
  [247, 251, 255],
  [107, 174, 214],
  [8, 48, 107],
];

/** Grid size budget: cells shrink to fit about this many pixels, within [MIN_CELL, MAX_CELL]. */
const GRID_BUDGET = 600;
const MIN_CELL = 20;
const MAX_CELL = 64;
/** Class labels font size, at most; smaller when the cells are. */
const LABEL_FONT = 12;
/** Rotated column labels are spaced cell × sin 45° apart, so their font is at most this share of a cell. */
export const ROTATED_FONT_SHARE = 0.7;
const MARGIN = { top: 40, side: 16, axisTitle: 18, gap: 8 } as const;

/** The ramp colour of a share in [0, 1] (anything else is clamped; a non-finite share is 0). */
function shareColour(share: number): string {
  const position = (Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0) * (RAMP.length - 1);
  const index = Math.min(RAMP.length - 2, Math.floor(position));
  const t = position - index;
  const [from, to] = [RAMP[index]!, RAMP[index + 1]!];
  const channel = (c: number) =>
    Math.round(from[c]! + (to[c]! - from[c]!) * t)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

/**
 * How long a class label may be before it is cut with an ellipsis: shorter when there are many
 * (labels then run along the rows and, turned, under the columns, so length costs margin, not
 * overlap; too short a cut makes labels with a common prefix indistinguishable).
 */
function labelLimit(classes: number): number {
  return classes <= 10 ? 24 : 20;
}

/**
 * A confusion matrix as a standalone SVG heat map: rows are the true class, columns the
 * predicted one; each cell is coloured by its share of the row (so the diagonal reads as recall)
 * and labelled with its count. It stays legible from 2 to dozens of classes: cells shrink to
 * fit, count and label fonts shrink with them, long labels are cut with an ellipsis (the full
 * label is in the tooltip), and column labels turn 45° when they would not fit a cell's width.
 *
 * @throws RangeError when `matrix` does not hold `labels.length²` counts.
 * @example confusionMatrixSvg(['cat', 'dog'], [40, 2, 5, 53])
 */
export function confusionMatrixSvg(labels: readonly string[], matrix: readonly number[]): string {
  const n = labels.length;
  if (matrix.length !== n * n) throw new RangeError(`a confusion matrix of ${n} classes needs ${n * n} counts, got ${matrix.length}`);
  const cell = Math.min(MAX_CELL, Math.max(MIN_CELL, Math.floor(GRID_BUDGET / Math.max(1, n))));
  const shown = labels.map((label) => truncateLabel(label, labelLimit(n)));
  const rowFont = Math.min(LABEL_FONT, cell * 0.8);
  const widestAt = (font: number) => Math.max(0, ...shown.map((label) => textWidth(label, font)));
  const rotated = widestAt(rowFont) > cell - 4;
  const columnFont = rotated ? Math.min(rowFont, cell * ROTATED_FONT_SHARE) : rowFont;
  const counts = matrix.map((count) => formatCount(count));
  const countChars = Math.max(1, ...counts.map((count) => count.length));
  const countFont = Math.min(14, cell * 0.4, (cell - 4) / (countChars * 0.6));

  const gridX = MARGIN.side + MARGIN.axisTitle + widestAt(rowFont) + MARGIN.gap;
  const gridY = MARGIN.top;
  const gridSize = n * cell;
  const columnLabelsHeight = rotated ? widestAt(columnFont) * Math.SQRT1_2 + columnFont + MARGIN.gap : columnFont + MARGIN.gap;
  const predictedY = gridY + gridSize + columnLabelsHeight + 16;
  const keyY = predictedY + 18;
  const keyWidth = 5 * 36;
  const width = Math.max(gridX + gridSize + MARGIN.side, MARGIN.side + keyWidth + 200, 300);
  const height = keyY + 40;

  const rowTotals = labels.map((_, row) => matrix.slice(row * n, row * n + n).reduce((sum, count) => sum + count, 0));
  const cells: string[] = [];
  for (let row = 0; row < n; row++) {
    for (let column = 0; column < n; column++) {
      const count = matrix[row * n + column]!;
      const share = rowTotals[row]! > 0 ? count / rowTotals[row]! : 0;
      const [x, y] = [gridX + column * cell, gridY + row * cell];
      const tooltip = `true ${labels[row]!} \u2192 predicted ${labels[column]!}: ${counts[row * n + column]!} (${formatPercent(share)} of the row)`;
      cells.push(
        `<g><title>${escapeXml(tooltip)}</title>` +
          `<rect class="cell" x="${px(x)}" y="${px(y)}" width="${px(cell)}" height="${px(cell)}" fill="${shareColour(share)}" stroke="#ffffff"/>` +
          `<text class="count" x="${px(x + cell / 2)}" y="${px(y + cell / 2)}" dy="0.35em" text-anchor="middle" fill="${share > 0.55 ? '#ffffff' : INK.text}"${row === column ? ' font-weight="600"' : ''}>${counts[row * n + column]!}</text></g>`,
      );
    }
  }

  const rowLabels = shown.map((label, row) => {
    const y = gridY + row * cell + cell / 2;
    return `<text class="row-label" x="${px(gridX - MARGIN.gap)}" y="${px(y)}" dy="0.35em" text-anchor="end" font-size="${px(rowFont)}"><title>${escapeXml(labels[row]!)}</title>${escapeXml(label)}</text>`;
  });
  const columnLabels = shown.map((label, column) => {
    const x = gridX + column * cell + cell / 2;
    const y = gridY + gridSize + MARGIN.gap;
    const content = `<title>${escapeXml(labels[column]!)}</title>${escapeXml(label)}`;
    return rotated
      ? `<text class="column-label" x="${px(x)}" y="${px(y)}" dy="0.7em" text-anchor="end" font-size="${px(columnFont)}" transform="rotate(-45 ${px(x)} ${px(y)})">${content}</text>`
      : `<text class="column-label" x="${px(x)}" y="${px(y)}" dy="0.8em" text-anchor="middle" font-size="${px(columnFont)}">${content}</text>`;
  });

  const trueX = MARGIN.side + 4;
  const trueY = gridY + gridSize / 2;
  const key = [0, 0.25, 0.5, 0.75, 1].map(
    (share, index) =>
      `<rect x="${px(MARGIN.side + index * 36)}" y="${px(keyY)}" width="36" height="10" fill="${shareColour(share)}" stroke="${INK.grid}"/>` +
      `<text x="${px(MARGIN.side + index * 36 + 18)}" y="${px(keyY + 22)}" text-anchor="middle">${formatPercent(share).replace('.0%', '%')}</text>`,
  );
  const body =
    chartTitle('Confusion matrix', MARGIN.side) +
    `<g class="cells" font-size="${px(countFont)}">${cells.join('')}</g>` +
    `<g class="labels" fill="${INK.muted}">${rowLabels.join('')}${columnLabels.join('')}</g>` +
    `<text class="axis-label" x="${px(trueX)}" y="${px(trueY)}" dy="0.35em" text-anchor="middle" transform="rotate(-90 ${px(trueX)} ${px(trueY)})">true</text>` +
    `<text class="axis-label" x="${px(gridX + gridSize / 2)}" y="${px(predictedY)}" text-anchor="middle">predicted</text>` +
    `<g class="key" font-size="10" fill="${INK.muted}">${key.join('')}` +
    `<text x="${px(MARGIN.side + keyWidth + 10)}" y="${px(keyY + 5)}" dy="0.35em">share of the true class (row)</text></g>`;
  return svgDocument(width, height, 'Confusion matrix', body);
}
