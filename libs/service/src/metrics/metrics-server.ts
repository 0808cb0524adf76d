import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@aiaas/observability';
import type { Registry } from 'prom-client';

/**
 * Serves `GET /metrics` in the Prometheus text format on its own port, apart from the
 * service's API, so a NetworkPolicy can open it to the monitoring system alone.
 */
export class MetricsServer {
  private constructor(
    private readonly server: Server,
    /** The port actually bound. */
    readonly port: number,
  ) {}

  /** Binds; logs "metrics listening" with the port. */
  static async start(options: { readonly host: string; readonly port: number; readonly registry: Registry; readonly logger: Logger }): Promise<MetricsServer> {
    const { registry, logger } = options;
    const server = createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0];
      if (path !== '/metrics') {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found; metrics are at /metrics\n');
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end(`${request.method ?? '?'} is not allowed; use GET\n`);
        return;
      }
      registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(request.method === 'HEAD' ? undefined : text),
        (error: unknown) => {
          logger.error('collecting metrics failed', { err: error });
          response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('collecting metrics failed; see the service log\n');
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    logger.info('metrics listening', { host: options.host, port, path: '/metrics' });
    return new MetricsServer(server, port);
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }
}
