import { z } from 'zod';

/** Metrics of one epoch by name: loss, accuracy, val_loss, val_accuracy, learning_rate. */
export type EpochMetrics = Readonly<Record<string, number>>;

/** Where a fit is, between epochs: all a resumed fit needs besides the weights. */
export const fitStateSchema = z.object({
  /** Epochs finished. */
  epochsDone: z.number().int().nonnegative(),
  history: z.array(z.record(z.string(), z.number())),
  /** The best value of the early-stopping monitor so far, and its epoch (1-based). */
  best: z.object({ epoch: z.number().int().positive(), value: z.number() }).optional(),
  epochsWithoutImprovement: z.number().int().nonnegative(),
  stoppedEarly: z.boolean(),
  /** Training seconds spent so far, across attempts, for throughput and ETA. */
  seconds: z.number().nonnegative(),
});
export type FitState = z.infer<typeof fitStateSchema>;

/** The state of a fit that has not started. */
export const INITIAL_FIT_STATE: FitState = { epochsDone: 0, history: [], epochsWithoutImprovement: 0, stoppedEarly: false, seconds: 0 };
