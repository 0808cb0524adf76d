import { z } from 'zod';
import { trainingSpecSchema } from '@aiaas/model-spec';
import { fitSummarySchema, kernelPreflightSchema, modelInputSchema, onnxExportSchema, type StageName } from '@aiaas/registry';
import { artifactRefSchema } from '@aiaas/storage';
import { STAGE_CONTRACTS, tenantSchema } from './stage-contracts';

const jobId = z.string().regex(/^job_[A-Za-z0-9]+$/, 'expected a job id such as job_3f9a…');

/** The passes a sharded preprocessing run makes over every shard, in order. */
export const SHARD_PHASES = ['clean', 'encode', 'apply'] as const;
export type ShardPhase = (typeof SHARD_PHASES)[number];

/**
 * Child tasks that stages fan out to other replicas: their queue, job name, the stage whose
 * failure a failed task is, and payload/result contracts validated on both ends.
 */
export const TASK_CONTRACTS = {
  preprocessShard: {
    queue: 'preprocess-shard',
    jobName: 'preprocess-shard',
    stage: 'preprocess' as StageName,
    payload: z.object({
      jobId,
      shardIndex: z.number().int().nonnegative(),
      phase: z.enum(SHARD_PHASES),
      /** JSON artifact describing the work: the plan and what earlier phases fitted. */
      work: artifactRefSchema,
    }),
    result: z.object({
      shardIndex: z.number().int().nonnegative(),
      phase: z.enum(SHARD_PHASES),
      /** JSON artifact with the shard's output: accumulators, or written split parts. */
      output: artifactRefSchema,
    }),
  },
  trainTrial: {
    queue: 'train-trial',
    jobName: 'train-trial',
    stage: 'train' as StageName,
    payload: z.object({
      jobId,
      /** Whose search it is: trials running at once are limited per tenant. */
      tenant: tenantSchema,
      /** Position of the trial in the search, from 0. */
      trial: z.number().int().nonnegative(),
      /** Successive-halving rung, from 0 (always 0 for grid and random searches). */
      rung: z.number().int().nonnegative(),
      /** The searched values this trial tries, by parameter. */
      parameters: z.record(z.string(), z.union([z.number(), z.string()])),
      /** The base spec with the parameters applied; `epochs` is the total the trial trains to by this rung's end. */
      training: trainingSpecSchema,
      /** What preprocessing produced (references only). */
      processed: STAGE_CONTRACTS.preprocess.result,
      /** The checkpoint the trial's previous rung ended with, to carry on from. */
      resumeFrom: artifactRefSchema.optional(),
      /** The metric the search ranks trials by. */
      objective: z.enum(['val_loss', 'val_accuracy', 'loss', 'accuracy']),
    }),
    result: z.object({
      trial: z.number().int().nonnegative(),
      rung: z.number().int().nonnegative(),
      parameters: z.record(z.string(), z.union([z.number(), z.string()])),
      /** The search's objective metric at the trial's kept epoch. */
      objective: z.number(),
      fit: fitSummarySchema,
      preflight: kernelPreflightSchema,
      /** The trained model (topology and weights) and how to feed and read it. */
      model: z.object({ topology: artifactRefSchema, weights: artifactRefSchema }),
      /** The model as ONNX, or why it has none. */
      onnx: onnxExportSchema,
      head: z.enum(['softmax', 'sigmoid', 'linear', 'token-softmax']),
      labels: z.enum(['class-index', 'value', 'interaction', 'token-sequence']),
      inputs: z.array(modelInputSchema).min(1),
      /** Where training stopped, for the next rung. */
      checkpoint: artifactRefSchema,
    }),
  },
} as const;

export type TaskName = keyof typeof TASK_CONTRACTS;
export type TaskPayload<T extends TaskName> = z.infer<(typeof TASK_CONTRACTS)[T]['payload']>;
export type TaskResult<T extends TaskName> = z.infer<(typeof TASK_CONTRACTS)[T]['result']>;
