import { z } from 'zod';
import { artifactRefSchema } from '@aiaas/storage';
import type { StageName } from '@aiaas/registry';

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
} as const;

export type TaskName = keyof typeof TASK_CONTRACTS;
export type TaskPayload<T extends TaskName> = z.infer<(typeof TASK_CONTRACTS)[T]['payload']>;
export type TaskResult<T extends TaskName> = z.infer<(typeof TASK_CONTRACTS)[T]['result']>;
