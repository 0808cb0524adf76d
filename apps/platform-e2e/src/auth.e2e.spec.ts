import { status } from '@grpc/grpc-js';
import { Redis } from 'ioredis';
import { penguinsCsv } from '@aiaas/datasets';
import type { GatewayClient } from '@aiaas/proto';
import { deleteKeysWithPrefix } from '@aiaas/testing';
import { codeOf, failure, toRecord, uploadMessages } from './gateway-calls';
import { startTestPlatform, type TestPlatform } from './test-platform';

/** Drains a stream, for streaming calls that should fail. */
async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _message of stream) {
    // Nothing to do with the messages: only the failure counts.
  }
}

describe('the gateway behind API keys, end to end', () => {
  let test: TestPlatform;
  let admin: GatewayClient;
  const opened: GatewayClient[] = [];
  const client = (key?: string | null) => {
    const gateway = test.gatewayClient(key);
    opened.push(gateway);
    return gateway;
  };

  beforeAll(async () => {
    test = await startTestPlatform();
    admin = client();
  }, 90_000);

  afterAll(async () => {
    for (const gateway of opened) gateway.close();
    if (test) {
      await test.stop();
      const redis = new Redis(test.redisUrl);
      await deleteKeysWithPrefix(redis, test.prefix);
      redis.disconnect();
    }
  }, 60_000);

  it('refuses every kind of call without a key, or with one it does not know, as UNAUTHENTICATED', async () => {
    for (const gateway of [client(null), client(`aiaas_${'0'.repeat(12)}_${'x'.repeat(43)}`)]) {
      const refusals = await Promise.all([
        failure(gateway.listModels()),
        failure(gateway.uploadDataset(uploadMessages(penguinsCsv(), 'penguins'))),
        failure(drain(gateway.watchJob('job_000000000000'))),
        failure(drain(gateway.predictStream([{ model_name: 'penguins', records: { records: [toRecord({ island: 'Biscoe' })] } }]))),
      ]);
      expect(refusals.map(codeOf)).toEqual(Array(4).fill(status.UNAUTHENTICATED));
    }
  });

  it('issues keys with roles through the CLI, and holds each key to its roles', async () => {
    const { stdout } = await test.cli(['keys', 'create', '--name', 'dashboards', '--roles', 'predictor', '--tenant', 'acme']);
    const predictorKey = stdout.trim();
    expect(predictorKey).toMatch(/^aiaas_[0-9a-f]{12}_/);
    expect((await test.cli(['keys', 'list', '--tenant', 'acme'])).stdout).toMatch(/^[0-9a-f]{12} {2}acme {2}predictor {2}dashboards\n$/);

    const predictor = client(predictorKey);
    await expect(predictor.listModels()).resolves.toEqual([]);
    const denied = await failure(predictor.startPipeline({ dataset_id: 'ds_000000000000', target_column: 'species', model_name: 'penguins' }));
    expect(codeOf(denied)).toBe(status.PERMISSION_DENIED);
    expect(denied.message).toMatch(/^StartPipeline needs the trainer role; key [0-9a-f]{12} has predictor$/);
    expect(codeOf(await failure(predictor.createApiKey({ name: 'escalation', roles: ['ROLE_ADMIN'] })))).toBe(status.PERMISSION_DENIED);

    // Revoked, the key stops working once the gateway's cache of it expires (API_KEY_CACHE, 200 ms here).
    const keyId = predictorKey.split('_')[1]!;
    expect((await admin.revokeApiKey(keyId)).revoked_at).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const revoked = await failure(predictor.listModels());
    expect(codeOf(revoked)).toBe(status.UNAUTHENTICATED);
    expect(revoked.message).toBe(`the API key ${keyId} was revoked`);
  });
});
