import { z } from 'zod';
import { cleaningAccumulatorStateSchema, encodingAccumulatorStateSchema, splitPartSchema, type CleaningFit, type FittedTransform, type TransformFitter } from '@aiaas/data';
import { dropCountsSchema } from './preprocess-work';


/** What a shard task stores: its accumulator (passes 1 and 2) or its written split parts (pass 3). */
export const shardOutputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('clean'), state: cleaningAccumulatorStateSchema }),
  z.object({ kind: z.literal('encode'), state: encodingAccumulatorStateSchema }),
  z.object({
    kind: z.literal('apply'),
    parts: z.object({ train: splitPartSchema, validation: splitPartSchema, test: splitPartSchema }),
    dropped: dropCountsSchema,
  }),
]);
export type StoredShardOutput = z.infer<typeof shardOutputSchema>;

/** Merges the shards' pass-1 accumulators, in shard order, and fits cleaning. */
export function fitCleaningFrom(fitter: TransformFitter, outputs: readonly StoredShardOutput[]): CleaningFit {
  const merged = fitter.createCleaningAccumulator();
  for (const output of outputs) {
    if (output.kind !== 'clean') throw new Error(`expected a cleaning-pass output, got ${output.kind}`);
    merged.merge(fitter.cleaningAccumulatorFromJSON(output.state));
  }
  return fitter.fitCleaning(merged);
}

/** Merges the shards' pass-2 accumulators, in shard order, and fits the transform. */
export function fitTransformFrom(fitter: TransformFitter, cleaning: CleaningFit, outputs: readonly StoredShardOutput[]): FittedTransform {
  const merged = fitter.createEncodingAccumulator(cleaning);
  for (const output of outputs) {
    if (output.kind !== 'encode') throw new Error(`expected an encoding-pass output, got ${output.kind}`);
    merged.merge(fitter.encodingAccumulatorFromJSON(cleaning, output.state));
  }
  return fitter.fitEncoding(cleaning, merged);
}
