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

    const limits = new TenantLimits(limiter, registry.jobs, { rate, maxConcurrentJobs: undefined });
    const refused = await limits.admitCall(acme).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ResourceExhaustedError);
    expect((refused as ResourceExhaustedError).message).toMatch(/^tenant "acme" is over its rate of 1 calls per second \(RATE_LIMIT\); retry in \d+ ms$/);
    expect((refused as ResourceExhaustedError).retryAfterMs).toBeGreaterThan(0);
  });

  const spec = { datasetId: 'ds_1', targetColumn: 'y', modelName: 'm', createdAt: 1 };
  const limitsOf = (maxConcurrentJobs: number | undefined) => new TenantLimits(new RateLimiter(redis, new RegistryKeys(prefix)), registry.jobs, { rate: undefined, maxConcurrentJobs });

  it('counts a tenant’s queued and running jobs against its limit, records nothing it refuses, and stops counting jobs once they finish', async () => {
    const limits = limitsOf(2);
    await expect(limits.recordJob(acme, 'job_a', spec)).resolves.toMatchObject({ id: 'job_a', state: 'queued' });
    await limits.recordJob(acme, 'job_b', spec);

    await expect(limits.recordJob(acme, 'job_c', spec)).rejects.toThrow('tenant "acme" has 2 jobs queued or running, its most at once (MAX_CONCURRENT_JOBS); wait for one to finish or cancel one');
    await expect(registry.jobs.get('job_c')).rejects.toThrow('job "job_c" not found');
    await expect(limits.recordJob(globex, 'job_g', spec)).resolves.toMatchObject({ id: 'job_g' });

    await registry.tracker.jobCancelled('job_a', 'done with it');
    await expect(limits.recordJob(acme, 'job_c', spec)).resolves.toMatchObject({ id: 'job_c' });
    expect((await redis.smembers(new RegistryKeys(prefix).tenantJobs('acme'))).sort()).toEqual(['job_b', 'job_c']);
    await expect(limits.recordJob(acme, 'job_b', spec)).rejects.toThrow('job "job_b" already exists');
  });

  it('lets a burst of concurrent submissions through up to the limit and no further', async () => {
    const limits = limitsOf(3);
    const ids = Array.from({ length: 20 }, (_, index) => `burst_${index}`);
    const outcomes = await Promise.allSettled(ids.map((id) => limits.recordJob({ ...acme, tenant: 'initech' }, id, spec)));

    const admitted = ids.filter((_, index) => outcomes[index]!.status === 'fulfilled');
    expect(admitted).toHaveLength(3);
    for (const outcome of outcomes.filter((entry) => entry.status === 'rejected')) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(ResourceExhaustedError);
    const recorded = await Promise.all(ids.map((id) => registry.jobs.get(id).then(() => id, () => undefined)));
    expect(recorded.filter(Boolean).sort()).toEqual([...admitted].sort());
  });

  it('records without counting when there is no limit', async () => {
    await expect(limitsOf(undefined).recordJob({ ...acme, tenant: 'umbrella' }, 'job_free', spec)).resolves.toMatchObject({ id: 'job_free', state: 'queued' });
    await expect(redis.exists(new RegistryKeys(prefix).tenantJobs('umbrella'))).resolves.toBe(0);
  });
});
