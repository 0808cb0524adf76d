import type { WorkerInfo } from '@aiaas/proto';
import type { StageWorkerStats } from './stage-worker';

/** The DescribeWorker answer of a service running a stage worker. */
export function toWorkerInfo(service: string, stats: StageWorkerStats, backend = ''): WorkerInfo {
  return {
    service,
    queue: stats.queue,
    concurrency: stats.concurrency,
    active_jobs: stats.activeJobs,
    completed_jobs: stats.completedJobs,
    failed_jobs: stats.failedJobs,
    backend,
  };
}
