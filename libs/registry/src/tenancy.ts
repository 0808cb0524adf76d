import type { Redis } from 'ioredis';
import type { RegistryKeys } from './registry-keys';
import { RedisScript } from './redis-script';

// KEYS[1] the resource's owner, KEYS[2] the tenant's resources of that kind; ARGV: tenant, now,
// id. One step, so an owner is never recorded without the resource in the tenant's list.
// Answers 1 when the tenant owns the resource now, 0 when another tenant does.
const CLAIM = new RedisScript(`
local owner = redis.call('GET', KEYS[1])
if not owner then
  redis.call('SET', KEYS[1], ARGV[1])
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
  return 1
end
if owner == ARGV[1] then return 1 end
return 0`);

/** What a tenant can own. */
export type OwnedKind = 'dataset' | 'job' | 'model';

/**
 * Which tenant owns each dataset, job and model name. The gateway records an owner when it
 * creates a resource (a model's name when its first pipeline starts). A resource without an
 * owner belongs to nobody: every tenant is refused it.
 */
export class Tenancy {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RegistryKeys,
  ) {}

  /** Makes `tenant` the owner of a resource nobody owns; answers whether `tenant` owns it now (false: another tenant does). */
  async claim(kind: OwnedKind, id: string, tenant: string, now: number = Date.now()): Promise<boolean> {
    const owned = await CLAIM.run(this.redis, [this.keys.owner(kind, id), this.keys.tenantResources(tenant, kind)], [tenant, String(now), id]);
    return owned === 1;
  }

  /** The ids of the tenant's resources of a kind, newest first: `limit` of them after skipping `offset`. */
  async list(kind: OwnedKind, tenant: string, offset: number, limit: number): Promise<string[]> {
    return this.redis.zrevrange(this.keys.tenantResources(tenant, kind), offset, offset + limit - 1);
  }

  async ownerOf(kind: OwnedKind, id: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.owner(kind, id))) ?? undefined;
  }
}
