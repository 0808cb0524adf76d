import { status, type ServiceError } from '@grpc/grpc-js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { silentLogger } from '@aiaas/observability';
import { clientTlsCredentials, HealthClient, loadAiaasProtos } from '@aiaas/proto';
import { PlatformServer } from './platform-server';
import { serverCredentialsFrom, type TlsSettings } from './server-tls';

const WORKSPACE_ROOT = resolve(__dirname, '../../..');

describe('TLS and mutual TLS', () => {
  let certs: string;
  const file = (name: string) => join(certs, name);
  const servers: PlatformServer[] = [];

  beforeAll(() => {
    certs = mkdtempSync(join(tmpdir(), 'aiaas-certs-'));
    execFileSync(process.execPath, [join(WORKSPACE_ROOT, 'scripts/dev-certs.mjs'), '--out', certs, '--days', '2']);
  });

  afterAll(async () => {
    for (const server of servers) await server.shutdown(100);
    rmSync(certs, { recursive: true, force: true });
  });

  async function serve(tls: TlsSettings): Promise<string> {
    const protos = loadAiaasProtos();
    const server = await PlatformServer.start({ host: '127.0.0.1', port: 0, services: [], packageDefinition: protos.packageDefinition, logger: silentLogger, tls });
    servers.push(server);
    return `127.0.0.1:${server.port}`;
  }

  /** The health status a client with `credentials` gets, or the status code it fails with. */
  async function probe(address: string, credentials?: Parameters<typeof clientTlsCredentials>[0]): Promise<string | number> {
    const health = new HealthClient(address, credentials ? clientTlsCredentials(credentials) : undefined);
    try {
      return await health.check('', 3_000);
    } catch (error) {
      return (error as ServiceError).code;
    } finally {
      health.close();
    }
  }

  it('serves TLS to clients that trust its CA, and nothing to plaintext clients', async () => {
    const address = await serve({ tlsCert: file('service.pem'), tlsKey: file('service.key'), tlsCa: undefined, tlsClientAuth: 'none' });
    await expect(probe(address, { ca: file('ca.pem') })).resolves.toBe('SERVING');
    await expect(probe(address)).resolves.toBe(status.UNAVAILABLE);
    // A client that trusts another CA (here: the client certificate as its root) refuses the server.
    await expect(probe(address, { ca: file('client.pem') })).resolves.toBe(status.UNAVAILABLE);
  });

  it('under mutual TLS, serves only clients with a certificate its CA signed', async () => {
    const address = await serve({ tlsCert: file('service.pem'), tlsKey: file('service.key'), tlsCa: file('ca.pem'), tlsClientAuth: 'require' });
    await expect(probe(address, { ca: file('ca.pem'), cert: file('client.pem'), key: file('client.key') })).resolves.toBe('SERVING');
    await expect(probe(address, { ca: file('ca.pem') })).resolves.toBe(status.UNAVAILABLE);
  });

  it('says which setting is missing or unreadable', () => {
    const none = { tlsCert: undefined, tlsKey: undefined, tlsCa: undefined, tlsClientAuth: 'none' } as const;
    expect(serverCredentialsFrom(none).security).toBe('plaintext');
    expect(() => serverCredentialsFrom({ ...none, tlsCert: file('service.pem') })).toThrow('TLS_CERT and TLS_KEY go together');
    expect(() => serverCredentialsFrom({ ...none, tlsClientAuth: 'require' })).toThrow('TLS_CLIENT_AUTH=require needs TLS_CERT and TLS_KEY');
    expect(() => serverCredentialsFrom({ ...none, tlsCert: file('service.pem'), tlsKey: file('service.key'), tlsClientAuth: 'require' })).toThrow('TLS_CLIENT_AUTH=require needs TLS_CA');
    expect(() => serverCredentialsFrom({ ...none, tlsCert: file('nope.pem'), tlsKey: file('service.key') })).toThrow(/^TLS_CERT: cannot read .*nope\.pem/);
    expect(() => clientTlsCredentials({ ca: file('ca.pem'), cert: file('client.pem') })).toThrow('a client certificate needs its key');
  });
});
