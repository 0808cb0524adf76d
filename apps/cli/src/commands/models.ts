import type { Model__Output, ModelVersion__Output } from '@aiaas/proto';
import type { Command } from '../cli-context';
import { formatVersionPolicy } from './policy';
import { formatShadow } from './shadow';
import { formatModelVersion } from '../format';

const fixed = (value: number) => value.toFixed(3);
/** Errors are in target units: four significant digits, whatever their scale. */
const significant = (value: number) => String(Number(value.toPrecision(4)));

/** Metrics `aiaas models` shows beside the headline ones, when the evaluation has them. */
const DETAIL_METRICS = ['balanced_accuracy', 'roc_auc', 'pr_auc', 'log_loss', 'ece', 'mape', 'explained_variance', 'ndcg_at_k', 'hit_rate'];

const deltas = (values: Record<string, number>) =>
  Object.entries(values)
    .filter(([name]) => ['accuracy', 'macro_f1', 'roc_auc', 'rmse', 'r2', 'bleu', 'exact_match', 'ndcg_at_k'].includes(name))
    .map(([name, delta]) => `${name} ${delta >= 0 ? '+' : ''}${fixed(delta)}`)
    .join(', ');

/**
 * What `aiaas models` adds to a version's status and classification metrics: a regressor's
 * or a seq2seq model's test metrics, and what was trained (task, model family) and how its fit ended.
 */
export function versionDetails(version: ModelVersion__Output): string[] {
  const lines: string[] = [];
  const regression = version.regression_metrics;
  if (regression) {
    lines.push(
      `    rmse ${significant(regression.rmse)}  mae ${significant(regression.mae)}  r2 ${fixed(regression.r2)}  on ${regression.test_rows} test rows${version.status_reason ? `  (${version.status_reason})` : ''}`,
    );
  }
  const sequence = version.sequence_metrics;
  if (sequence) {
    lines.push(
      `    bleu ${fixed(sequence.bleu)}  exact match ${fixed(sequence.exact_match)}  token accuracy ${fixed(sequence.token_accuracy)}  on ${sequence.test_rows} test rows${version.status_reason ? `  (${version.status_reason})` : ''}`,
    );
  }
  const evaluation = version.evaluation;
  if (evaluation) {
    const shown = Object.entries(evaluation.metrics)
      .filter(([name]) => DETAIL_METRICS.includes(name))
      .map(([name, value]) => `${name} ${fixed(value)}`);
    if (shown.length > 0) lines.push(`    ${shown.join('  ')}`);
    if (evaluation.comparison) lines.push(`    against production version ${evaluation.comparison.baseline_version} on ${evaluation.comparison.rows} shared test rows: ${deltas(evaluation.comparison.deltas)}`);
    if (evaluation.slices.length > 0) lines.push(`    ${evaluation.slices.length} slices over ${[...new Set(evaluation.slices.map((slice) => slice.column))].join(', ')} (aiaas report shows them)`);
  }
  if (version.load_error) lines.push(`    serving could not load it: ${version.load_error}`);
  const task = `task ${version.task || 'unknown'}`;
  const training = version.training;
  if (!training) return [...lines, `    ${task}`];
  const ending = training.ending === 'stopped-early' ? `stopped early, keeping epoch ${training.kept_epoch}` : training.ending;
  const epochs = `${training.epochs_run} epoch${training.epochs_run === 1 ? '' : 's'} run (${ending})`;
  return [...lines, `    ${task}, family ${training.model_family}: ${epochs} on ${training.train_rows} training rows`];
}

/** A model and each of its versions, as `aiaas models` prints them. */
export function formatModelListing(model: Model__Output): string {
  const canary = model.canary_version ? [`  canary: ${model.canary_percent}% of default requests to version ${model.canary_version}`] : [];
  const shadow = model.shadow ? formatShadow(model.shadow) : [];
  const policy = model.version_policy && model.version_policy.policy !== 'all' ? [`  serves by number: ${formatVersionPolicy(model.version_policy)}`] : [];
  return [model.name, ...canary, ...shadow, ...policy, ...model.versions.flatMap((version) => [formatModelVersion(version), ...versionDetails(version)])].join('\n');
}

export const modelsCommand: Command = {
  usage: 'models [NAME]',
  summary: 'list models with their versions, task, training, metrics and aliases',
  async run(args, context) {
    return context.withGateway(async (gateway) => {
      const models = args[0] ? [await gateway.getModel(args[0])] : await gateway.listModels();
      if (models.length === 0) context.out('no models yet; train one with `aiaas train`');
      for (const model of models) context.out(formatModelListing(model));
      return 0;
    });
  },
};
