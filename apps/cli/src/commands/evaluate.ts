import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { EvaluateModelRequest, Evaluation__Output } from '@aiaas/proto';
import type { Command } from '../cli-context';
import { versionSelectorFromFlags } from './version-flags';

const fixed = (value: number) => (Math.abs(value) >= 1e-3 || value === 0 ? value.toFixed(3) : value.toExponential(2));

/** The EvaluateModel request `aiaas evaluate` flags describe. */
export function evaluateRequestFromFlags(args: string[]): EvaluateModelRequest {
  const { values } = parseArgs({
    args,
    options: { model: { type: 'string' }, dataset: { type: 'string' }, slice: { type: 'string', multiple: true }, version: { type: 'string' }, alias: { type: 'string' } },
  });
  if (!values.model) throw new InvalidArgumentError('--model', 'is required');
  if (!values.dataset) throw new InvalidArgumentError('--dataset', 'is required (the id `aiaas upload` printed)');
  return { model_name: values.model, dataset_id: values.dataset, slice_columns: values.slice ?? [], ...versionSelectorFromFlags(values) };
}

/** An evaluation as `aiaas evaluate` and `aiaas models` print it: metrics, undefined ones, comparison and slices. */
export function formatEvaluation(evaluation: Evaluation__Output): string[] {
  const skipped = evaluation.skipped_rows > 0 ? ` (${evaluation.skipped_rows} skipped: unreadable cells or unknown classes)` : '';
  const lines = [`${evaluation.model_name} version ${evaluation.version} on ${evaluation.dataset_id} (${evaluation.split}): ${evaluation.rows} rows${skipped}`];
  const comparison = evaluation.comparison;
  for (const [name, value] of Object.entries(evaluation.metrics)) {
    const delta = comparison?.deltas[name];
    const against = delta === undefined ? '' : `  (${delta >= 0 ? '+' : ''}${fixed(delta)} vs version ${comparison!.baseline_version})`;
    lines.push(`  ${name.padEnd(20)} ${fixed(value)}${against}`);
  }
  for (const [name, why] of Object.entries(evaluation.undefined_metrics)) lines.push(`  ${name.padEnd(20)} —  (${why})`);
  for (const slice of evaluation.slices) {
    const shown = Object.entries(slice.metrics)
      .slice(0, 3)
      .map(([name, value]) => `${name} ${fixed(value)}`)
      .join(', ');
    lines.push(`  slice ${slice.column}=${slice.value}: ${slice.rows} rows, ${shown}`);
  }
  return lines;
}

export const evaluateCommand: Command = {
  usage: 'evaluate --model NAME --dataset ID [--slice COLUMN ...] [--version N | --alias A]',
  summary: "score a model version on every row of a dataset (with its target column); the result and report are kept with the version",
  async run(args, context) {
    const request = evaluateRequestFromFlags(args);
    return context.withGateway(async (gateway) => {
      formatEvaluation(await gateway.evaluateModel(request)).forEach((line) => context.out(line));
      return 0;
    });
  },
};
