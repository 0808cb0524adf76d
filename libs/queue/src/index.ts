/**
 * The pipeline's queues: names, the payload and result contracts of each stage (validated
 * where they are produced and where they are consumed), the launcher that starts a pipeline as
 * one BullMQ flow, and the worker that runs a stage with tracking, retries and permanent
 * failures. A stage can fan work out as child tasks of its job (`waitForChildren`, e.g. one per
 * shard of a dataset) that a `TaskWorker` on any replica runs; the stage resumes at its next
 * step once they have all finished.
 *
 * @example
 * ```ts
 * import { StageWorker } from '@aiaas/queue';
 * const worker = new StageWorker({
 *   stage: 'evaluate', connection, prefix: 'aiaas', concurrency: 2, tracker, logger,
 *   process: async ({ payload, previousResult }) => ({ result: await evaluate(await previousResult(), payload), summary: 'accuracy 0.97' }),
 * });
 * ```
 */
export { PipelineLauncher } from './pipeline-launcher';
export type { PipelineJobOptions, PipelinePayloads } from './pipeline-launcher';
export { DEFAULT_TENANT, JOB_NAMES, PREVIOUS_STAGE, QUEUE_NAMES, STAGE_CONTRACTS, tenantSchema } from './stage-contracts';
export type { StagePayload, StageResult, StageWithPrevious } from './stage-contracts';
export { QueueMetrics } from './queue-metrics';
export type { AttemptOutcome } from './queue-metrics';
export { StageWorker } from './stage-worker';
export type { JobStep, StageContext, StageOutcome, StageWorkerOptions, StageWorkerStats, TaskJob } from './stage-worker';
export { SHARD_PHASES, TASK_CONTRACTS } from './task-contracts';
export type { ShardPhase, TaskName, TaskPayload, TaskResult } from './task-contracts';
export { PostponeTask, TaskWorker } from './task-worker';
export { TenantSlots } from './tenant-slots';
export type { SlotLease } from './tenant-slots';
export type { TaskContext, TaskWorkerOptions } from './task-worker';
export { toWorkerInfo } from './worker-info';
export { openWorkerResources } from './worker-resources';
export type { ClosesOnShutdown, WorkerResources } from './worker-resources';
