/**
 * Model-quality metrics for classification, regression, ranking and sequences, free of
 * TensorFlow.js. Training uses them for progress and evaluation for its reports.
 *
 * Every family is a streaming accumulator: `add` a batch (typed arrays), `merge` accumulators
 * built over other parts of the data (shards, workers, processes), move partial state with
 * `toJSON()` / `fromJSON()`, and read `result()`, a plain JSON object to store as it is. No
 * accumulator keeps one entry per row. Each metric is defined as scikit-learn defines it, edge
 * cases included; where a metric has no value for the data it is `null` and `undefinedMetrics`
 * says why — never NaN. Bad input throws `InvalidArgumentError` naming the field and row;
 * `result()` before any row throws `FailedPreconditionError`.
 *
 * @example
 * ```ts
 * import { ClassificationAccumulator } from '@aiaas/metrics';
 *
 * const shard = new ClassificationAccumulator(3, { topK: [2] });
 * shard.add([0, 2], Float32Array.of(0.7, 0.2, 0.1, 0.1, 0.3, 0.6));
 *
 * // in another process: the same options, then merge the shard's state
 * const total = new ClassificationAccumulator(3, { topK: [2] });
 * total.add([1], Float32Array.of(0.2, 0.5, 0.3));
 * total.merge(ClassificationAccumulator.fromJSON(JSON.parse(JSON.stringify(shard))));
 *
 * const metrics = total.result();
 * metrics.accuracy; // 1
 * metrics.topKAccuracy; // [{ k: 2, accuracy: 1 }]
 * metrics.rocAuc; // 1 (one-vs-rest macro)
 * ```
 */
export { ClassificationAccumulator, DEFAULT_AUC_BINS, DEFAULT_CALIBRATION_BINS, LOG_LOSS_EPS, MAX_CLASSES, ROW_SUM_TOLERANCE } from './classification-metrics';
export type {
  AveragedScores,
  ClassificationAccumulatorOptions,
  ClassificationAccumulatorState,
  ClassificationMetrics,
  ClassMetrics,
  OneVsRestMetrics,
  TopKAccuracy,
} from './classification-metrics';
export type { CalibrationBinsState, CalibrationMetrics, ReliabilityBin } from './calibration-bins';
export { MAX_CURVE_POINTS } from './score-histogram';
export type { PrecisionRecallPoint, RocPoint, ScoreHistogramState } from './score-histogram';
export { MAPE_EPSILON, RegressionAccumulator } from './regression-metrics';
export type { RegressionAccumulatorState, RegressionMetrics } from './regression-metrics';
export { MAX_RANKING_K, RankingAccumulator } from './ranking-metrics';
export type { RankedItem, RankingAccumulatorState, RankingMetrics, Relevance } from './ranking-metrics';
export { SequenceMetricsAccumulator, sequenceMetrics } from './sequence-metrics';
export type { SequenceMetrics, SequenceMetricsAccumulatorState } from './sequence-metrics';
export { isMetricName, METRIC_CATALOG, metricFamiliesOf, metricsOfFamilies, shortfall } from './metric-catalog';
export type { MetricDefinition, MetricFamily, MetricName } from './metric-catalog';
export { classProbabilities } from './class-probabilities';
