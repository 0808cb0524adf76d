import type { Redis } from 'ioredis';
import { ResourceExhaustedError } from '@aiaas/errors';
import { createRedisConnection, createRegistry, RateLimiter, RegistryKeys, type Registry } from '@aiaas/registry';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { TenantLimits } from './tenant-limits';

describe('tenant limits on a real Redis', () => {
  const prefix = uniquePrefix('tenant-limits');
  let redis: Redis;
  let registry: Registry;
  const acme = { keyId: 'k1', tenant: 'acme', roles: ['trainer'] } as const;
  const globex = { keyId: 'k2', tenant: 'globex', roles: ['trainer'] } as const;

  beforeAll(() => {
    redis = createRedisConnection(testRedisUrl(), 'command');
    registry = createRegistry({ redis, prefix, openBlockingConnection: () => redis });
  });

  afterAll(async () => {
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
  });

  it('lets a tenant make its burst of calls, then refuses the next with when to retry; other tenants are not affected', async () => {
    const limiter = new RateLimiter(redis, new RegistryKeys(prefix));
    const rate = { perSecond: 1, burst: 3 };
    const decisions = [];
    for (let call = 0; call < 4; call++) decisions.push(await limiter.take('acme', rate));
    expect(decisions.slice(0, 3)).toEqual(Array(3).fill({ allowed: true }));
    expect(decisions[3]).toMatchObject({ allowed: false });
    const wait = (decisions[3] as { retryAfterMs: number }).retryAfterMs;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1_000);
    await expect(limiter.take('globex', rate)).resolves.toEqual({ allowed: true });

    const limits = new TenantLimits(limiter, registry.tenancy, registry.jobs, { rate, maxConcurrentJobs: undefined });
    const refused = await limits.admitCall(acme).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ResourceExhaustedError);
    expect((refused as ResourceExhaustedError).message).toMatch(/^tenant "acme" is over its rate of 1 calls per second \(RATE_LIMIT\); retry in \d+ ms$/);
    expect((refused as ResourceExhaustedError).retryAfterMs).toBeGreaterThan(0);
  });

  it('counts a tenant’s queued and running jobs against its limit, and stops counting them once they finish', async () => {
    const limits = new TenantLimits(new RateLimiter(redis, new RegistryKeys(prefix)), registry.tenancy, registry.jobs, { rate: undefined, maxConcurrentJobs: 2 });
    for (const jobId of ['job_a', 'job_b']) {
      await limits.admitJob(acme);
      await registry.jobs.create(jobId, { datasetId: 'ds_1', targetColumn: 'y', modelName: 'm', createdAt: 1 });
      await limits.jobStarted(acme, jobId);
    }
    await expect(limits.admitJob(acme)).rejects.toThrow('tenant "acme" has 2 jobs queued or running, its most at once (MAX_CONCURRENT_JOBS); wait for one to finish or cancel one');
    await expect(limits.admitJob(globex)).resolves.toBeUndefined();
    await registry.tracker.jobCancelled('job_a', 'done with it');
    await expect(limits.admitJob(acme)).resolves.toBeUndefined();
    await expect(registry.tenancy.jobIds('acme')).resolves.toEqual(['job_b']);
  });
});
