import { createHash, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { InvalidArgumentError, NotFoundError, UnauthenticatedError } from '@aiaas/errors';
import { generateApiKey, parseApiKey } from '@aiaas/proto';
import type { RegistryKeys } from './registry-keys';

/** What a key may do: manage keys (admin), upload data and train (trainer), predict (predictor). Admin may do everything. */
export const ROLES = ['admin', 'trainer', 'predictor'] as const;
export type Role = (typeof ROLES)[number];

/** Tenant names: what resources are grouped under, and what keys belong to. */
const TENANT_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** An API key as stored: never the key itself, only a hash of its secret. */
export const apiKeyRecordSchema = z.object({
  keyId: z.string(),
  tenant: z.string(),
  roles: z.array(z.enum(ROLES)).min(1),
  /** What the key is for, as its creator described it. */
  name: z.string(),
  /** SHA-256 of the secret, hex. */
  secretHash: z.string(),
  createdAt: z.number(),
  revokedAt: z.number().optional(),
});
export type ApiKeyRecord = z.infer<typeof apiKeyRecordSchema>;

/** Who is calling: the key's id, tenant and roles. */
export interface Principal {
  readonly keyId: string;
  readonly tenant: string;
  readonly roles: readonly Role[];
}

/** A new key: its record, and the key itself, which is shown once and never stored. */
export interface IssuedApiKey {
  readonly record: ApiKeyRecord;
  readonly key: string;
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * API keys in Redis. A key is `aiaas_<id>_<secret>`, the secret 256 random bits, so a fast
 * hash is enough: only SHA-256 of the secret is kept (there is nothing to brute-force), and it
 * is compared in constant time.
 */
export class ApiKeys {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RegistryKeys,
    private readonly now: () => number = Date.now,
  ) {}

  async create(options: { readonly tenant: string; readonly roles: readonly Role[]; readonly name: string }): Promise<IssuedApiKey> {
    if (!TENANT_PATTERN.test(options.tenant)) {
      throw new InvalidArgumentError('tenant', `"${options.tenant}" is not a tenant name: lowercase letters, digits and dashes, starting with a letter or digit, at most 63`);
    }
    const roles = [...new Set(options.roles)];
    if (roles.length === 0) throw new InvalidArgumentError('roles', `give the key at least one of ${ROLES.join(', ')}`);
    const key = generateApiKey();
    return { record: await this.ensure(key, { ...options, roles }), key };
  }

  /**
   * Registers a key made elsewhere (an operator's `ADMIN_API_KEY` secret), so a deployment has
   * its first admin without anyone calling CreateApiKey. Idempotent; a different key under the
   * same id, or a revoked one, is refused.
   */
  async ensure(key: string, options: { readonly tenant: string; readonly roles: readonly Role[]; readonly name: string }): Promise<ApiKeyRecord> {
    const parsed = parseApiKey(key);
    if (!parsed) throw new InvalidArgumentError('key', 'must be aiaas_<12 hex digits>_<43 base64url characters>; make one with `aiaas keys generate`');
    const { keyId, secret } = parsed;
    const existing = await this.get(keyId);
    if (existing) {
      if (existing.secretHash !== hashOf(secret)) throw new InvalidArgumentError('key', `another key already has the id ${keyId}; generate a new one`);
      if (existing.revokedAt !== undefined) throw new InvalidArgumentError('key', `the key ${keyId} was revoked; generate a new one`);
      return existing;
    }
    const record = apiKeyRecordSchema.parse({ keyId, tenant: options.tenant, roles: [...new Set(options.roles)], name: options.name, secretHash: hashOf(secret), createdAt: this.now() });
    await this.redis.hset(this.keys.apiKeys(), keyId, JSON.stringify(record));
    return record;
  }

  /** The caller a key stands for; UnauthenticatedError, saying why, for a malformed, unknown or revoked key. */
  async authenticate(key: string): Promise<Principal> {
    const parsed = parseApiKey(key);
    if (!parsed) throw new UnauthenticatedError('the API key is malformed: expected aiaas_<id>_<secret>, as CreateApiKey gave it');
    const { keyId, secret } = parsed;
    const record = await this.get(keyId);
    const presented = Buffer.from(hashOf(secret), 'hex');
    if (!record || !timingSafeEqual(presented, Buffer.from(record.secretHash, 'hex'))) throw new UnauthenticatedError('the API key is not valid');
    if (record.revokedAt !== undefined) throw new UnauthenticatedError(`the API key ${keyId} was revoked`);
    return { keyId, tenant: record.tenant, roles: record.roles };
  }

  /** Revokes a key (of `tenant`, when given); NotFoundError when there is none such. Idempotent. */
  async revoke(keyId: string, tenant?: string): Promise<ApiKeyRecord> {
    const record = await this.get(keyId);
    if (!record || (tenant !== undefined && record.tenant !== tenant)) throw NotFoundError.of('API key', keyId);
    if (record.revokedAt !== undefined) return record;
    const revoked = { ...record, revokedAt: this.now() };
    await this.redis.hset(this.keys.apiKeys(), keyId, JSON.stringify(revoked));
    return revoked;
  }

  /** Every key (of `tenant`, when given), oldest first. */
  async list(tenant?: string): Promise<ApiKeyRecord[]> {
    const all = Object.values(await this.redis.hgetall(this.keys.apiKeys())).map((json) => apiKeyRecordSchema.parse(JSON.parse(json)));
    return all.filter((record) => tenant === undefined || record.tenant === tenant).sort((a, b) => a.createdAt - b.createdAt);
  }

  private async get(keyId: string): Promise<ApiKeyRecord | undefined> {
    const json = await this.redis.hget(this.keys.apiKeys(), keyId);
    return json === null ? undefined : apiKeyRecordSchema.parse(JSON.parse(json));
  }
}
