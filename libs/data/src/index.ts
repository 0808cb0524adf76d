/**
 * Tabular data shared by preprocessing, training, evaluation and inference: how raw cells are
 * read, the fitted transform (standardise numbers, one-hot categories) that both training and
 * serving apply, and the stored train/test splits.
 *
 * @example
 * ```ts
 * import { applyTransform, fitTransform } from '@aiaas/data';
 * const transform = fitTransform({ header: ['x', 'y'], types: new Map([['x', 'numeric']]), targetColumn: 'y', classes: ['a', 'b'], rows: [['1', 'a'], ['3', 'b']] });
 * const features = applyTransform(transform, [{ x: 2 }], (row, column) => row[column as 'x'], (i, c) => `records[${i}].${c}`);
 * // Float32Array [0]
 * ```
 */
export { COLUMN_TYPES } from './column-types';
export type { ColumnTypeName } from './column-types';
export { applyTransform, featureTransformSchema, featureWidth, fittedTransformSchema, fitTransform, inputColumns } from './fitted-transform';
export type { FeatureTransform, FitOptions, FittedTransform, ValueReader } from './fitted-transform';
export { loadSplit, loadSplitsManifest, splitsManifestSchema, storeSplits } from './processed-splits';
export type { Split, SplitsManifest } from './processed-splits';
export {
  ANOMALY_KINDS,
  ANOMALY_POLICIES,
  anomalySchema,
  columnStatisticsSchema,
  datasetProfileSchema,
  declaredColumnSchema,
  STATISTICS_QUANTILES,
} from './dataset-schema';
export type { Anomaly, AnomalyKind, AnomalyPolicy, ColumnStatistics, DatasetProfile, DeclaredColumn } from './dataset-schema';
export { QuantileSketch, quantileSketchStateSchema } from './quantile-sketch';
export type { QuantileSketchState } from './quantile-sketch';
export { categoryOf, isMissing, MISSING_TOKENS, parseBoolean, parseNumber, parseTimestamp } from './raw-values';
export type { PresentValue, RawValue } from './raw-values';
export { RunningMoments, runningMomentsStateSchema } from './running-moments';
export type { RunningMomentsState } from './running-moments';
export { createSeededRandom, shuffleInPlace } from './seeded-random';
