import type { Dataset, Job, Model } from './api-types.js';
import { badge, h, link, progressBar, table } from './dom.js';
import { followJob } from './follow-job.js';
import { formatBytes, formatCount, formatMetric, formatTime, jobStateName, stageName } from './format.js';
import { JobProgress } from './job-progress.js';
import { versionMetrics } from './model-metrics.js';
import { poll, type View, type ViewContext } from './view.js';

const REFRESH_MS = 3_000;
/**
 * Unfinished jobs whose events are streamed for live progress; others show their state only.
 * Each stream holds one of the six HTTP/1.1 connections a browser allows a host, which the
 * refreshes (three calls at once) and other tabs need too.
 */
const MAX_FOLLOWED_JOBS = 2;

const isActive = (job: Job) => job.state === 'JOB_STATE_QUEUED' || job.state === 'JOB_STATE_RUNNING';

function progressCell(progress: JobProgress | undefined): HTMLElement {
  const current = progress?.current;
  if (!progress || !current) return h('span', { class: 'muted' }, progress ? 'waiting for a worker' : '');
  const epochs = progress.epochs;
  const detail = current.stage === 'STAGE_TRAIN' && epochs.length > 0 ? `epoch ${epochs[epochs.length - 1]!.epoch}/${progress.epochsPlanned}` : current.message;
  return h('div', { class: 'live-progress' }, progressBar(current.fraction, `${stageName(current.stage)} progress`), h('span', { class: 'muted' }, `${stageName(current.stage)} · ${detail}`));
}

function datasetsTable(datasets: readonly Dataset[]): HTMLElement {
  if (datasets.length === 0) return h('p', { class: 'empty' }, 'No datasets yet. Upload one with ', h('code', {}, 'aiaas upload FILE'), '.');
  return table(
    [
      { title: 'Name', cell: (dataset) => h('strong', {}, dataset.name) },
      { title: 'Id', cell: (dataset) => h('code', {}, dataset.id) },
      { title: 'Rows', numeric: true, cell: (dataset) => formatCount(dataset.row_count) },
      { title: 'Columns', numeric: true, cell: (dataset) => dataset.columns.length },
      { title: 'Size', numeric: true, cell: (dataset) => formatBytes(dataset.size_bytes) },
      { title: 'Rows with anomalies', numeric: true, cell: (dataset) => formatCount(dataset.rows_with_anomalies) },
      { title: 'Uploaded', cell: (dataset) => formatTime(dataset.created_at) },
    ],
    datasets,
    { id: 'datasets-table' },
  );
}

function modelsTable(models: readonly Model[]): HTMLElement {
  if (models.length === 0) return h('p', { class: 'empty' }, 'No models yet. Train one with ', h('code', {}, 'aiaas train'), '.');
  return table(
    [
      { title: 'Model', cell: (model) => link(`/models/${encodeURIComponent(model.name)}`, model.name) },
      { title: 'Versions', numeric: true, cell: (model) => model.versions.length },
      { title: 'Production', numeric: true, cell: (model) => (model.aliases['production'] ? `v${model.aliases['production']}` : '—') },
      {
        title: 'Production metrics',
        cell: (model) => {
          const production = model.versions.find((version) => version.version === model.aliases['production']);
          const metrics = production ? versionMetrics(production).slice(0, 2) : [];
          return metrics.length === 0 ? '—' : metrics.map((metric) => `${metric.name} ${formatMetric(metric.value)}`).join(' · ');
        },
      },
      { title: 'Latest', cell: (model) => formatTime(model.versions[0]?.created_at ?? null) },
    ],
    models,
    { id: 'models-table' },
  );
}

/** The tenant's datasets, jobs (unfinished ones with live progress) and models, refreshed every few seconds. */
export function overviewView({ api, report }: ViewContext): View {
  const datasetsSection = h('section', { 'aria-labelledby': 'datasets-heading' }, h('h2', { id: 'datasets-heading' }, 'Datasets'), h('p', { class: 'muted' }, 'Loading…'));
  const jobsSection = h('section', { 'aria-labelledby': 'jobs-heading' }, h('h2', { id: 'jobs-heading' }, 'Jobs'), h('p', { class: 'muted' }, 'Loading…'));
  const modelsSection = h('section', { 'aria-labelledby': 'models-heading' }, h('h2', { id: 'models-heading' }, 'Models'), h('p', { class: 'muted' }, 'Loading…'));
  const element = h('div', { class: 'overview' }, datasetsSection, jobsSection, modelsSection);

  const followed = new Map<string, { readonly progress: JobProgress; readonly cell: HTMLElement; readonly stop: () => void }>();
  const follow = (jobs: readonly Job[]) => {
    const wanted = new Set(jobs.filter(isActive).slice(0, MAX_FOLLOWED_JOBS).map((job) => job.id));
    for (const [jobId, entry] of followed) {
      if (!wanted.has(jobId)) {
        entry.stop();
        followed.delete(jobId);
      }
    }
    for (const jobId of wanted) {
      if (followed.has(jobId)) continue;
      const progress = new JobProgress();
      const cell = h('div', { class: 'progress-cell' });
      const { stop } = followJob(api, jobId, progress, () => cell.replaceChildren(progressCell(progress)), report);
      followed.set(jobId, { progress, cell, stop });
    }
  };
  const jobsTable = (jobs: readonly Job[]): HTMLElement => {
    if (jobs.length === 0) return h('p', { class: 'empty' }, 'No jobs yet.');
    return table(
      [
        { title: 'Job', cell: (job) => link(`/jobs/${encodeURIComponent(job.id)}`, h('code', {}, job.id)) },
        { title: 'Model', cell: (job) => (job.model_version > 0 ? link(`/models/${encodeURIComponent(job.model_name)}/versions/${job.model_version}`, `${job.model_name} v${job.model_version}`) : job.model_name) },
        { title: 'State', cell: (job) => badge(jobStateName(job.state)) },
        {
          title: 'Progress',
          cell: (job) => {
            const entry = followed.get(job.id);
            if (!entry) return job.error ? h('span', { class: 'error-text' }, job.error) : '';
            // The live cell's content moves into this render's cell, and follows its events from now on.
            entry.cell.replaceChildren(progressCell(entry.progress));
            return entry.cell;
          },
        },
        { title: 'Updated', cell: (job) => formatTime(job.updated_at) },
      ],
      jobs,
      { id: 'jobs-table' },
    );
  };

  let disposed = false;
  const stop = poll(
    async () => {
      const [datasets, jobs, models] = await Promise.all([api.datasets(), api.jobs(), api.models()]);
      if (disposed) return;
      follow(jobs);
      datasetsSection.replaceChildren(datasetsSection.firstChild!, datasetsTable(datasets));
      jobsSection.replaceChildren(jobsSection.firstChild!, jobsTable(jobs));
      modelsSection.replaceChildren(modelsSection.firstChild!, modelsTable(models));
    },
    REFRESH_MS,
    report,
  );
  return {
    element,
    dispose: () => {
      disposed = true;
      stop();
      for (const entry of followed.values()) entry.stop();
      followed.clear();
    },
  };
}
