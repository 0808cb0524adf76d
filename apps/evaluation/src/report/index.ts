/**
 * Evaluation reports a person would rather look at than read: a self-contained HTML page
 * (inline CSS and SVG, no scripts, nothing fetched) and the individual SVG charts, rendered from
 * plain data by pure functions — the same data always gives the same bytes. Every piece of
 * user-controlled text is escaped.
 *
 * @example
 * import { renderReportHtml, confusionMatrixSvg } from './report';
 *
 * const html = renderReportHtml({
 *   model: { name: 'churn', version: 3, task: 'classification', family: 'mlp', createdAt: Date.UTC(2024, 4, 1) },
 *   dataset: { id: 'customers', split: 'test', rows: 1200 },
 *   verdict: { blessed: true, reason: 'test accuracy 0.912 >= min_accuracy 0.850' },
 *   headline: [{ name: 'accuracy', value: 0.912, baseline: 0.897, higherIsBetter: true }],
 *   baselineVersion: 2,
 * });
 * const svg = confusionMatrixSvg(['stays', 'churns'], [900, 40, 66, 194]);
 */
export type { CurvePoint, HeadlineMetric, PerClassMetrics, ReliabilityBin, ReportData, SliceMetrics } from './report-data';
export { renderReportHtml } from './render-report-html';
export { confusionMatrixSvg } from './confusion-matrix-svg';
export { lineChartSvg, type LineChartOptions, type LineSeries } from './line-chart-svg';
export { reliabilitySvg } from './reliability-svg';
export { scatterSvg, type ScatterOptions } from './scatter-svg';
export { escapeXml } from './escape-xml';
export { formatCount, formatDelta, formatMetric, formatNumber, formatPercent } from './number-format';
export { linearScale, niceAxis, PALETTE, type Axis, type LinearScale } from './svg-chart';
