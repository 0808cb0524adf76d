import { InvalidArgumentError } from '@aiaas/errors';
import { isMetricName, METRIC_CATALOG, metricFamiliesOf, metricsOfFamilies } from '@aiaas/metrics';
import type { LabelKind, TrainingSpec } from '@aiaas/model-spec';
import type { EvaluationSpec__Output } from '@aiaas/proto';
import type { PipelinePayloads } from '@aiaas/queue';

/** Most slice columns a pipeline may ask for. */
const MAX_SLICE_COLUMNS = 16;

/** The alias a blessed candidate is deployed under, by the request's promotion. */
export function promotionAlias(spec: EvaluationSpec__Output | null): 'production' | 'staging' {
  return spec?.promotion === 'PROMOTION_STAGE_ONLY' ? 'staging' : 'production';
}

/**
 * The evaluate stage's checks from a pipeline request: slice columns of the dataset, thresholds
 * and tolerances on metrics the model will be evaluated with. Each problem is an
 * InvalidArgumentError naming the field.
 */
export function evaluationChecksOf(
  spec: EvaluationSpec__Output | null,
  context: { readonly columns: readonly string[]; readonly targetColumn: string; readonly labels: LabelKind; readonly training: TrainingSpec },
): Omit<PipelinePayloads['evaluate'], 'jobId' | 'minAccuracy'> {
  const available = metricsOfFamilies(metricFamiliesOf(context.labels, context.training.model.family === 'recommender'));
  const checkMetric = (metric: string, field: string) => {
    if (!isMetricName(metric) || !available.includes(metric)) {
      const known = isMetricName(metric) ? `a ${METRIC_CATALOG[metric].family} metric, which this model is not evaluated with` : 'not a metric';
      throw new InvalidArgumentError(field, `"${metric}" is ${known}; this model is evaluated with ${available.join(', ')}`);
    }
  };
  const sliceColumns = spec?.slice_columns ?? [];
  if (sliceColumns.length > MAX_SLICE_COLUMNS) throw new InvalidArgumentError('evaluation.slice_columns', `names ${sliceColumns.length} columns; at most ${MAX_SLICE_COLUMNS}`);
  if (sliceColumns.length > 0 && context.labels === 'interaction') {
    throw new InvalidArgumentError('evaluation.slice_columns', 'an implicit-feedback recommender is scored on test interactions paired with sampled non-interactions, which are not rows of the dataset to slice');
  }
  sliceColumns.forEach((column, index) => {
    const field = `evaluation.slice_columns[${index}]`;
    if (!context.columns.includes(column)) throw new InvalidArgumentError(field, `"${column}" is not a column of the dataset; columns are ${context.columns.join(', ')}`);
    if (column === context.targetColumn) throw new InvalidArgumentError(field, `"${column}" is the target column; slice by a feature`);
    if (sliceColumns.indexOf(column) !== index) throw new InvalidArgumentError(field, `"${column}" is named twice`);
  });
  const thresholds = (spec?.thresholds ?? []).map((threshold, index) => {
    const field = `evaluation.thresholds[${index}]`;
    checkMetric(threshold.metric, `${field}.metric`);
    const { min, max } = threshold;
    if (min === undefined && max === undefined) throw new InvalidArgumentError(field, 'sets neither min nor max');
    if (min !== undefined && max !== undefined && min > max) throw new InvalidArgumentError(`${field}.min`, `${min} is above max ${max}`);
    return { metric: threshold.metric, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
  });
  const maxRegression = (spec?.max_regression ?? []).map((tolerance, index) => {
    const field = `evaluation.max_regression[${index}]`;
    checkMetric(tolerance.metric, `${field}.metric`);
    if (!(tolerance.tolerance >= 0) || !Number.isFinite(tolerance.tolerance)) throw new InvalidArgumentError(`${field}.tolerance`, `must be a finite number of 0 or more, got ${tolerance.tolerance}`);
    return { metric: tolerance.metric, tolerance: tolerance.tolerance };
  });
  return { sliceColumns: [...sliceColumns], thresholds, maxRegression };
}
