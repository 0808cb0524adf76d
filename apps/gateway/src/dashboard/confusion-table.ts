import { confusionRows } from './confusion.js';
import { h } from './dom.js';
import { formatCount, formatPercent } from './format.js';

/**
 * A confusion matrix as a table, actual classes down and predicted across, each cell shaded by
 * its share of the row so a weak class stands out whatever its size.
 */
export function confusionTable(labels: readonly string[], counts: readonly number[]): HTMLTableElement {
  const rows = confusionRows(labels, counts);
  return h(
    'table',
    { class: 'confusion', 'aria-label': 'Confusion matrix: actual class by row, predicted class by column' },
    h('thead', {}, h('tr', {}, h('th', { class: 'corner' }, 'actual ↓ predicted →'), ...labels.map((label) => h('th', { scope: 'col' }, label)))),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, row.actual),
          ...row.cells.map((cell) => {
            const td = h('td', { class: cell.predicted === row.actual ? 'numeric diagonal' : 'numeric', 'data-count': cell.count, title: `${formatCount(cell.count)} of ${formatCount(row.total)} ${row.actual} rows predicted ${cell.predicted} (${formatPercent(cell.share)})` }, formatCount(cell.count));
            // Through the CSSOM: the page's Content-Security-Policy forbids style attributes.
            td.style.setProperty('--share', cell.share.toFixed(3));
            return td;
          }),
        ),
      ),
    ),
  );
}
