import type { ModelVersion } from './api-types.js';

export interface NamedMetric {
  readonly name: string;
  readonly value: number;
  /** Whether a bigger value is better, for a reader comparing versions. */
  readonly higherIsBetter: boolean;
}

/** The held-out metrics of a version, headline first: what the task is judged by. */
export function versionMetrics(version: ModelVersion): NamedMetric[] {
  if (version.metrics && version.task !== 'regression' && version.task !== 'sequence') {
    return [
      { name: 'accuracy', value: version.metrics.accuracy, higherIsBetter: true },
      { name: 'macro F1', value: version.metrics.macro_f1, higherIsBetter: true },
    ];
  }
  if (version.regression_metrics) {
    const { rmse, mae, r2 } = version.regression_metrics;
    return [
      { name: 'RMSE', value: rmse, higherIsBetter: false },
      { name: 'MAE', value: mae, higherIsBetter: false },
      { name: 'R²', value: r2, higherIsBetter: true },
    ];
  }
  if (version.sequence_metrics) {
    const { bleu, exact_match, token_accuracy } = version.sequence_metrics;
    return [
      { name: 'BLEU', value: bleu, higherIsBetter: true },
      { name: 'exact match', value: exact_match, higherIsBetter: true },
      { name: 'token accuracy', value: token_accuracy, higherIsBetter: true },
    ];
  }
  return [];
}

/** Rows of the test split the metrics were computed on; 0 when not evaluated. */
export function testRows(version: ModelVersion): number {
  return version.metrics?.test_rows || version.regression_metrics?.test_rows || version.sequence_metrics?.test_rows || 0;
}
