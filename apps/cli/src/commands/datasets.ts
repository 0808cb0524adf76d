import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { ColumnStatistics__Output, Dataset__Output, DatasetStatistics__Output } from '@aiaas/proto';
import type { Command } from '../cli-context';
import { limitFlag } from './limit-flag';

const fixed = (value: number) => (Number.isInteger(value) ? String(value) : value.toPrecision(5));

function describeColumn(column: ColumnStatistics__Output): string[] {
  const type = column.type.replace('COLUMN_TYPE_', '').toLowerCase();
  const lines = [`${column.name} (${type}${column.inferred ? ', inferred' : ''}): ${column.count - column.missing}/${column.count} present, ${column.distinct_exact ? '' : '~'}${column.distinct_count} distinct`];
  if (column.numeric) {
    const { min, max, mean, std, percentiles } = column.numeric;
    lines.push(`  min ${fixed(min)}  p25 ${fixed(percentiles[25] ?? min)}  median ${fixed(percentiles[50] ?? min)}  p75 ${fixed(percentiles[75] ?? max)}  max ${fixed(max)}  mean ${fixed(mean)}  std ${fixed(std)}`);
  }
  if (column.boolean) lines.push(`  true ${column.boolean.true_count}  false ${column.boolean.false_count}`);
  if (column.text) lines.push(`  length ${column.text.min_length}-${column.text.max_length} (mean ${fixed(column.text.mean_length)}), ${fixed(column.text.mean_tokens)} tokens on average`);
  if (column.top_values.length > 0 && !column.numeric) {
    lines.push(`  top: ${column.top_values.slice(0, 5).map((entry) => `${JSON.stringify(entry.value)} ${column.top_values_exact ? '' : '~'}${entry.count}`).join(', ')}`);
  }
  return lines;
}

/** The lines `aiaas datasets stats` prints. */
export function formatDatasetStatistics(stats: DatasetStatistics__Output): string[] {
  const lines = [`dataset ${stats.dataset_id}: ${stats.row_count} rows, ${stats.rows_with_anomalies} with anomalies`];
  for (const column of stats.columns) lines.push(...describeColumn(column));
  for (const anomaly of stats.anomalies) lines.push(`anomaly: ${anomaly.description} (rows ${anomaly.rows.join(', ')}${anomaly.count > anomaly.rows.length ? ', ...' : ''})`);
  return lines;
}

/** One line per dataset: id, name, rows, columns. */
export function formatDatasetLine(dataset: Dataset__Output): string {
  return `${dataset.id}  ${dataset.name}  ${dataset.row_count} rows  ${dataset.columns.length} columns`;
}

export const datasetsCommand: Command = {
  usage: 'datasets [--limit N] | datasets stats <DATASET_ID> | datasets preview <DATASET_ID> [--limit N]',
  summary: "list your datasets, newest first; or show one's column statistics and anomalies, or its first rows",
  async run(args, context) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { limit: { type: 'string' } } });
    if (positionals.length === 0) {
      const limit = limitFlag(values.limit);
      return context.withGateway(async (gateway) => {
        const datasets = await gateway.listDatasets({ limit });
        if (datasets.length === 0) context.out('no datasets yet; upload one with `aiaas upload`');
        for (const dataset of datasets) context.out(formatDatasetLine(dataset));
        return 0;
      });
    }
    const [action, datasetId] = positionals;
    if (!datasetId || (action !== 'stats' && action !== 'preview')) throw new InvalidArgumentError('action', `expected "stats <id>" or "preview <id>", got "${positionals.join(' ')}"`);
    return context.withGateway(async (gateway) => {
      if (action === 'stats') {
        formatDatasetStatistics(await gateway.getDatasetStats(datasetId)).forEach((line) => context.out(line));
        return 0;
      }
      const limit = limitFlag(values.limit);
      const preview = await gateway.previewDataset({ dataset_id: datasetId, limit });
      context.out(['row', ...preview.dataset!.columns.map((column) => column.name)].join('\t'));
      for (const row of preview.rows) context.out([row.row_number, ...row.values].join('\t'));
      return 0;
    });
  },
};
