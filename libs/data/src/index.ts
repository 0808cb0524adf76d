/**
 * Data shared by preprocessing, training, evaluation and inference: how raw cells are read
 * (six column types), the dataset profile contract, mergeable statistics (quantile sketch,
 * moments, bounded counters), the transform — planned, fitted in mergeable passes on the
 * training split, stored, and applied by one encoder in training and in serving — the
 * stored train/validation/test splits, and reading a dataset's rows from its CSV or JSONL bytes.
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
  splitPartSchema,
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
export { DatasetRowReader, validateHeader } from './reading/dataset-row-reader';
export type { DataFormat, RowReaderOptions } from './reading/dataset-row-reader';
export { FILE_START } from './reading/parsed-row';
export type { ParsedRow, ReadStart } from './reading/parsed-row';
export { QuantileSketch } from './quantile-sketch';
export type { QuantileSketchState } from './quantile-sketch';
export { categoryOf, isMissing, MISSING_TOKENS, parseBoolean, parseNumber, parseTimestamp } from './raw-values';
export type { PresentValue, RawValue } from './raw-values';
export { InteractionSampler } from './interaction-sampler';
export type { KnownPairs, LabelledPairs } from './interaction-sampler';
export { createSeededRandom, mixHash32, shuffleInPlace } from './seeded-random';
// The transform: plan → two mergeable fitting passes (accumulator states travel between shard
// processes as JSON) → the fitted artifact → one encoder for training and serving, and the
// codec of a sequence target's token ids. The accumulators, counters and text normaliser stay
// internal to it.
export { cleaningAccumulatorStateSchema } from './transform/cleaning-accumulator';
export type { CleaningAccumulator, CleaningAccumulatorState } from './transform/cleaning-accumulator';
export { cleaningFitSchema } from './transform/cleaning-fit';
export type { CleaningFit, FittedTarget } from './transform/cleaning-fit';
export { encodingAccumulatorStateSchema } from './transform/encoding-accumulator';
export type { EncodingAccumulator, EncodingAccumulatorState } from './transform/encoding-accumulator';
export { ExactMoments } from './transform/exact-moments';
export { fittedTransformSchema, outputContents, tensorOutputSchema } from './transform/fitted-transform';
export type { ColumnEncoder, FittedTransform, OutputContent, TensorDtype, TensorOutput } from './transform/fitted-transform';
export type { RowReader } from './transform/row-reader';
export { createEncodedBatch, encodeRecords, TransformEncoder } from './transform/transform-encoder';
export type { EncodedBatch } from './transform/transform-encoder';
export {
  decodeTargetSequence,
  encodeTargetSequence,
  TARGET_TOKENS,
  TargetSequenceCodec,
  targetSequenceShape,
  UNKNOWN_TARGET_WORD,
} from './transform/target-sequence';
export type { SequenceTarget, TargetSequenceShape } from './transform/target-sequence';
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
