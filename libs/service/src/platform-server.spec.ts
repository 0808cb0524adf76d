import { Client, credentials, loadPackageDefinition, status, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { join, dirname } from 'node:path';
import { InvalidArgumentError } from '@aiaas/errors';
import { silentLogger } from '@aiaas/observability';
import {
  GatewayClient,
  HealthClient,
  loadAiaasProtos,
  type GatewayServiceHandlers,
  type JobEvent,
  type WatchJobRequest__Output,
} from '@aiaas/proto';
import { HandlerFactory } from './handlers';
import { PlatformServer } from './platform-server';

const GATEWAY = 'aiaas.v1.GatewayService';

interface ReflectionResponse {
  list_services_response?: { service: Array<{ name: string }> };
}

/** Lists services through the v1 reflection API, as grpcurl would. */
async function reflectedServices(address: string): Promise<string[]> {
  const protoPath = join(dirname(require.resolve('@grpc/reflection')), '../proto/grpc/reflection/v1/reflection.proto');
  const grpcObject = loadPackageDefinition(loadSync(protoPath, { keepCase: true })) as unknown as {
    grpc: { reflection: { v1: { ServerReflection: new (address: string, creds: unknown) => Client & Record<string, (...args: unknown[]) => NodeJS.EventEmitter & { write(m: unknown): void; end(): void }> } } };
  };
  const client = new grpcObject.grpc.reflection.v1.ServerReflection(address, credentials.createInsecure());
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const call = client.ServerReflectionInfo!();
      call.on('data', (response: ReflectionResponse) => resolve(response.list_services_response?.service.map((s) => s.name) ?? []));
      call.on('error', reject);
      call.write({ list_services: '' });
      call.end();
    });
  } finally {
    client.close();
  }
}

describe('PlatformServer', () => {
  let server: PlatformServer;
  let address: string;
  let gateway: GatewayClient;

  beforeAll(async () => {
    const handlers = new HandlerFactory(silentLogger);
    const implementation: Pick<GatewayServiceHandlers, 'GetDataset' | 'WatchJob'> = {
      GetDataset: handlers.unary('GetDataset', async (request: { dataset_id: string }) => {
        if (request.dataset_id === 'bad') throw new InvalidArgumentError('dataset_id', 'must not be "bad"');
        if (request.dataset_id === 'bug') throw new TypeError('x is undefined');
        return { id: request.dataset_id, name: 'found' };
      }),
      WatchJob: handlers.serverStream('WatchJob', async function* (request: WatchJobRequest__Output): AsyncGenerator<JobEvent> {
        yield { job_id: request.job_id, sequence: 1 };
        yield { job_id: request.job_id, sequence: 2 };
        if (request.job_id === 'broken') throw new InvalidArgumentError('job_id', 'broken on purpose');
      }),
    };
    const protos = loadAiaasProtos();
    server = await PlatformServer.start({
      host: '127.0.0.1',
      port: 0,
      services: [{ name: GATEWAY, definition: protos.grpc.aiaas.v1.GatewayService.service, implementation }],
      packageDefinition: protos.packageDefinition,
      logger: silentLogger,
    });
    address = `127.0.0.1:${server.port}`;
    gateway = new GatewayClient(address, { policy: { maxAttempts: 1 } });
  });

  afterAll(async () => {
    gateway.close();
    await server.shutdown(1_000);
  });

  it('binds a free port when asked for port 0', () => {
    expect(server.port).toBeGreaterThan(0);
  });

  it('answers health checks for the server and for each service', async () => {
    const health = new HealthClient(address);
    try {
      await expect(health.check()).resolves.toBe('SERVING');
      await expect(health.check(GATEWAY)).resolves.toBe('SERVING');
      server.setServing(false);
      await expect(health.check(GATEWAY)).resolves.toBe('NOT_SERVING');
    } finally {
      server.setServing(true);
      health.close();
    }
  });

  it('describes its services through server reflection', async () => {
    const services = await reflectedServices(address);
    expect(services).toEqual(expect.arrayContaining([GATEWAY, 'aiaas.v1.InferenceService']));
  });

  it('sends platform errors with their own status and message', async () => {
    await expect(gateway.getDataset('bad')).rejects.toMatchObject({ field: 'dataset_id', reason: 'must not be "bad"' });
  });

  it('answers a request that does not decode with INVALID_ARGUMENT, not the INTERNAL grpc-js would send', async () => {
    const raw = new Client(address, credentials.createInsecure());
    try {
      // A field key whose varint never ends.
      const truncated = Buffer.from([0xff, 0xff, 0xff]);
      const outcome = await new Promise<ServiceError | null>((resolve) =>
        raw.makeUnaryRequest(`/${GATEWAY}/GetDataset`, (bytes: Buffer) => bytes, (bytes: Buffer) => bytes, truncated, (error) => resolve(error)),
      );
      expect(outcome?.code).toBe(status.INVALID_ARGUMENT);
      expect(outcome?.details).toMatch(/^invalid request: is not a valid message for \/aiaas\.v1\.GatewayService\/GetDataset: /);
    } finally {
      raw.close();
    }
  });

  it('hides unexpected errors behind INTERNAL and a reference', async () => {
    await expect(gateway.getDataset('bug')).rejects.toThrow(/^internal error \(reference [0-9a-f]{8}\)$/);
  });

  it('streams every yielded message, then the error status if the producer throws', async () => {
    const received: number[] = [];
    const watch = async () => {
      for await (const event of gateway.watchJob('broken')) received.push(event.sequence);
    };
    await expect(watch()).rejects.toMatchObject({ field: 'job_id' });
    expect(received).toEqual([1, 2]);
  });

  it('ends the stream cleanly when the producer finishes', async () => {
    const received: number[] = [];
    for await (const event of gateway.watchJob('fine')) received.push(event.sequence);
    expect(received).toEqual([1, 2]);
  });

  it('stops answering once shut down', async () => {
    const protos = loadAiaasProtos();
    const other = await PlatformServer.start({
      host: '127.0.0.1',
      port: 0,
      services: [],
      packageDefinition: protos.packageDefinition,
      logger: silentLogger,
    });
    await expect(other.shutdown(1_000)).resolves.toBe('drained');
    const health = new HealthClient(`127.0.0.1:${other.port}`);
    try {
      const error = (await health.check('', 500).catch((caught: unknown) => caught)) as ServiceError;
      expect([status.UNAVAILABLE, status.DEADLINE_EXCEEDED]).toContain(error.code);
    } finally {
      health.close();
    }
  });
});
