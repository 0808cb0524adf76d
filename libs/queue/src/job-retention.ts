import type { JobsOptions } from 'bullmq';

/**
 * How long BullMQ keeps finished jobs. Outcomes that matter are copied to the registry by the
 * workers, so BullMQ's own copies can be trimmed.
 */
export const JOB_RETENTION: Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail'> = {
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
};
