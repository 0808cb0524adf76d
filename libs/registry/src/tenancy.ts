import type { Redis } from 'ioredis';
import type { RegistryKeys } from './registry-keys';

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
    const key = this.keys.owner(kind, id);
    if ((await this.redis.set(key, tenant, 'NX')) === 'OK') {
      await this.redis.zadd(this.keys.tenantResources(tenant, kind), now, id);
      return true;
    }
    return (await this.redis.get(key)) === tenant;
  }

  /** The ids of the tenant's resources of a kind, newest first: `limit` of them after skipping `offset`. */
  async list(kind: OwnedKind, tenant: string, offset: number, limit: number): Promise<string[]> {
    return this.redis.zrevrange(this.keys.tenantResources(tenant, kind), offset, offset + limit - 1);
  }

  async ownerOf(kind: OwnedKind, id: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.owner(kind, id))) ?? undefined;
  }
}
