import { isMetricName, METRIC_CATALOG } from '@aiaas/metrics';
import type { EvaluationSummary, ModelVersionRecord } from '@aiaas/registry';
import { putJson, type ArtifactRef, type ArtifactStore } from '@aiaas/storage';
import { renderReportHtml, type ReportData } from './report';
import type { VersionEvaluation } from './scoring/evaluate-version';

/** Format tag of the stored JSON report. */
export const REPORT_FORMAT = 'aiaas.evaluation-report/v1';

/** The headline table's metrics, in display order, for each kind of model. */
const HEADLINE_METRICS = [
  'accuracy',
  'balanced_accuracy',
  'macro_f1',
  'roc_auc',
  'pr_auc',
  'log_loss',
  'brier',
  'ece',
  'rmse',
  'mae',
  'mape',
  'r2',
  'explained_variance',
  'ndcg_at_k',
  'precision_at_k',
  'recall_at_k',
  'map_at_k',
  'mrr',
  'hit_rate',
  'coverage',
  'bleu',
  'exact_match',
  'token_accuracy',
] as const;

const TASKS = { 'class-index': 'classification', interaction: 'classification', value: 'regression', 'token-sequence': 'sequence' } as const;

/** What the report page shows of a version's evaluation. */
export function reportDataOf(
  record: ModelVersionRecord,
  evaluation: VersionEvaluation,
  where: { readonly datasetId: string; readonly split: 'test' | 'all'; readonly verdict?: { readonly blessed: boolean; readonly reason: string } },
): ReportData {
  const { comparison, values } = evaluation;
  const shown = HEADLINE_METRICS.filter((name) => name in values.metrics || name in values.undefinedMetrics);
  return {
    model: { name: record.modelName, version: record.version, task: TASKS[record.labels], family: record.training.model.family, createdAt: record.createdAt },
    dataset: { id: where.datasetId, split: where.split, rows: evaluation.rows },
    ...(where.verdict ? { verdict: where.verdict } : {}),
    headline: shown.map((name) => ({
      name,
      value: values.metrics[name] ?? null,
      ...(comparison ? { baseline: comparison.baseline[name] ?? null } : {}),
      higherIsBetter: isMetricName(name) ? METRIC_CATALOG[name].higherIsBetter : true,
    })),
    ...(comparison ? { baselineVersion: comparison.baselineVersion } : {}),
    ...evaluation.task.report,
    training: { loss: record.fit.lossHistory, validationLoss: record.fit.validationLossHistory },
    ...(evaluation.slices.length > 0 ? { slices: evaluation.slices } : {}),
  };
}

/** Stores the report as JSON (everything it shows, and every metric) and as the rendered page. */
export async function storeReport(store: ArtifactStore, data: ReportData, evaluation: VersionEvaluation): Promise<{ json: ArtifactRef; html: ArtifactRef }> {
  const json = {
    format: REPORT_FORMAT,
    report: data,
    metrics: evaluation.values.metrics,
    undefinedMetrics: evaluation.values.undefinedMetrics,
    rows: evaluation.rows,
    skippedRows: evaluation.skippedRows,
    slices: evaluation.slices,
    ...(evaluation.comparison ? { comparison: evaluation.comparison } : {}),
  };
  const [stored, page] = await Promise.all([putJson(store, json), store.put(renderReportHtml(data))]);
  return { json: stored.ref, html: page.ref };
}

/**
 * Renders and stores the report of `evaluation` (of `record` on `where`'s dataset and split),
 * and returns the summary the registry keeps: every metric, slices, the comparison and the
 * report's artifacts.
 */
export async function summarise(
  store: ArtifactStore,
  record: ModelVersionRecord,
  evaluation: VersionEvaluation,
  where: Parameters<typeof reportDataOf>[2] & { readonly evaluatedAt: number },
): Promise<EvaluationSummary> {
  const report = await storeReport(store, reportDataOf(record, evaluation, where), evaluation);
  return {
    datasetId: where.datasetId,
    split: where.split,
    rows: evaluation.rows,
    skippedRows: evaluation.skippedRows,
    metrics: evaluation.values.metrics,
    undefinedMetrics: evaluation.values.undefinedMetrics,
    slices: evaluation.slices,
    ...(evaluation.comparison ? { comparison: evaluation.comparison } : {}),
    report,
    evaluatedAt: where.evaluatedAt,
  };
}
