import { ResourceExhaustedError } from '@aiaas/errors';
import type { JobRecord, JobSpec, JobStore, Principal, RateLimit, RateLimiter } from '@aiaas/registry';

export interface TenantLimitsOptions {
  /** Calls per second each tenant may make (a burst of `burst`); undefined: unlimited. */
  readonly rate: RateLimit | undefined;
  /** Jobs each tenant may have queued or running at once; undefined: unlimited. */
  readonly maxConcurrentJobs: number | undefined;
}

/**
 * What a tenant may use: a request rate shared by every gateway replica (a token bucket in
 * Redis), and a number of jobs at once. Over either, a call gets RESOURCE_EXHAUSTED saying
 * which limit and, for the rate, when to retry.
 */
export class TenantLimits {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly jobs: JobStore,
    private readonly options: TenantLimitsOptions,
  ) {}

  /** Takes one call from the tenant's rate; RESOURCE_EXHAUSTED with the wait when there is none left. */
  async admitCall(principal: Principal): Promise<void> {
    const rate = this.options.rate;
    if (!rate) return;
    const decision = await this.limiter.take(principal.tenant, rate);
    if (!decision.allowed) {
      throw new ResourceExhaustedError(`tenant "${principal.tenant}" is over its rate of ${rate.perSecond} calls per second (RATE_LIMIT); retry in ${decision.retryAfterMs} ms`, {
        retryAfterMs: decision.retryAfterMs,
      });
    }
  }

  /**
   * Records the tenant's new job; RESOURCE_EXHAUSTED, and nothing recorded, when it already has
   * its most jobs queued or running. Counting and recording are one step in Redis, so a burst of
   * submissions cannot pass the limit together; finished jobs stop counting.
   */
  async recordJob(principal: Principal, jobId: string, spec: JobSpec): Promise<JobRecord> {
    const most = this.options.maxConcurrentJobs;
    const admission = await this.jobs.createWithinLimit(jobId, spec, most === undefined ? undefined : { tenant: principal.tenant, most });
    if (!admission.admitted) {
      throw new ResourceExhaustedError(`tenant "${principal.tenant}" has ${admission.unfinished} jobs queued or running, its most at once (MAX_CONCURRENT_JOBS); wait for one to finish or cancel one`);
    }
    return admission.job;
  }
}
