/**
 * Test helpers for code built on the queue library: call a stage processor directly, outside
 * BullMQ, and see what it reported.
 *
 * @example
 * ```ts
 * import { createTestStageContext } from '@aiaas/queue/testing';
 * const { context, reports } = createTestStageContext<'evaluate'>({ jobId: 'job_1', minAccuracy: 0.8 }, { modelName: 'm', version: 1 });
 * await processor(context);
 * expect(reports.progress).toEqual([]);
 * ```
 */
export { createTestStageContext } from './test-stage-context';
export type { RecordedReports } from './test-stage-context';
