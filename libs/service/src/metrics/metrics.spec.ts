import { silentLogger } from '@aiaas/observability';
import { GatewayClient, loadAiaasProtos, type GatewayServiceHandlers, type JobEvent, type WatchJobRequest__Output } from '@aiaas/proto';
import { InvalidArgumentError } from '@aiaas/errors';
import type { Registry } from 'prom-client';
import { HandlerFactory } from '../handlers';
import { PlatformServer } from '../platform-server';
import { createMetricsRegistry } from './metrics-registry';
import { MetricsServer } from './metrics-server';

/** A counter's value, or a histogram's count, summed over the series whose labels include `labels`. */
async function valueOf(registry: Registry, name: string, labels: Record<string, string>): Promise<number> {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  return values
    .filter((value) => [name, `${name}_count`].includes((value as { metricName?: string }).metricName ?? name))
    .filter((value) => Object.entries(labels).every(([key, expected]) => String(value.labels[key]) === expected))
    .reduce((sum, value) => sum + value.value, 0);
}

describe('service metrics', () => {
  let registry: Registry;
  let server: PlatformServer;
  let metricsServer: MetricsServer;
  let gateway: GatewayClient;
  let watchStarted: () => void;

  beforeAll(async () => {
    registry = createMetricsRegistry('test-service');
    const handlers = new HandlerFactory(silentLogger);
    const implementation: Pick<GatewayServiceHandlers, 'GetDataset' | 'WatchJob'> = {
      GetDataset: handlers.unary('GetDataset', async (request: { dataset_id: string }) => {
        if (request.dataset_id === 'bad') throw new InvalidArgumentError('dataset_id', 'must not be "bad"');
        return { id: request.dataset_id, name: 'found' };
      }),
      // Never ends on its own: the client gives up.
      WatchJob: handlers.serverStream('WatchJob', async function* (request: WatchJobRequest__Output, call): AsyncGenerator<JobEvent> {
        yield { job_id: request.job_id, sequence: 1 };
        watchStarted();
        await new Promise((resolve) => call.once('cancelled', resolve));
      }),
    };
    const protos = loadAiaasProtos();
    server = await PlatformServer.start({
      host: '127.0.0.1',
      port: 0,
      services: [{ name: 'aiaas.v1.GatewayService', definition: protos.grpc.aiaas.v1.GatewayService.service, implementation }],
      packageDefinition: protos.packageDefinition,
      logger: silentLogger,
      metrics: registry,
    });
    gateway = new GatewayClient(`127.0.0.1:${server.port}`, { policy: { maxAttempts: 1 } });
    metricsServer = await MetricsServer.start({ host: '127.0.0.1', port: 0, registry, logger: silentLogger });
  });

  afterAll(async () => {
    gateway.close();
    await server.shutdown(1_000);
    await metricsServer.close();
  });

  it('counts and times every call by service, method, type and status code', async () => {
    await gateway.getDataset('ds_1');
    await gateway.getDataset('ds_2');
    await gateway.getDataset('bad').catch(() => undefined);
    const unary = { grpc_service: 'aiaas.v1.GatewayService', grpc_method: 'GetDataset', grpc_type: 'unary' };
    expect(await valueOf(registry, 'grpc_server_started_total', unary)).toBe(3);
    expect(await valueOf(registry, 'grpc_server_handled_total', { ...unary, grpc_code: 'OK' })).toBe(2);
    expect(await valueOf(registry, 'grpc_server_handled_total', { ...unary, grpc_code: 'InvalidArgument' })).toBe(1);
    expect(await valueOf(registry, 'grpc_server_handling_seconds', { ...unary, grpc_code: 'OK' })).toBe(2);
  });

  it('counts a call the client abandons as Canceled', async () => {
    const started = new Promise<void>((resolve) => (watchStarted = resolve));
    const abort = new AbortController();
    const watching = (async () => {
      for await (const _event of gateway.watchJob('job_1', 0, abort.signal)) {
        // Only the first event comes; the call is then abandoned.
      }
    })().catch(() => undefined);
    await started;
    abort.abort();
    await watching;
    const stream = { grpc_service: 'aiaas.v1.GatewayService', grpc_method: 'WatchJob', grpc_type: 'server_stream', grpc_code: 'Canceled' };
    for (let waited = 0; waited < 2_000 && (await valueOf(registry, 'grpc_server_handled_total', stream)) === 0; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await valueOf(registry, 'grpc_server_handled_total', stream)).toBe(1);
  });

  it('serves the registry at GET /metrics in the Prometheus text format, labelled with the service', async () => {
    const response = await fetch(`http://127.0.0.1:${metricsServer.port}/metrics`);
    expect([response.status, response.headers.get('content-type')]).toEqual([200, expect.stringMatching(/^text\/plain; version=0\.0\.4/)]);
    const text = await response.text();
    expect(text).toContain('# TYPE grpc_server_handled_total counter');
    expect(text).toMatch(/^grpc_server_handled_total\{grpc_type="unary",grpc_service="aiaas\.v1\.GatewayService",grpc_method="GetDataset",grpc_code="OK",service="test-service"\} 2$/m);
    expect(text).toMatch(/^process_resident_memory_bytes\{service="test-service"\} \d+$/m);
    expect((await fetch(`http://127.0.0.1:${metricsServer.port}/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${metricsServer.port}/metrics`, { method: 'DELETE' })).status).toBe(405);
  });
});
