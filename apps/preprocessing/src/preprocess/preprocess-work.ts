import { z } from 'zod';
import { ANOMALY_POLICIES, cleaningFitSchema, declaredColumnSchema, fittedTransformSchema, transformPlanSchema } from '@aiaas/data';
import { dataFormatSchema, datasetShardSchema } from '@aiaas/registry';
import { artifactRefSchema } from '@aiaas/storage';
import { splitRuleSchema } from '../splitting/split-rule';

/**
 * Everything a pass over one shard needs, fixed before the first pass so that every pass and
 * every replica reads, filters and splits rows identically. Stored as an artifact for shard
 * tasks; what earlier passes fitted (`cleaning`, `transform`) is added as they finish.
 */
export const preprocessWorkSchema = z.object({
  format: z.literal('aiaas.preprocess-work/v1'),
  datasetId: z.string(),
  raw: artifactRefSchema,
  dataFormat: dataFormatSchema,
  columns: z.array(z.string()),
  shards: z.array(datasetShardSchema).min(1),
  maxRecordBytes: z.number().int().positive(),
  targetColumn: z.string(),
  anomalyPolicy: z.enum(ANOMALY_POLICIES),
  declared: z.array(declaredColumnSchema),
  dropDuplicates: z.boolean(),
  split: splitRuleSchema,
  plan: transformPlanSchema,
  cleaning: cleaningFitSchema.optional(),
  transform: fittedTransformSchema.optional(),
});
export type PreprocessWork = z.infer<typeof preprocessWorkSchema>;

/** Why rows were left out of the splits. */
export interface DropCounts {
  missingTarget: number;
  anomalies: number;
  duplicates: number;
  missingSplitKey: number;
}

export const dropCountsSchema = z.object({
  missingTarget: z.number().int().nonnegative(),
  anomalies: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  missingSplitKey: z.number().int().nonnegative(),
});

export function emptyDropCounts(): DropCounts {
  return { missingTarget: 0, anomalies: 0, duplicates: 0, missingSplitKey: 0 };
}

export function addDropCounts(into: DropCounts, from: DropCounts): void {
  into.missingTarget += from.missingTarget;
  into.anomalies += from.anomalies;
  into.duplicates += from.duplicates;
  into.missingSplitKey += from.missingSplitKey;
}
