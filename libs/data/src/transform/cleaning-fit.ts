import { z } from 'zod';
import { distinctStringsSchema } from './distinct-strings';
import { textNormalizationSchema } from './transform-plan';

/** Bounds present values are clipped to before scaling. */
export const clipBoundsSchema = z
  .object({
    /** Values below become this. */
    lower: z.number(),
    /** Values above become this. */
    upper: z.number(),
  })
  .refine((bounds) => bounds.lower <= bounds.upper, { message: 'lower must not exceed upper' });
/** Fitted clip bounds. */
export type ClipBounds = z.infer<typeof clipBoundsSchema>;

/** The fitted target: classification classes in output order (byte order), regression, or a sequence target's vocabulary. */
export const fittedTargetSchema = z.discriminatedUnion('task', [
  z.object({
    /** Column name in the dataset. */
    column: z.string(),
    task: z.literal('classification'),
    /** Class labels; a label's position is its int32 class index. */
    classes: z.array(z.string()).min(2),
  }),
  z.object({
    /** Column name in the dataset. */
    column: z.string(),
    task: z.literal('regression'),
  }),
  z.object({
    /** Column name in the dataset. */
    column: z.string(),
    task: z.literal('sequence'),
    /**
     * Kept target tokens, most frequent in training first (ties in byte order); token i has id
     * `TARGET_TOKENS.firstWord + i`, below which sit padding, out-of-vocabulary, start and end.
     */
    vocabulary: distinctStringsSchema,
    /** How target text is normalised before tokenising, as for text columns. */
    normalization: textNormalizationSchema,
    /** Token ids per label, the end token included. */
    sequenceLength: z.number().int().min(2),
    /** False when counting had to prune (the vocabulary is then approximate). */
    exactCounts: z.boolean(),
  }),
]);
/** A fitted target. */
export type FittedTarget = z.infer<typeof fittedTargetSchema>;

/** What pass 1 fixed for one column. */
export const columnCleaningSchema = z.object({
  /** Column name in the dataset. */
  column: z.string(),
  /**
   * What a missing cell becomes: a number (numeric; timestamps in epoch seconds), a boolean, or a
   * category. Absent when missing cells stay missing (categorical `none`, text, id).
   */
  impute: z.union([z.number(), z.boolean(), z.string()]).optional(),
  /** Clip bounds of present numeric/timestamp values; absent when the plan does not clip. */
  clip: clipBoundsSchema.optional(),
});
/** What pass 1 fixed for one column. */
export type ColumnCleaning = z.infer<typeof columnCleaningSchema>;

/**
 * The result of the cleaning pass (pass 1): imputation values and clip bounds fitted on the
 * training rows, the target's classes seen over all rows, or a sequence target's vocabulary
 * counted on the training rows. Pass 2 and the final transform
 * build on it; it is JSON, so it can be handed to shard jobs.
 */
export const cleaningFitSchema = z.object({
  format: z.literal('aiaas.transform-cleaning/v2'),
  /** One entry per planned column, in plan order. */
  columns: z.array(columnCleaningSchema),
  /** The fitted target. */
  target: fittedTargetSchema,
});
/** A validated pass-1 result. */
export type CleaningFit = z.infer<typeof cleaningFitSchema>;
