import type { ModelVersion } from './api-types.js';

export interface NamedMetric {
  readonly name: string;
  readonly value: number;
}

/** The held-out metrics of a version, headline first: what the task is judged by. */
export function versionMetrics(version: ModelVersion): NamedMetric[] {
  if (version.metrics && version.task !== 'regression' && version.task !== 'sequence') {
    return [
      { name: 'accuracy', value: version.metrics.accuracy },
      { name: 'macro F1', value: version.metrics.macro_f1 },
    ];
  }
  if (version.regression_metrics) {
    const { rmse, mae, r2 } = version.regression_metrics;
    return [
      { name: 'RMSE', value: rmse },
      { name: 'MAE', value: mae },
      { name: 'R²', value: r2 },
    ];
  }
  if (version.sequence_metrics) {
    const { bleu, exact_match, token_accuracy } = version.sequence_metrics;
    return [
      { name: 'BLEU', value: bleu },
      { name: 'exact match', value: exact_match },
      { name: 'token accuracy', value: token_accuracy },
    ];
  }
  return [];
}

/** Rows of the test split the metrics were computed on; 0 when not evaluated. */
export function testRows(version: ModelVersion): number {
  return version.metrics?.test_rows || version.regression_metrics?.test_rows || version.sequence_metrics?.test_rows || 0;
}
