import type { Model, ModelVersion } from './api-types.js';
import { legend, lineChart, type Series } from './chart.js';
import { confusionTable } from './confusion-table.js';
import { badge, h, link, table } from './dom.js';
import { formatCount, formatDuration, formatMetric, formatTime, versionStatusName } from './format.js';
import { testRows, versionMetrics } from './model-metrics.js';
import { messageOf, type View, type ViewContext } from './view.js';

/** The version shown when the route names none: production, else the newest. */
function defaultVersion(model: Model): ModelVersion | undefined {
  return model.versions.find((version) => version.version === model.aliases['production']) ?? model.versions[0];
}

const versionRoute = (model: string, version: number) => `/models/${encodeURIComponent(model)}/versions/${version}`;

function versionsTable(model: Model, selected: ModelVersion): HTMLElement {
  return table(
    [
      { title: 'Version', cell: (version: ModelVersion) => (version === selected ? h('strong', {}, `v${version.version}`) : link(versionRoute(model.name, version.version), `v${version.version}`)) },
      { title: 'Status', cell: (version) => badge(versionStatusName(version.status)) },
      { title: 'Aliases', cell: (version) => (version.aliases.length === 0 ? '—' : h('span', {}, ...version.aliases.map((alias) => badge(alias, 'alias')))) },
      { title: 'Metrics', cell: (version) => versionMetrics(version).map((metric) => `${metric.name} ${formatMetric(metric.value)}`).join(' · ') || '—' },
      { title: 'Trained by', cell: (version) => (version.job_id ? link(`/jobs/${encodeURIComponent(version.job_id)}`, h('code', {}, version.job_id)) : '—') },
      { title: 'Created', cell: (version) => formatTime(version.created_at) },
    ],
    model.versions,
    { id: 'versions-table' },
  );
}

function metricCards(version: ModelVersion): HTMLElement {
  const metrics = versionMetrics(version);
  if (metrics.length === 0) return h('p', { class: 'muted' }, 'Not evaluated yet.');
  return h(
    'div',
    { class: 'cards' },
    ...metrics.map((metric) => h('div', { class: 'card', 'data-metric': metric.name }, h('span', { class: 'card-label' }, metric.name), h('span', { class: 'card-value' }, formatMetric(metric.value)))),
    h('div', { class: 'card' }, h('span', { class: 'card-label' }, 'test rows'), h('span', { class: 'card-value' }, formatCount(testRows(version)))),
  );
}

function trainingSection(version: ModelVersion): HTMLElement {
  const training = version.training;
  if (!training || training.loss_history.length === 0) return h('p', { class: 'muted' }, 'No training history was recorded for this version.');
  const series: Series[] = [{ name: 'loss', points: training.loss_history.map((loss, index) => ({ x: index + 1, y: loss })) }];
  if (training.validation_loss_history.length > 0) series.push({ name: 'val_loss', points: training.validation_loss_history.map((loss, index) => ({ x: index + 1, y: loss })) });
  return h(
    'div',
    {},
    h(
      'figure',
      { class: 'chart-figure', 'data-metric': 'loss' },
      lineChart({ title: 'loss per epoch', series, xLabel: 'epoch', ...(training.kept_epoch > 0 ? { markX: { x: training.kept_epoch, label: `kept: epoch ${training.kept_epoch}` } } : {}) }),
      legend(series),
    ),
    h(
      'p',
      { class: 'muted' },
      `${training.model_family}, ${training.epochs_run} epochs (${training.ending}), ${formatCount(training.train_rows)} training and ${formatCount(training.validation_rows)} validation rows, ` +
        `${formatDuration(training.seconds)} at ${formatCount(Math.round(training.samples_per_second))} samples/s on ${version.backend}.`,
    ),
  );
}

