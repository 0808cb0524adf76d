import { timestampToMillis, type JobEvent__Output, type Model__Output, type ModelVersion__Output, type PredictResponse__Output } from '@aiaas/proto';
import { bytesToFloat32 } from '@aiaas/tensor';

const STAGE_NAMES: Readonly<Record<string, string>> = {
  STAGE_PREPROCESS: 'preprocess',
  STAGE_TRAIN: 'train',
  STAGE_EVALUATE: 'evaluate',
  STAGE_DEPLOY: 'deploy',
  STAGE_UNSPECIFIED: 'job',
};

const number = (value: number | undefined, digits = 4) => (value === undefined ? '-' : value.toFixed(digits));

/** One line for a job event, as `aiaas watch` prints it. */
/** Seconds as people read a wait: `42s`, `3m 05s`, `2h 10m`. */
function duration(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}s`;
  if (whole < 3_600) return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(whole / 3_600)}h ${String(Math.floor((whole % 3_600) / 60)).padStart(2, '0')}m`;
}

export function formatJobEvent(event: JobEvent__Output): string {
  const stage = (STAGE_NAMES[event.stage] ?? event.stage).padEnd(10);
  switch (event.event) {
    case 'stage_started':
      return `${stage} started${event.stage_started!.attempt > 1 ? ` (attempt ${event.stage_started!.attempt})` : ''}`;
    case 'stage_progress':
      return `${stage} ${Math.round(event.stage_progress!.fraction * 100)}% ${event.stage_progress!.message}`;
    case 'epoch_ended': {
      const { epoch, epochs, metrics, eta_seconds } = event.epoch_ended!;
      const shown = ['loss', 'accuracy', 'val_loss', 'val_accuracy'].filter((name) => metrics[name] !== undefined).map((name) => `${name} ${number(metrics[name])}`);
      const eta = epoch < epochs && eta_seconds > 0 ? [`eta ${duration(eta_seconds)}`] : [];
      return `${stage} epoch ${String(epoch).padStart(String(epochs).length)}/${epochs}  ${[...shown, ...eta].join('  ')}`;
    }
    case 'stage_completed':
      return `${stage} done: ${event.stage_completed!.summary}`;
    case 'stage_failed':
      return `${stage} FAILED${event.stage_failed!.will_retry ? ' (will retry)' : ''}: ${event.stage_failed!.error}`;
    case 'job_finished': {
      const finished = event.job_finished!;
      if (finished.state === 'JOB_STATE_SUCCEEDED') return `${stage} succeeded: model version ${finished.model_version}`;
      return `${stage} ${finished.state === 'JOB_STATE_CANCELLED' ? 'cancelled' : 'failed'}: ${finished.error}`;
    }
    default:
      return `${stage} (unknown event)`;
  }
}

/** A version's status and metrics, for `aiaas models`. */
export function formatModelVersion(version: ModelVersion__Output): string {
  const lines = [
    `  version ${version.version}  ${version.status.replace('MODEL_VERSION_STATUS_', '').toLowerCase()}${version.aliases.length ? `  [${version.aliases.join(', ')}]` : ''}`,
    `    trained on dataset ${version.dataset_id} (target ${version.target_column}) by job ${version.job_id}, backend ${version.backend}, ${new Date(timestampToMillis(version.created_at) ?? 0).toISOString()}`,
  ];
  if (version.metrics) {
    lines.push(`    accuracy ${number(version.metrics.accuracy, 3)}  macro-F1 ${number(version.metrics.macro_f1, 3)}  on ${version.metrics.test_rows} test rows${version.status_reason ? `  (${version.status_reason})` : ''}`);
    for (const entry of version.metrics.per_class) {
      lines.push(`      ${entry.label.padEnd(16)} precision ${number(entry.precision, 3)}  recall ${number(entry.recall, 3)}  f1 ${number(entry.f1, 3)}  support ${entry.support}`);
    }
  }
  return lines.join('\n');
}

export function formatModel(model: Model__Output): string {
  return [`${model.name}`, ...model.versions.map(formatModelVersion)].join('\n');
}

/** Each row's predicted label and class probabilities. */
export function formatPrediction(response: PredictResponse__Output): string {
  const classes = response.class_labels;
  const probabilities = response.probabilities ? bytesToFloat32(response.probabilities.raw_data) : new Float32Array();
  const lines = [`${response.model_name} version ${response.version}`];
  response.predicted_labels.forEach((label, row) => {
    const shares = classes.map((name, column) => `${name} ${number(probabilities[row * classes.length + column], 3)}`);
    lines.push(`  row ${row}: ${label.padEnd(12)} (${shares.join(', ')})`);
  });
  return lines.join('\n');
}
