import { status } from '@grpc/grpc-js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { penguinsCsv } from '@aiaas/datasets';
import { clientTlsCredentials, GatewayClient } from '@aiaas/proto';
import { codeOf, failure, uploadMessages } from './gateway-calls';
import { startTestPlatform, stopTestPlatform, WORKSPACE_ROOT, type TestPlatform } from './test-platform';

describe('the platform under mutual TLS, end to end', () => {
  let test: TestPlatform;
  let certs: string;
  const file = (name: string) => join(certs, name);

  beforeAll(async () => {
    certs = mkdtempSync(join(tmpdir(), 'aiaas-e2e-certs-'));
    execFileSync(process.execPath, [join(WORKSPACE_ROOT, 'scripts/dev-certs.mjs'), '--out', certs, '--days', '2']);
    // Every service serves mutual TLS, and the gateway calls the others with its certificate.
    test = await startTestPlatform({ TLS_CERT: file('service.pem'), TLS_KEY: file('service.key'), TLS_CA: file('ca.pem'), TLS_CLIENT_AUTH: 'require' });
  }, 90_000);

  afterAll(async () => {
    await stopTestPlatform(test);
    rmSync(certs, { recursive: true, force: true });
  }, 60_000);

  it('serves a client with a certificate signed by the CA, through the gateway to the services, and no other client', async () => {
    const trusted = new GatewayClient(test.platform.gatewayAddress, { apiKey: test.apiKey, credentials: clientTlsCredentials({ ca: file('ca.pem'), cert: file('client.pem'), key: file('client.key') }) });
    const withoutCertificate = new GatewayClient(test.platform.gatewayAddress, { apiKey: test.apiKey, credentials: clientTlsCredentials({ ca: file('ca.pem') }) });
    const plaintext = test.gatewayClient();
    try {
      // The upload travels gateway → preprocessing over mutual TLS too.
      const dataset = await trusted.uploadDataset(uploadMessages(penguinsCsv(), 'penguins', 16_384));
      expect(Number(dataset.row_count)).toBe(344);
      await expect(trusted.getDatasetStats(dataset.id)).resolves.toMatchObject({ dataset_id: dataset.id });
      for (const refused of [withoutCertificate, plaintext]) expect(codeOf(await failure(refused.listModels()))).toBe(status.UNAVAILABLE);
    } finally {
      for (const client of [trusted, withoutCertificate, plaintext]) client.close();
    }
  });
});
