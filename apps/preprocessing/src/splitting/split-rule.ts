import { z } from 'zod';

const fractions = {
  /** Share of rows (or groups) for validation, in [0, 0.5]. */
  validation: z.number().min(0).max(0.5),
  /** Share of rows (or groups) for test, in (0, 0.9]. */
  test: z.number().gt(0).max(0.9),
};

/**
 * How rows are assigned to splits, resolved before any row is read so that every pass and
 * every shard decides identically:
 * - `ratio`: seeded; stratified by class when `stratify`.
 * - `time`: rows whose time is at or after `testFrom` are test, at or after `validationFrom`
 *   validation, the rest train (cut-offs come from the dataset's profile).
 * - `group`: a seeded hash of the group value decides, so a group never straddles splits.
 */
export const splitRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ratio'), seed: z.number().int().nonnegative(), stratify: z.boolean(), ...fractions }),
  z.object({ kind: z.literal('time'), column: z.string(), validationFrom: z.number(), testFrom: z.number(), ...fractions }),
  z.object({ kind: z.literal('group'), column: z.string(), seed: z.number().int().nonnegative(), ...fractions }),
]);
export type SplitRule = z.infer<typeof splitRuleSchema>;
