import { datasetProfileSchema, STATISTICS_QUANTILES, type TransformPlan } from '@aiaas/data';
import { InvalidArgumentError } from '@aiaas/errors';
import type { StagePayload } from '@aiaas/queue';
import type { DatasetRecord } from '@aiaas/registry';
import { getJson, type ArtifactStore } from '@aiaas/storage';
import type { SplitRule } from '../splitting/split-rule';
import type { PreprocessWork } from './preprocess-work';

/** The profile's percentile at `fraction` (profiles keep every percentile). */
function percentile(quantiles: readonly number[], fraction: number): number {
  const index = Math.min(STATISTICS_QUANTILES.length - 1, Math.max(0, Math.round(fraction * 100)));
  return quantiles[index]!;
}

async function splitRule(store: ArtifactStore, dataset: DatasetRecord, payload: StagePayload<'preprocess'>, stratify: boolean): Promise<SplitRule> {
  const { split } = payload;
  const fractions = { validation: split.validationFraction, test: split.testFraction };
  if (fractions.validation + fractions.test > 0.9) {
    throw new InvalidArgumentError('split.validation_fraction', `validation (${fractions.validation}) and test (${fractions.test}) together leave less than 10% for training`);
  }
  if (split.strategy === 'ratio') return { kind: 'ratio', seed: split.seed, stratify, ...fractions };
  const column = split.column ?? '';
  const summary = dataset.columns.find((candidate) => candidate.name === column);
  if (!summary) {
    throw new InvalidArgumentError('split.column', `a ${split.strategy} split needs a column of dataset ${dataset.id}; got ${JSON.stringify(column)}, columns are ${dataset.columns.map((c) => c.name).join(', ')}`);
  }
  if (split.strategy === 'group') return { kind: 'group', column, seed: split.seed, ...fractions };
  if (summary.type !== 'numeric' && summary.type !== 'timestamp') {
    throw new InvalidArgumentError('split.column', `a time split needs a timestamp or numeric column; "${column}" is ${summary.type}`);
  }
  const profile = await getJson(store, dataset.profile, (value) => datasetProfileSchema.parse(value));
  const quantiles = profile.columns.find((candidate) => candidate.name === column)?.numeric?.quantiles;
  if (!quantiles) throw new InvalidArgumentError('split.column', `column "${column}" has no values to split by time`);
  return {
    kind: 'time',
    column,
    testFrom: percentile(quantiles, 1 - fractions.test),
    validationFrom: percentile(quantiles, 1 - fractions.test - fractions.validation),
    ...fractions,
  };
}

/**
 * Fixes everything about a preprocessing run before its first pass: the plan (already validated;
 * checked here against the dataset), the split rule (time cut-offs from the dataset's profile, to the
 * percentile) and how rows are filtered.
 */
export async function buildPreprocessWork(
  store: ArtifactStore,
  dataset: DatasetRecord,
  payload: StagePayload<'preprocess'>,
  plan: TransformPlan,
  maxRecordBytes: number,
): Promise<PreprocessWork> {
  const columns = dataset.columns.map((column) => column.name);
  if (!columns.includes(payload.targetColumn)) {
    throw new InvalidArgumentError('target_column', `"${payload.targetColumn}" is not a column of dataset ${dataset.id}; columns are ${columns.join(', ')}`);
  }
  for (const column of plan.columns) {
    if (!columns.includes(column.column)) throw new InvalidArgumentError(`preprocessing.columns["${column.column}"]`, `is not a column of dataset ${dataset.id}`);
  }
  return {
    format: 'aiaas.preprocess-work/v1',
    datasetId: dataset.id,
    raw: dataset.raw,
    dataFormat: dataset.format,
    columns,
    shards: dataset.shards,
    maxRecordBytes,
    targetColumn: payload.targetColumn,
    anomalyPolicy: dataset.anomalyPolicy,
    declared: dataset.schema,
    dropDuplicates: payload.dropDuplicates,
    split: await splitRule(store, dataset, payload, plan.target.task === 'classification'),
    plan,
  };
}
