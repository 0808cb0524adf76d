import type { Redis } from 'ioredis';
import { InvalidArgumentError, NotFoundError, UnauthenticatedError } from '@aiaas/errors';
import { parseApiKey } from '@aiaas/proto';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { ApiKeys } from './api-keys';
import { createRedisConnection } from './redis-connection';
import { RegistryKeys } from './registry-keys';

describe('ApiKeys on a real Redis', () => {
  const prefix = uniquePrefix('api-keys');
  let redis: Redis;
  let keys: ApiKeys;

  beforeAll(() => {
    redis = createRedisConnection(testRedisUrl(), 'command');
    keys = new ApiKeys(redis, new RegistryKeys(prefix));
  });

  afterAll(async () => {
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
  });

  it('issues a key once, keeps only a hash of its secret, and knows its caller by it', async () => {
    const issued = await keys.create({ tenant: 'acme', roles: ['trainer', 'predictor', 'trainer'], name: 'ci' });
    expect(issued.key).toMatch(/^aiaas_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(issued.record).toMatchObject({ tenant: 'acme', roles: ['trainer', 'predictor'], name: 'ci' });
    const stored = JSON.stringify(await redis.hgetall(new RegistryKeys(prefix).apiKeys()));
    // The whole secret: base64url may itself hold '_', so splitting the key on '_' could take a piece of it, or nothing.
    expect(stored).not.toContain(parseApiKey(issued.key)!.secret);
    await expect(keys.authenticate(issued.key)).resolves.toEqual({ keyId: issued.record.keyId, tenant: 'acme', roles: ['trainer', 'predictor'] });
  });

  it('refuses a malformed, unknown, altered or revoked key, saying which', async () => {
    const issued = await keys.create({ tenant: 'acme', roles: ['predictor'], name: 'app' });
    await expect(keys.authenticate('Bearer x')).rejects.toThrow('the API key is malformed');
    const altered = `${issued.key.slice(0, -1)}${issued.key.endsWith('A') ? 'B' : 'A'}`;
    await expect(keys.authenticate(altered)).rejects.toThrow(new UnauthenticatedError('the API key is not valid'));
    await expect(keys.authenticate(`aiaas_${'0'.repeat(12)}_${issued.key.slice(-43)}`)).rejects.toThrow('the API key is not valid');
    await expect(keys.revoke(issued.record.keyId, 'other')).rejects.toBeInstanceOf(NotFoundError);
    await keys.revoke(issued.record.keyId, 'acme');
    await expect(keys.authenticate(issued.key)).rejects.toThrow(`the API key ${issued.record.keyId} was revoked`);
  });

  it('lists keys per tenant, and checks tenant names and roles', async () => {
    await keys.create({ tenant: 'globex', roles: ['admin'], name: 'root' });
    expect((await keys.list('globex')).map((record) => record.name)).toEqual(['root']);
    expect((await keys.list()).map((record) => record.tenant).sort()).toEqual(['acme', 'acme', 'globex']);
    await expect(keys.create({ tenant: 'Not OK', roles: ['admin'], name: 'x' })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(keys.create({ tenant: 'acme', roles: [], name: 'x' })).rejects.toThrow('invalid roles');
  });
});
