import { z } from 'zod';
import { COLUMN_TYPES } from './column-types';

/** What a user may declare about a column instead of letting ingestion infer it. */
export const declaredColumnSchema = z.object({
  name: z.string().min(1),
  type: z.enum(COLUMN_TYPES),
  /** A missing value in this column is an anomaly. */
  required: z.boolean().default(false),
  /** Numeric (and timestamp, in ms since the epoch) values below this are anomalies. */
  min: z.number().optional(),
  /** Numeric (and timestamp, in ms since the epoch) values above this are anomalies. */
  max: z.number().optional(),
  /** The categorical domain: any other value is an anomaly. Empty means any value. */
  categories: z.array(z.string()).default([]),
  /** More missing values than this fraction of rows is a column-level anomaly. */
  maxMissingFraction: z.number().min(0).max(1).optional(),
});
export type DeclaredColumn = z.infer<typeof declaredColumnSchema>;

/**
 * What happens to rows with anomalies: `reject` refuses the dataset, `drop` leaves those rows
 * out of preprocessing, `impute` treats the offending cells as missing and imputes them.
 */
export const ANOMALY_POLICIES = ['reject', 'drop', 'impute'] as const;
export type AnomalyPolicy = (typeof ANOMALY_POLICIES)[number];

export const ANOMALY_KINDS = ['type-mismatch', 'unseen-category', 'out-of-range', 'missing-value', 'missing-rate'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

/** Quantiles reported for numeric columns: every percentile, 0 to 100. */
export const STATISTICS_QUANTILES: readonly number[] = Array.from({ length: 101 }, (_, index) => index / 100);

export const columnStatisticsSchema = z.object({
  name: z.string(),
  type: z.enum(COLUMN_TYPES),
  /** True when the type was inferred rather than declared. */
  inferred: z.boolean(),
  /** Rows, missing or not. */
  count: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  /** Distinct present values: exact up to a limit, then a HyperLogLog estimate. */
  distinct: z.object({ count: z.number().int().nonnegative(), exact: z.boolean() }),
  /** Most frequent present values, most frequent first (at most 10). Counts are exact when `exact`. */
  topValues: z.object({
    exact: z.boolean(),
    values: z.array(z.object({ value: z.string(), count: z.number().int().nonnegative() })),
  }),
  /** For numeric and timestamp (ms since the epoch) columns. */
  numeric: z
    .object({
      min: z.number(),
      max: z.number(),
      mean: z.number(),
      /** Population standard deviation. */
      std: z.number(),
      zeros: z.number().int().nonnegative(),
      /** Values at STATISTICS_QUANTILES, from a sketch with under 1% rank error. */
      quantiles: z.array(z.number()),
    })
    .optional(),
  /** For boolean columns. */
  boolean: z.object({ trueCount: z.number().int().nonnegative(), falseCount: z.number().int().nonnegative() }).optional(),
  /** For text, categorical and id columns: lengths in characters. */
  text: z
    .object({
      minLength: z.number().int().nonnegative(),
      maxLength: z.number().int().nonnegative(),
      meanLength: z.number().nonnegative(),
      meanTokens: z.number().nonnegative(),
      /** Buckets [lower, upper) of length in characters: [0,1), [1,2), [2,4), [4,8), … */
      lengthHistogram: z.array(z.object({ lower: z.number().int(), upper: z.number().int(), count: z.number().int().nonnegative() })),
    })
    .optional(),
});
export type ColumnStatistics = z.infer<typeof columnStatisticsSchema>;

export const anomalySchema = z.object({
  column: z.string(),
  kind: z.enum(ANOMALY_KINDS),
  /** Rows affected (for `missing-rate`, the missing rows). */
  count: z.number().int().nonnegative(),
  /** The first affected data rows, 1-based (the header is not a row). At most 10. */
  rows: z.array(z.number().int().positive()),
  /** A few distinct offending values as written. At most 5. */
  examples: z.array(z.string()),
  /** One sentence a person can act on. */
  description: z.string(),
});
export type Anomaly = z.infer<typeof anomalySchema>;

/** Everything ingestion learned about a dataset's contents; stored with it as an artifact. */
export const datasetProfileSchema = z.object({
  format: z.literal('aiaas.dataset-profile/v1'),
  rowCount: z.number().int().nonnegative(),
  columns: z.array(columnStatisticsSchema),
  anomalies: z.array(anomalySchema),
  /** Data rows with at least one anomaly. */
  rowsWithAnomalies: z.number().int().nonnegative(),
});
export type DatasetProfile = z.infer<typeof datasetProfileSchema>;
