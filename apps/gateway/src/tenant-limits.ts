import { ResourceExhaustedError } from '@aiaas/errors';
import type { JobStore, Principal, RateLimit, RateLimiter, Tenancy } from '@aiaas/registry';

export interface TenantLimitsOptions {
  /** Calls per second each tenant may make (a burst of `burst`); undefined: unlimited. */
  readonly rate: RateLimit | undefined;
  /** Jobs each tenant may have queued or running at once; undefined: unlimited. */
  readonly maxConcurrentJobs: number | undefined;
}

const RUNNING_STATES = new Set(['queued', 'running']);

/**
 * What a tenant may use: a request rate shared by every gateway replica (a token bucket in
 * Redis), and a number of jobs at once. Over either, a call gets RESOURCE_EXHAUSTED saying
 * which limit and, for the rate, when to retry.
 */
export class TenantLimits {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly tenancy: Tenancy,
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

  /** RESOURCE_EXHAUSTED when the tenant already has its most jobs queued or running; finished jobs stop counting. */
  async admitJob(principal: Principal): Promise<void> {
    const max = this.options.maxConcurrentJobs;
    if (max === undefined) return;
    const ids = await this.tenancy.jobIds(principal.tenant);
    const states = await Promise.all(ids.map(async (id) => (await this.jobs.get(id).catch(() => undefined))?.state));
    await this.tenancy.dropJobs(principal.tenant, ids.filter((_, index) => !RUNNING_STATES.has(states[index] ?? 'gone')));
    const running = states.filter((state) => RUNNING_STATES.has(state ?? 'gone')).length;
    if (running >= max) {
      throw new ResourceExhaustedError(`tenant "${principal.tenant}" has ${running} jobs queued or running, its most at once (MAX_CONCURRENT_JOBS); wait for one to finish or cancel one`);
    }
  }

  /** Counts a job the tenant started against its limit. */
  async jobStarted(principal: Principal, jobId: string): Promise<void> {
    if (this.options.maxConcurrentJobs !== undefined) await this.tenancy.addJob(principal.tenant, jobId);
  }
}
