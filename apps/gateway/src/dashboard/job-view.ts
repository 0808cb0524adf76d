import type { Job, JobEvent } from './api-types.js';
import { legend, lineChart, type Series } from './chart.js';
import { badge, h, link, progressBar, table } from './dom.js';
import { followJob } from './follow-job.js';
import { formatDuration, formatMetric, formatTime, jobStateName, stageName } from './format.js';
import { isFinished, JobProgress, type EpochPoint } from './job-progress.js';
import { messageOf, type View, type ViewContext } from './view.js';

/** Events kept for the log under the charts; the curves keep every epoch. */
const LOG_LENGTH = 30;

function describe(event: JobEvent): string {
  if (event.stage_started) return event.stage_started.attempt > 1 ? `started, attempt ${event.stage_started.attempt}` : 'started';
  if (event.stage_progress) return `${Math.round(event.stage_progress.fraction * 100)}% ${event.stage_progress.message}`;
  if (event.epoch_ended) {
    const metrics = Object.entries(event.epoch_ended.metrics).map(([name, value]) => `${name} ${formatMetric(value)}`);
    return `epoch ${event.epoch_ended.epoch}/${event.epoch_ended.epochs}: ${metrics.join(', ')}`;
  }
  if (event.stage_completed) return `completed: ${event.stage_completed.summary}`;
  if (event.stage_failed) return `failed${event.stage_failed.will_retry ? ' (will retry)' : ''}: ${event.stage_failed.error}`;
  if (event.job_finished) return `job ${jobStateName(event.job_finished.state)}${event.job_finished.error ? `: ${event.job_finished.error}` : ''}`;
  return '';
}

/** Curves of one metric, training and validation, over the epochs so far; none when no epoch reported it. */
function metricSeries(epochs: readonly EpochPoint[], metric: string): Series[] {
  return [metric, `val_${metric}`]
    .map((name) => ({ name, points: epochs.map((point) => ({ x: point.epoch, y: point.metrics[name] ?? Number.NaN })) }))
    .filter((series) => series.points.some((point) => Number.isFinite(point.y)));
}

function trainingCurves(progress: JobProgress): HTMLElement {
  const epochs = progress.epochs;
  if (epochs.length === 0) return h('p', { class: 'muted' }, 'The training curves appear here as epochs end.');
  const charts = ['loss', 'accuracy']
    .map((metric) => ({ metric, series: metricSeries(epochs, metric) }))
    .filter(({ series }) => series.length > 0)
    .map(({ metric, series }) => h('figure', { class: 'chart-figure', 'data-metric': metric }, lineChart({ title: `${metric} per epoch`, series, xLabel: 'epoch' }), legend(series)));
  return h('div', { class: 'charts' }, ...charts);
}

function stagesStrip(progress: JobProgress): HTMLElement {
  return h(
    'ol',
    { class: 'stages' },
    ...progress.stages.map((stage) =>
      h(
        'li',
        { class: `stage stage-${stage.state}`, 'data-stage': stageName(stage.stage), 'data-state': stage.state },
        h('span', { class: 'stage-name' }, stageName(stage.stage)),
        badge(stage.state),
        stage.state === 'running' ? progressBar(stage.fraction, `${stageName(stage.stage)} progress`) : null,
        stage.error ? h('span', { class: 'error-text' }, stage.error) : stage.message ? h('span', { class: 'muted' }, stage.message) : null,
      ),
    ),
  );
}

/** One pipeline job: its stages, live progress, training curves as epochs end, and its event log. */
export function jobView({ api, report }: ViewContext, jobId: string): View {
  const heading = h('h2', {}, 'Job ', h('code', {}, jobId));
  const summary = h('div', { class: 'job-summary' }, h('p', { class: 'muted' }, 'Loading…'));
  const stages = h('div');
  const status = h('p', { class: 'job-status', 'aria-live': 'polite' });
  const curves = h('section', { 'aria-label': 'training curves' });
  const log = h('section', { 'aria-label': 'event log' });
  const element = h('div', { class: 'job' }, h('p', {}, link('/', '← overview')), heading, summary, stages, status, h('h3', {}, 'Training curves'), curves, h('h3', {}, 'Events'), log);

  const progress = new JobProgress();
  const events: JobEvent[] = [];
  let job: Job | undefined;
  let scheduled = false;
  const render = () => {
    scheduled = false;
    stages.replaceChildren(stagesStrip(progress));
    const current = progress.current;
    const outcome = progress.outcome;
    if (outcome) {
      const state = jobStateName(outcome.state);
      status.replaceChildren(
        badge(state),
        outcome.error ? h('span', { class: 'error-text' }, ` ${outcome.error}`) : '',
        outcome.modelVersion > 0 && job ? h('span', {}, ' → ', link(`/models/${encodeURIComponent(job.model_name)}/versions/${outcome.modelVersion}`, `${job.model_name} v${outcome.modelVersion}`)) : '',
      );
    } else if (current?.stage === 'STAGE_TRAIN' && progress.epochs.length > 0) {
      const last = progress.epochs[progress.epochs.length - 1]!;
      status.replaceChildren(`training: epoch ${last.epoch} of ${progress.epochsPlanned}, about ${formatDuration(progress.etaSeconds)} to go`);
    } else {
      status.replaceChildren(current ? `${stageName(current.stage)}: ${current.message || 'running'}` : 'queued');
    }
    status.dataset['state'] = outcome ? jobStateName(outcome.state) : 'running';
    curves.replaceChildren(trainingCurves(progress));
    log.replaceChildren(
      table(
        [
          { title: 'Time', cell: (event: JobEvent) => formatTime(event.time) },
          { title: 'Stage', cell: (event) => (event.stage === 'STAGE_UNSPECIFIED' ? 'job' : stageName(event.stage)) },
          { title: 'Event', cell: describe },
        ],
        [...events].reverse(),
        { class: 'event-log' },
      ),
    );
  };
  // Replaying a long job's history delivers hundreds of events at once: draw once per frame.
  const changed = (event?: JobEvent) => {
    if (event) events.push(event);
    if (events.length > LOG_LENGTH) events.shift();
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(render);
  };

  let stopFollowing: () => void = () => undefined;
  let disposed = false;
  void api.job(jobId).then(
    (loaded) => {
      if (disposed) return;
      job = loaded;
      summary.replaceChildren(
        h(
          'dl',
          {},
          h('dt', {}, 'Model'),
          h('dd', {}, loaded.model_name),
          h('dt', {}, 'Dataset'),
          h('dd', {}, h('code', {}, loaded.dataset_id)),
          h('dt', {}, 'Target'),
          h('dd', {}, loaded.target_column || '—'),
          h('dt', {}, 'Created'),
          h('dd', {}, formatTime(loaded.created_at)),
        ),
      );
      // A finished job's log is replayed once; if it has expired, the job's record says how it ended.
      const finished = isFinished(loaded.state);
      const following = followJob(api, jobId, progress, changed, report, { replayOnly: finished });
      stopFollowing = following.stop;
      if (finished) {
        void following.ended.then(() => {
          if (!disposed && !progress.outcome) {
            progress.seed(loaded);
            changed();
          }
        });
      }
      changed();
    },
    (error: unknown) => {
      if (disposed) return;
      summary.replaceChildren(h('p', { class: 'error-text' }, messageOf(error)));
      report(error);
    },
  );
  return {
    element,
    dispose: () => {
      disposed = true;
      stopFollowing();
    },
  };
}
