import { confusionMatrixSvg } from './confusion-matrix-svg';
import { escapeXml } from './escape-xml';
import { lineChartSvg, type LineSeries } from './line-chart-svg';
import { formatCount, formatDelta, formatMetric, MISSING } from './number-format';
import { reliabilitySvg } from './reliability-svg';
import type { HeadlineMetric, ReportData, SliceMetrics } from './report-data';
import { scatterSvg } from './scatter-svg';

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2937;background:#f3f4f6}
main{max-width:1180px;margin:0 auto;padding:32px 24px 48px}
header{display:flex;flex-wrap:wrap;align-items:flex-end;justify-content:space-between;gap:16px}
h1{font-size:28px;line-height:1.2;margin:0;word-break:break-word}
h1 .version{color:#6b7280;font-weight:500}
.subtitle{margin:4px 0 0;color:#6b7280}
.verdict{max-width:520px;padding:10px 16px;border-radius:10px;border:1px solid}
.verdict strong{display:block;font-size:16px}
.verdict.blessed{background:#e6f5ef;border-color:#009E73;color:#00573f}
.verdict.rejected{background:#fcefe6;border-color:#D55E00;color:#8a3300}
dl.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:24px 0 0}
dl.summary div{background:#fff;border-radius:10px;padding:10px 14px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
dt{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:#6b7280}
dd{margin:2px 0 0;font-weight:600;word-break:break-word}
section{background:#fff;border-radius:12px;padding:20px 24px;margin-top:20px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
h2{font-size:17px;margin:0 0 12px}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{padding:6px 12px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:middle}
thead th{font-size:12px;font-weight:600;color:#6b7280;text-transform:uppercase;letter-spacing:.04em}
.num{text-align:right;white-space:nowrap}
table.headline td.value{font-size:22px;font-weight:600}
.delta{font-weight:600}
.delta.better{color:#0065a0}
.delta.worse{color:#c04f00}
.delta.same{color:#6b7280}
.charts-flow{display:flex;flex-wrap:wrap;align-items:flex-start;gap:32px 40px}
figure{margin:0;max-width:100%}
figure svg{display:block;max-width:100%;height:auto}
figcaption{width:0;min-width:100%;font-size:12px;color:#6b7280;margin-top:2px}
.meter{display:inline-block;width:80px;height:8px;margin-right:8px;border-radius:4px;background:#e5e7eb;vertical-align:middle;overflow:hidden}
.meter span{display:block;height:100%;background:#0072B2}
tbody.group th{vertical-align:top;border-right:1px solid #e5e7eb}
footer{margin-top:24px;font-size:12px;color:#9ca3af;text-align:center}
`;

function formatDate(epochMs: number): string {
  const date = new Date(epochMs);
  return Number.isNaN(date.getTime()) ? MISSING : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function headerHtml(data: ReportData): string {
  const { model, dataset, verdict } = data;
  const verdictHtml = verdict
    ? `<div class="verdict ${verdict.blessed ? 'blessed' : 'rejected'}"><strong>${verdict.blessed ? '\u2713 Blessed' : '\u2717 Not blessed'}</strong>${escapeXml(verdict.reason)}</div>`
    : '';
  return (
    `<header><div><h1>${escapeXml(model.name)} <span class="version">v${escapeXml(String(model.version))}</span></h1>` +
    `<p class="subtitle">Evaluation report \u00B7 ${escapeXml(model.task)} \u00B7 ${escapeXml(dataset.split)} split</p></div>${verdictHtml}</header>`
  );
}

function summaryHtml(data: ReportData): string {
  const items: [string, string][] = [
    ['Task', data.model.task],
    ['Family', data.model.family],
    ['Created', formatDate(data.model.createdAt)],
    ['Dataset', data.dataset.id],
    ['Split', data.dataset.split],
    ['Rows evaluated', formatCount(data.dataset.rows)],
  ];
  if (data.baselineVersion !== undefined) items.push(['Compared with', `v${data.baselineVersion}`]);
  return `<dl class="summary">${items.map(([term, value]) => `<div><dt>${escapeXml(term)}</dt><dd>${escapeXml(value)}</dd></div>`).join('')}</dl>`;
}

/** The delta cell: arrow for the direction of change, colour for whether that change is good. */
function deltaCell(metric: HeadlineMetric): string {
  const { value, baseline } = metric;
  if (value === null || baseline === null || baseline === undefined || !Number.isFinite(value) || !Number.isFinite(baseline)) return `<td class="num delta">${MISSING}</td>`;
  const delta = value - baseline;
  if (delta === 0) return `<td class="num delta same" title="unchanged">${formatDelta(0)}</td>`;
  const verdict = (delta > 0) === metric.higherIsBetter ? 'better' : 'worse';
  return `<td class="num delta ${verdict}" title="${verdict}">${delta > 0 ? '\u25B2' : '\u25BC'} ${formatDelta(delta)}</td>`;
}

function headlineHtml(data: ReportData): string {
  if (data.headline.length === 0) return '';
  const compared = data.baselineVersion !== undefined || data.headline.some((metric) => metric.baseline !== undefined);
  const baselineHeading = data.baselineVersion === undefined ? 'Baseline' : `Baseline v${data.baselineVersion}`;
  const head = `<tr><th>Metric</th><th class="num">v${escapeXml(String(data.model.version))}</th>${compared ? `<th class="num">${escapeXml(baselineHeading)}</th><th class="num">\u0394</th>` : ''}</tr>`;
  const rows = data.headline.map(
    (metric) =>
      `<tr><th scope="row">${escapeXml(metric.name)}</th><td class="num value">${formatMetric(metric.value)}</td>` +
      (compared ? `<td class="num">${formatMetric(metric.baseline)}</td>${deltaCell(metric)}` : '') +
      '</tr>',
  );
  return `<section class="headline-section"><h2>Headline metrics</h2><table class="headline"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></section>`;
}

interface Figure {
  readonly name: string;
  readonly svg: string;
  readonly caption: string;
}

function figures(data: ReportData): Figure[] {
  const result: Figure[] = [];
  const classification = data.classification;
  if (classification && classification.labels.length > 0) {
    result.push({
      name: 'confusion-matrix',
      svg: confusionMatrixSvg(classification.labels, classification.confusionMatrix),
      caption: 'Rows are the true class, columns the prediction; colour is the share of the row, so the diagonal reads as recall.',
    });
  }
  if (classification && classification.roc.length > 0) {
    const series = classification.roc.map((curve) => ({ name: `${curve.label} (AUC ${formatMetric(curve.auc)})`, points: curve.points }));
    result.push({
      name: 'roc',
      svg: lineChartSvg({ title: 'ROC curve', xLabel: 'false positive rate', yLabel: 'true positive rate', series, diagonal: true, xDomain: [0, 1], yDomain: [0, 1] }),
      caption: 'One curve per class against the rest; the dashed diagonal is a model that guesses.',
    });
  }
  if (classification && classification.pr.length > 0) {
    const series = classification.pr.map((curve) => ({ name: `${curve.label} (AP ${formatMetric(curve.averagePrecision)})`, points: curve.points }));
    result.push({
      name: 'pr',
      svg: lineChartSvg({ title: 'Precision\u2013recall curve', xLabel: 'recall', yLabel: 'precision', series, xDomain: [0, 1], yDomain: [0, 1] }),
      caption: 'Precision kept at each level of recall; AP is the average precision.',
    });
  }
  if (classification?.reliability && classification.reliability.bins.length > 0) {
    result.push({
      name: 'reliability',
      svg: reliabilitySvg(classification.reliability.bins, classification.reliability.ece),
      caption: 'Bars are the accuracy of predictions at each confidence; a calibrated model follows the diagonal. Counts are above the bars.',
    });
  }
  if (data.regression && data.regression.points.length > 0) {
    result.push({ name: 'scatter', svg: scatterSvg(data.regression.points), caption: 'Each dot is a sampled row; dots on the dashed line are predicted exactly.' });
  }
  if (data.training && (data.training.loss.length > 0 || data.training.validationLoss.length > 0)) {
    const perEpoch = (values: readonly number[]) => values.map((y, index) => ({ x: index + 1, y }));
    const series: LineSeries[] = [
      { name: 'loss', points: perEpoch(data.training.loss) },
      { name: 'validation loss', points: perEpoch(data.training.validationLoss) },
    ].filter((entry) => entry.points.length > 0);
    result.push({
      name: 'training',
      svg: lineChartSvg({ title: 'Training loss', xLabel: 'epoch', yLabel: 'loss', series, integerX: true }),
      caption: 'Loss per epoch; validation loss rising while loss falls is overfitting.',
    });
  }
  return result;
}

function chartsHtml(data: ReportData): string {
  const all = figures(data);
  if (all.length === 0) return '';
  const items = all.map((figure) => `<figure class="${figure.name}">${figure.svg}<figcaption>${escapeXml(figure.caption)}</figcaption></figure>`);
  return `<section class="charts"><h2>Charts</h2><div class="charts-flow">${items.join('')}</div></section>`;
}

function perClassHtml(data: ReportData): string {
  const perClass = data.classification?.perClass ?? [];
  if (perClass.length === 0) return '';
  const meter = (share: number) => `<span class="meter"><span style="width:${Number.isFinite(share) ? Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10 : 0}%"></span></span>`;
  const rows = perClass.map(
    (entry) =>
      `<tr><th scope="row">${escapeXml(entry.label)}</th><td class="num">${formatMetric(entry.precision)}</td><td class="num">${formatMetric(entry.recall)}</td>` +
      `<td class="num">${meter(entry.f1)}${formatMetric(entry.f1)}</td><td class="num">${formatCount(entry.support)}</td></tr>`,
  );
  return (
    '<section class="per-class-section"><h2>Per class</h2><table class="per-class"><thead><tr><th>Class</th><th class="num">Precision</th><th class="num">Recall</th><th class="num">F1</th><th class="num">Support</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></section>`
  );
}

/**
 * Slice values in a total, locale-independent order: numbers first, numerically ("9" before
 * "10"), then everything else by code unit; ties between equal numbers ("1" and "1.0") by code unit.
 */
function compareValues(a: string, b: string): number {
  const numeric = (text: string) => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : null);
  const [x, y] = [numeric(a), numeric(b)];
  if (x !== null && y === null) return -1;
  if (x === null && y !== null) return 1;
  if (x !== null && y !== null && x !== y) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

function slicesHtml(data: ReportData): string {
  const slices = data.slices ?? [];
  if (slices.length === 0) return '';
  const metricNames = [...new Set(slices.flatMap((slice) => Object.keys(slice.metrics)))];
  const sorted = [...slices].sort((a, b) => compareValues(a.column, b.column) || compareValues(a.value, b.value));
  const groups = new Map<string, SliceMetrics[]>();
  for (const slice of sorted) groups.set(slice.column, [...(groups.get(slice.column) ?? []), slice]);
  const bodies = [...groups].map(([column, members]) => {
    const rows = members.map((slice, index) => {
      const heading = index === 0 ? `<th scope="rowgroup" rowspan="${members.length}">${escapeXml(column)}</th>` : '';
      const metrics = metricNames.map((name) => `<td class="num">${formatMetric(slice.metrics[name])}</td>`).join('');
      return `<tr>${heading}<td>${escapeXml(slice.value)}</td><td class="num">${formatCount(slice.rows)}</td>${metrics}</tr>`;
    });
    return `<tbody class="group">${rows.join('')}</tbody>`;
  });
  const head = `<tr><th>Column</th><th>Value</th><th class="num">Rows</th>${metricNames.map((name) => `<th class="num">${escapeXml(name)}</th>`).join('')}</tr>`;
  return `<section class="slices-section"><h2>Slices</h2><table class="slices"><thead>${head}</thead>${bodies.join('')}</table></section>`;
}

/**
 * The evaluation report as one self-contained HTML page: inline CSS and inline SVG charts, no
 * scripts and nothing fetched. It shows the title and verdict, a model/dataset summary, the
 * headline metrics (with baseline and coloured delta when compared), then whatever the data
 * allows: confusion matrix, ROC, PR and reliability charts for a classifier, actual vs predicted
 * for a regressor, training curves, the per-class table and the slices table. Sections without
 * data are left out. Pure: the same data gives the same bytes.
 *
 * @example writeFileSync('report.html', renderReportHtml(data))
 */
export function renderReportHtml(data: ReportData): string {
  const title = `${data.model.name} v${data.model.version} \u00B7 evaluation report`;
  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeXml(title)}</title><style>${STYLE}</style></head>\n<body><main>` +
    headerHtml(data) +
    summaryHtml(data) +
    headlineHtml(data) +
    chartsHtml(data) +
    perClassHtml(data) +
    slicesHtml(data) +
    '<footer>Self-contained report: no scripts, nothing loaded from elsewhere.</footer></main></body></html>\n'
  );
}
