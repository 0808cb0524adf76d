import type { Redis } from 'ioredis';

// KEYS[1] the tenant's lease set; ARGV: holder, now, expiresAt, limit. 1 when the holder has a slot.
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
if redis.call('ZSCORE', KEYS[1], ARGV[1]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[4]) then
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) - tonumber(ARGV[2]))
  return 1
end
return 0`;

/** A slot held by one piece of work; renew it while working, release it when done. */
export interface SlotLease {
  release(): Promise<void>;
}

/**
 * A per-tenant limit on work running at once, across every replica: each holder leases a slot
 * in a Redis sorted set (score = lease expiry). A holder that dies stops renewing, and its slot
 * frees itself when the lease runs out, so a crash never leaks capacity for long.
 */
export class TenantSlots {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** What the slots are for, e.g. `trials`. */
    private readonly kind: string,
    private readonly limit: number,
    private readonly leaseMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private key(tenant: string): string {
    return `${this.prefix}:slots:${this.kind}:${tenant}`;
  }

  private async claim(tenant: string, holder: string): Promise<boolean> {
    const now = this.now();
    return (await this.redis.eval(ACQUIRE, 1, this.key(tenant), holder, String(now), String(now + this.leaseMs), String(this.limit))) === 1;
  }

  /**
   * A slot for `holder`, renewed every third of the lease until released; undefined when the
   * tenant's slots are all taken (try again later). Claiming again for the same holder is safe.
   */
  async acquire(tenant: string, holder: string): Promise<SlotLease | undefined> {
    if (!(await this.claim(tenant, holder))) return undefined;
    const renewal = setInterval(() => void this.claim(tenant, holder).catch(() => undefined), Math.max(10, Math.floor(this.leaseMs / 3)));
    return {
      release: async () => {
        clearInterval(renewal);
        await this.redis.zrem(this.key(tenant), holder);
      },
    };
  }

  /** Slots of `tenant` in use now. */
  async inUse(tenant: string): Promise<number> {
    await this.redis.zremrangebyscore(this.key(tenant), '-inf', this.now());
    return this.redis.zcard(this.key(tenant));
  }
}
