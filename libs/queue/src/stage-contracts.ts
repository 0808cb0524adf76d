import { z } from 'zod';
import { tensorOutputSchema, transformPlanSchema } from '@aiaas/data';
import { trainingSpecSchema, tuningSpecSchema } from '@aiaas/model-spec';
import type { StageName } from '@aiaas/registry';
import { artifactRefSchema } from '@aiaas/storage';

/** BullMQ queue of each stage. Workers of a stage consume only their own queue. */
export const QUEUE_NAMES = {
  preprocess: 'preprocess',
  train: 'train',
  evaluate: 'evaluate',
  deploy: 'deploy',
} as const satisfies Record<StageName, string>;

/** Name of every BullMQ job of a stage (queues hold one kind of job each). */
export const JOB_NAMES = {
  preprocess: 'preprocess-dataset',
  train: 'train-model',
  evaluate: 'evaluate-model',
  deploy: 'deploy-model',
} as const satisfies Record<StageName, string>;

/** The tenant of work started without one (until API keys say whose a request is). */
export const DEFAULT_TENANT = 'default';

/** Whose work a job is; limits (such as concurrent search trials) apply per tenant. */
export const tenantSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a tenant id: 1-64 letters, digits, "_" or "-"');

const jobId = z.string().regex(/^job_[A-Za-z0-9]+$/, 'expected a job id such as job_3f9a…');

/** What each stage is given and what it hands to the next, validated on both ends. */
export const STAGE_CONTRACTS = {
  preprocess: {
    payload: z.object({
      jobId,
      datasetId: z.string().min(1),
      targetColumn: z.string().min(1),
      split: z.object({
        strategy: z.enum(['ratio', 'time', 'group']),
        testFraction: z.number().gt(0).lte(0.9),
        validationFraction: z.number().min(0).max(0.5),
        seed: z.number().int().nonnegative(),
        /** The time or group column. */
        column: z.string().optional(),
      }),
      /** Drop rows that repeat an earlier row (within a shard). */
      dropDuplicates: z.boolean(),
      /** How columns are cleaned and encoded, validated when the pipeline is started. */
      plan: transformPlanSchema,
    }),
    result: z.object({
      datasetId: z.string(),
      targetColumn: z.string(),
      task: z.enum(['classification', 'regression', 'sequence']),
      /** Class labels in index order; empty for regression. */
      classLabels: z.array(z.string()),
      inputColumns: z.array(z.string()),
      outputs: z.array(tensorOutputSchema),
      /** Width of the dense `features` output; 0 when there is none. */
      featureCount: z.number().int().nonnegative(),
      trainRows: z.number().int().positive(),
      validationRows: z.number().int().nonnegative(),
      testRows: z.number().int().positive(),
      /** Rows left out, and why. */
      dropped: z.object({
        missingTarget: z.number().int().nonnegative(),
        anomalies: z.number().int().nonnegative(),
        duplicates: z.number().int().nonnegative(),
        missingSplitKey: z.number().int().nonnegative(),
      }),
      transform: artifactRefSchema,
      splits: artifactRefSchema,
    }),
  },
  train: {
    payload: z.object({
      jobId,
      modelName: z.string().min(1),
      tenant: tenantSchema,
      training: trainingSpecSchema,
      /** A hyper-parameter search around `training`: its best trial becomes the version. */
      tuning: tuningSpecSchema.optional(),
    }),
    result: z.object({ modelName: z.string(), version: z.number().int().positive() }),
  },
  evaluate: {
    payload: z.object({
      jobId,
      minAccuracy: z.number().min(0).max(1),
      /** Columns to slice the test metrics by. */
      sliceColumns: z.array(z.string().min(1)).max(16).default([]),
      /** Bounds the candidate's test metrics must meet. */
      thresholds: z.array(z.object({ metric: z.string().min(1), min: z.number().optional(), max: z.number().optional() })).default([]),
      /** How much worse than production the candidate may be, per metric, on the same rows. */
      maxRegression: z.array(z.object({ metric: z.string().min(1), tolerance: z.number().min(0) })).default([]),
    }),
    result: z.object({ modelName: z.string(), version: z.number().int().positive(), blessed: z.boolean(), reason: z.string() }),
  },
  deploy: {
    payload: z.object({ jobId, alias: z.string().min(1) }),
    result: z.object({ modelName: z.string(), version: z.number().int().positive(), alias: z.string() }),
  },
} as const satisfies Record<StageName, { payload: z.ZodType; result: z.ZodType }>;

export type StagePayload<S extends StageName> = z.infer<(typeof STAGE_CONTRACTS)[S]['payload']>;
export type StageResult<S extends StageName> = z.infer<(typeof STAGE_CONTRACTS)[S]['result']>;

/** The stage whose result a stage consumes (its only child in the flow). */
export const PREVIOUS_STAGE = {
  train: 'preprocess',
  evaluate: 'train',
  deploy: 'evaluate',
} as const satisfies Partial<Record<StageName, StageName>>;

export type StageWithPrevious = keyof typeof PREVIOUS_STAGE;
