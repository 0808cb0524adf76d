import { Metadata } from '@grpc/grpc-js';
import type { Redis } from 'ioredis';
import { PermissionDeniedError, UnauthenticatedError } from '@aiaas/errors';
import { ApiKeys, createRedisConnection, RegistryKeys, type Role } from '@aiaas/registry';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { GATEWAY_ACCESS, GatewayAuthorizer } from './authorization';

const withKey = (key: string, header = 'authorization') => {
  const metadata = new Metadata();
  metadata.set(header, header === 'authorization' ? `Bearer ${key}` : key);
  return metadata;
};

/** The RPCs each role may call besides those any valid key may (reads); an admin may call every one. */
const ROLE_ONLY: Readonly<Record<Exclude<Role, 'admin'>, readonly string[]>> = {
  trainer: ['UploadDataset', 'ImportDataset', 'StartPipeline', 'CancelJob', 'SetTrafficSplit', 'SetAlias', 'RollbackAlias', 'StartShadow', 'StopShadow', 'SetVersionPolicy', 'EvaluateModel'],
  predictor: ['Predict', 'PredictStream', 'TransformRecords', 'Recommend'],
};
const ANY_KEY = ['ListDatasets', 'ListJobs', 'GetDataset', 'PreviewDataset', 'GetDatasetStats', 'GetJob', 'WatchJob', 'ListModels', 'GetModel', 'ExportModel', 'GetModelReport'];

describe('GatewayAuthorizer on a real Redis', () => {
  const prefix = uniquePrefix('gateway-auth');
  let redis: Redis;
  let apiKeys: ApiKeys;
  let now = 0;
  let authorizer: GatewayAuthorizer;
  const keys: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    redis = createRedisConnection(testRedisUrl(), 'command');
    apiKeys = new ApiKeys(redis, new RegistryKeys(prefix));
    authorizer = new GatewayAuthorizer(apiKeys, { mode: 'api-keys', cacheMs: 1_000, now: () => now });
    for (const role of ['admin', 'trainer', 'predictor'] as const) keys[role] = (await apiKeys.create({ tenant: 'acme', roles: [role], name: role })).key;
  });

  afterAll(async () => {
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
  });

  it('lists every public RPC, each with the access the table of intent gives it', () => {
    const admin = Object.keys(GATEWAY_ACCESS).filter((method) => GATEWAY_ACCESS[method as keyof typeof GATEWAY_ACCESS] === 'admin');
    expect(admin.sort()).toEqual(['CreateApiKey', 'ListApiKeys', 'RevokeApiKey']);
    expect(Object.keys(GATEWAY_ACCESS).sort()).toEqual([...admin, ...ROLE_ONLY.trainer, ...ROLE_ONLY.predictor, ...ANY_KEY].sort());
  });

  it.each(Object.keys(GATEWAY_ACCESS))('lets %s through only for the roles that may call it', async (method) => {
    for (const role of ['admin', 'trainer', 'predictor'] as const) {
      const allowed = role === 'admin' || ANY_KEY.includes(method) || ROLE_ONLY[role].includes(method);
      const metadata = withKey(keys[role]!);
      const outcome = authorizer.guard(method, metadata);
      if (allowed) {
        await expect(outcome).resolves.toBeUndefined();
        expect(authorizer.principalOf(metadata)).toMatchObject({ tenant: 'acme', roles: [role] });
      } else {
        await expect(outcome).rejects.toThrow(new PermissionDeniedError(`${method} needs the ${GATEWAY_ACCESS[method as keyof typeof GATEWAY_ACCESS]} role; key ${keys[role]!.split('_')[1]} has ${role}`));
      }
    }
  });

  it('refuses a call without a key, with a malformed, unknown or revoked key, and a method it does not know', async () => {
    await expect(authorizer.guard('ListModels', new Metadata())).rejects.toThrow(/^no API key: send one as "authorization: Bearer <key>"/);
    const basic = new Metadata();
    basic.set('authorization', 'Basic dXNlcjpwYXNz');
    await expect(authorizer.guard('ListModels', basic)).rejects.toThrow('the authorization metadata must be "Bearer <key>"');
    await expect(authorizer.guard('ListModels', withKey('aiaas_000000000000_' + 'a'.repeat(43)))).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(authorizer.guard('Shutdown', withKey(keys.admin!))).rejects.toThrow('Shutdown is not a public method');
    await expect(authorizer.guard('ListModels', withKey(keys.predictor!, 'x-api-key'))).resolves.toBeUndefined();
    expect(() => authorizer.principalOf(new Metadata())).toThrow(UnauthenticatedError);
  });

  it('trusts a verified key for the cache time only, so a revocation takes effect within it', async () => {
    const { key, record } = await apiKeys.create({ tenant: 'acme', roles: ['predictor'], name: 'soon revoked' });
    await authorizer.guard('Predict', withKey(key));
    await apiKeys.revoke(record.keyId);
    await expect(authorizer.guard('Predict', withKey(key))).resolves.toBeUndefined();
    now += 1_001;
    await expect(authorizer.guard('Predict', withKey(key))).rejects.toThrow(`the API key ${record.keyId} was revoked`);
  });

  it('lets everything through as the default tenant’s admin when authentication is off', async () => {
    const open = new GatewayAuthorizer(apiKeys, { mode: 'none', cacheMs: 0 });
    await expect(open.guard('CreateApiKey', new Metadata())).resolves.toBeUndefined();
    expect(open.principalOf(new Metadata())).toEqual({ keyId: 'none', tenant: 'default', roles: ['admin'] });
  });
});
