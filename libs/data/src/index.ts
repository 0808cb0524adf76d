/**
 * Data shared by preprocessing, training, evaluation and inference: how raw cells are read
 * (six column types), the dataset profile contract, mergeable statistics (quantile sketch,
 * moments, bounded counters), the transform — planned, fitted in mergeable passes on the
 * training split, stored, and applied by one encoder in training and in serving — and the
 * stored train/validation/test splits.
 *
 * @example
 * ```ts
 * import { defaultColumnPlan, encodeRecords, TransformFitter } from '@aiaas/data';
 * const fitter = new TransformFitter({ columns: [defaultColumnPlan('x', 'numeric')], target: { column: 'y', task: 'classification' } });
 * const rows = [{ x: 1, y: 'a' }, { x: 3, y: 'b' }];
 * const transform = fitter.fit(() => rows.map((row) => ({ row: { read: (c) => row[c as 'x'], describe: (c) => c }, isTrain: true })));
 * encodeRecords(transform, [{ x: 2 }], (row, column) => row[column as 'x'], (i, c) => `records[${i}].${c}`).tensors.features;
 * // Float32Array [0]
 * ```
 */
export { COLUMN_TYPES } from './column-types';
export type { ColumnTypeName } from './column-types';
export {
  classificationSplitData,
  denseOutputs,
  loadSplit,
  loadSplitsManifest,
  SplitPartWriter,
  SPLITS,
  splitsManifestSchema,
  storeSplits,
  storeSplitsManifest,
} from './processed-splits';
export type { SplitData, SplitName, SplitPart, SplitsManifest, SplitsManifestInput } from './processed-splits';
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
export { createSeededRandom, shuffleInPlace } from './seeded-random';
// v2 transform: plan → two mergeable fitting passes → fitted artifact → encoder. The v2 artifact
// schema and type are exported as fittedTransformSchema / FittedTransform while v1 keeps the
// unsuffixed names. Its outputs are `TensorOutput`s (exported above from processed-splits; the
// transform's own schema is structurally identical). For example:
//   const records = [{ x: 1, y: 'a' }, { x: 3, y: 'b' }];
//   const fitter = new TransformFitter({ columns: [{ column: 'x', type: 'numeric' }], target: { column: 'y', task: 'classification' } });
//   const transform = fitter.fit(() => records.map((r, i) => ({ row: { read: (c) => r[c as 'x'], describe: (c) => `row ${i + 1}, column "${c}"` }, isTrain: true })));
//   encodeRecords(transform, [{ x: 2 }], (r, c) => r[c as 'x'], (i, c) => `records[${i}].${c}`).tensors.features; // Float32Array [0]
export { BoundedCounter, boundedCounterStateSchema, DEFAULT_COUNTER_CAPACITY } from './transform/bounded-counter';
export type { BoundedCounterState } from './transform/bounded-counter';
export { CleaningAccumulator, cleaningAccumulatorStateSchema } from './transform/cleaning-accumulator';
export type { CleaningAccumulatorState, ColumnCleaningStatistics } from './transform/cleaning-accumulator';
export { cleaningFitSchema, clipBoundsSchema, columnCleaningSchema, fittedTargetSchema } from './transform/cleaning-fit';
export type { CleaningFit, ClipBounds, ColumnCleaning, FittedTarget } from './transform/cleaning-fit';
export { compareByteOrder } from './transform/compare-byte-order';
export { EncodingAccumulator, encodingAccumulatorStateSchema } from './transform/encoding-accumulator';
export type { ColumnEncodingStatistics, EncodingAccumulatorState } from './transform/encoding-accumulator';
export { ExactMoments, exactMomentsStateSchema } from './transform/exact-moments';
export type { ExactMomentsState } from './transform/exact-moments';
export {
  columnEncoderSchema,
  denseWidth,
  FITTED_TRANSFORM_FORMAT,
  fittedTransformSchema,
  outputsOf,
  TENSOR_DTYPES,
  tensorOutputSchema,
} from './transform/fitted-transform';
export type { ColumnEncoder, FittedTransform, TensorDtype, TensorOutput } from './transform/fitted-transform';
export type { RowReader } from './transform/row-reader';
export { TextNormalizer, tokenize } from './transform/text-normalizer';
export { createEncodedBatch, encodeRecords, TransformEncoder } from './transform/transform-encoder';
export type { EncodedBatch } from './transform/transform-encoder';
export { TransformFitter } from './transform/transform-fitter';
export type { FitRow, TransformFitterOptions } from './transform/transform-fitter';
export {
  clippingSchema,
  columnPlanSchema,
  defaultColumnPlan,
  FEATURES_OUTPUT,
  imputationSchema,
  parseTransformPlan,
  targetPlanSchema,
  textNormalizationSchema,
  transformPlanSchema,
} from './transform/transform-plan';
export type {
  BooleanColumnPlan,
  CategoricalColumnPlan,
  Clipping,
  ColumnPlan,
  IdColumnPlan,
  Imputation,
  NumericColumnPlan,
  TargetPlan,
  TextColumnPlan,
  TextNormalization,
  TimestampColumnPlan,
  TransformPlan,
  TransformPlanInput,
} from './transform/transform-plan';