function classificationSection(version: ModelVersion): HTMLElement | null {
  const metrics = version.metrics;
  if (!metrics || metrics.confusion_matrix.length === 0) return null;
  return h(
    'section',
    { 'aria-labelledby': 'classes-heading' },
    h('h3', { id: 'classes-heading' }, 'Per class'),
    table(
      [
        { title: 'Class', cell: (row) => row.label },
        { title: 'Precision', numeric: true, cell: (row) => formatMetric(row.precision) },
        { title: 'Recall', numeric: true, cell: (row) => formatMetric(row.recall) },
        { title: 'F1', numeric: true, cell: (row) => formatMetric(row.f1) },
        { title: 'Support', numeric: true, cell: (row) => formatCount(row.support) },
      ],
      metrics.per_class,
      { id: 'per-class-table' },
    ),
    h('h3', {}, 'Confusion matrix'),
    confusionTable(version.class_labels, metrics.confusion_matrix),
  );
}

function evaluationSection(version: ModelVersion): HTMLElement | null {
  const evaluation = version.evaluation;
  if (!evaluation) return null;
  const rows = [
    ...Object.entries(evaluation.metrics).map(([name, value]) => ({ name, value: formatMetric(value) })),
    ...Object.entries(evaluation.undefined_metrics).map(([name, why]) => ({ name, value: `undefined: ${why}` })),
  ].sort((a, b) => a.name.localeCompare(b.name));
  return h(
    'section',
    { 'aria-labelledby': 'evaluation-heading' },
    h('h3', { id: 'evaluation-heading' }, `Evaluation on ${formatCount(evaluation.rows)} ${evaluation.split} rows`),
    table([{ title: 'Metric', cell: (row: { name: string; value: string }) => row.name }, { title: 'Value', numeric: true, cell: (row) => row.value }], rows, { id: 'evaluation-table' }),
  );
}

function versionDetail(version: ModelVersion): HTMLElement {
  return h(
    'section',
    { class: 'version', 'data-version': version.version, 'aria-labelledby': 'version-heading' },
    h('h3', { id: 'version-heading' }, `Version ${version.version} `, badge(versionStatusName(version.status)), ...version.aliases.map((alias) => badge(alias, 'alias'))),
    version.status_reason ? h('p', { class: 'muted' }, version.status_reason) : null,
    version.load_error ? h('p', { class: 'error-text' }, `Serving could not load it: ${version.load_error}`) : null,
    metricCards(version),
    h('h3', {}, 'Training curve'),
    trainingSection(version),
    classificationSection(version),
    evaluationSection(version),
  );
}

/** A model: its versions and aliases, and one version's metrics, training curve and confusion matrix. */
export function modelView({ api, report }: ViewContext, modelName: string, versionNumber: number | undefined): View {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const element = h('div', { class: 'model' }, h('p', {}, link('/', '← overview')), h('h2', {}, 'Model ', h('code', {}, modelName)), body);
  let disposed = false;
  const showError = (error: unknown) => {
    if (!disposed) body.replaceChildren(h('p', { class: 'error-text' }, messageOf(error)));
  };
  void api.model(modelName).then(
    (model) => {
      if (disposed) return;
      const selected = versionNumber === undefined ? defaultVersion(model) : model.versions.find((version) => version.version === versionNumber);
      if (!selected) {
        body.replaceChildren(h('p', { class: 'error-text' }, versionNumber === undefined ? 'This model has no versions.' : `This model has no version ${versionNumber}.`));
        return;
      }
      const canary = model.canary_percent > 0 ? h('p', { class: 'muted' }, `Canary: ${model.canary_percent}% of default traffic goes to v${model.canary_version}.`) : null;
      body.replaceChildren(h('section', { 'aria-label': 'versions' }, h('h3', {}, 'Versions'), canary ?? '', versionsTable(model, selected)), versionDetail(selected));
    },
    (error: unknown) => {
      showError(error);
      if (!disposed) report(error);
    },
  )
    // A version whose data does not add up (a confusion matrix of the wrong size) is said, not hung on.
    .catch(showError);
  return {
    element,
    dispose: () => {
      disposed = true;
    },
  };
}
