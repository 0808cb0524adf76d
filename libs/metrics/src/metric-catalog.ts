/** What a model's evaluation measures, by what it predicts. */
export type MetricFamily = 'classification' | 'regression' | 'ranking' | 'sequence';

/** How to read a metric: which way is better, and what it measures. */
export interface MetricDefinition {
  readonly family: MetricFamily;
  readonly higherIsBetter: boolean;
  readonly description: string;
}

const classification = (higherIsBetter: boolean, description: string): MetricDefinition => ({ family: 'classification', higherIsBetter, description });
const regression = (higherIsBetter: boolean, description: string): MetricDefinition => ({ family: 'regression', higherIsBetter, description });
const ranking = (description: string): MetricDefinition => ({ family: 'ranking', higherIsBetter: true, description });
const sequence = (description: string): MetricDefinition => ({ family: 'sequence', higherIsBetter: true, description });

/**
 * Every metric an evaluation reports, by the name thresholds, tolerances, slices and reports
 * use. Ranking metrics are at the evaluation's cut-off k (10).
 */
export const METRIC_CATALOG = {
  accuracy: classification(true, 'share of rows whose most probable class is the true one'),
  balanced_accuracy: classification(true, 'mean recall over the classes present in the rows'),
  macro_precision: classification(true, 'unweighted mean of per-class precision'),
  macro_recall: classification(true, 'unweighted mean of per-class recall'),
  macro_f1: classification(true, 'unweighted mean of per-class F1'),
  micro_f1: classification(true, 'F1 over all rows (equals accuracy for single-label classes)'),
  weighted_f1: classification(true, 'per-class F1 weighted by support'),
  roc_auc: classification(true, 'area under the ROC curve (one-vs-rest macro for more than two classes)'),
  pr_auc: classification(true, 'average precision (one-vs-rest macro for more than two classes)'),
  log_loss: classification(false, 'mean negative log-likelihood of the true class'),
  brier: classification(false, 'mean squared error of the probabilities (of class 1 for two classes)'),
  ece: classification(false, 'expected calibration error over 10 confidence bins'),
  top_3_accuracy: classification(true, 'share of rows whose true class is among the 3 most probable'),
  mse: regression(false, 'mean squared error'),
  rmse: regression(false, 'root mean squared error'),
  mae: regression(false, 'mean absolute error'),
  mape: regression(false, 'mean absolute percentage error, as a fraction'),
  r2: regression(true, 'coefficient of determination'),
  explained_variance: regression(true, 'explained variance score'),
  precision_at_k: ranking("share of a user's top k that they interacted with"),
  recall_at_k: ranking("share of a user's held-out interactions found in their top k"),
  ndcg_at_k: ranking('normalised discounted cumulative gain of the top k'),
  map_at_k: ranking('mean average precision of the top k'),
  mrr: ranking('mean reciprocal rank of the first hit in the top k'),
  hit_rate: ranking('share of users with at least one hit in their top k'),
  coverage: ranking('share of the catalogue recommended to anyone'),
  bleu: sequence('corpus BLEU-4 with the brevity penalty'),
  exact_match: sequence('share of rows decoded exactly'),
  token_accuracy: sequence('share of reference positions decoded right'),
} as const satisfies Record<string, MetricDefinition>;

export type MetricName = keyof typeof METRIC_CATALOG;

/** True for a name the catalogue defines. */
export function isMetricName(name: string): name is MetricName {
  return Object.hasOwn(METRIC_CATALOG, name);
}

/** Names of the metrics of the given families, in catalogue order. */
export function metricsOfFamilies(families: readonly MetricFamily[]): MetricName[] {
  return (Object.keys(METRIC_CATALOG) as MetricName[]).filter((name) => families.includes(METRIC_CATALOG[name].family));
}

/** How much worse `candidate` is than `baseline` on `metric` (positive when worse, negative when better). */
export function shortfall(metric: MetricName, candidate: number, baseline: number): number {
  return METRIC_CATALOG[metric].higherIsBetter ? baseline - candidate : candidate - baseline;
}

/**
 * The metric families a model is evaluated with, by what its labels are (as `planTraining` calls
 * them) and whether it is a recommender, whose users also get top-k rankings.
 */
export function metricFamiliesOf(labels: 'class-index' | 'value' | 'interaction' | 'token-sequence', recommender: boolean): MetricFamily[] {
  switch (labels) {
    case 'class-index':
      return ['classification'];
    case 'value':
      return recommender ? ['regression', 'ranking'] : ['regression'];
    case 'interaction':
      return ['classification', 'ranking'];
    case 'token-sequence':
      return ['sequence'];
  }
}
