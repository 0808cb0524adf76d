/**
 * Test helpers for code built on the queue library: call a stage processor directly, outside
 * BullMQ, and see what it reported.
 *
 * @example
 * ```ts
 * import { createTestStageContext } from '@aiaas/queue/testing';
 * const { context, reports } = createTestStageContext<'deploy'>({ jobId: 'job_1', alias: 'production' }, { modelName: 'm', version: 1, blessed: true, reason: 'ok' });
 * await processor(context);
 * expect(reports.progress).toEqual([]);
 * ```
 */
export { createTestStageContext } from './test-stage-context';
export type { RecordedReports } from './test-stage-context';
