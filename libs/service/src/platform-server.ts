import { Server, ServerCredentials, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { serverCredentialsFrom, type TlsSettings } from './server-tls';
import { withTolerantDeserializers } from './undecodable-request';
import type { PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import type { Logger } from '@aiaas/observability';
import type { Registry } from 'prom-client';
import { grpcServerMetrics } from './metrics/grpc-server-metrics';

/** One gRPC service to serve: its fully qualified name (for health), definition and handlers. */
export interface ServiceBinding {
  readonly name: string;
  readonly definition: ServiceDefinition;
  readonly implementation: UntypedServiceImplementation;
}

export interface PlatformServerOptions {
  readonly host: string;
  /** 0 picks a free port; `PlatformServer.port` tells which. */
  readonly port: number;
  readonly services: readonly ServiceBinding[];
  /** Everything reflection should describe. */
  readonly packageDefinition: PackageDefinition;
  readonly logger: Logger;
  /** Added to the health and "listening" log, e.g. the compute backend. */
  readonly details?: Readonly<Record<string, string>>;
  /** TLS or mutual TLS (`tlsEnv`'s settings); plaintext when unset or empty. */
  readonly tls?: TlsSettings;
  /** Where to count and time every call (`grpc_server_*`); uncounted when unset. */
  readonly metrics?: Registry;
}

/** Bigger than gRPC's 4 MiB default: prediction batches and upload chunks can be large. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/**
 * A gRPC server with the standard health service (overall status '' plus one entry per
 * served service) and server reflection.
 */
export class PlatformServer {
  private constructor(
    private readonly server: Server,
    private readonly health: HealthImplementation,
    private readonly serviceNames: readonly string[],
    /** The port actually bound. */
    readonly port: number,
  ) {}

  /** Binds, starts serving and marks every service SERVING. */
  static async start(options: PlatformServerOptions): Promise<PlatformServer> {
    const server = new Server({
      'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
      'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
      ...(options.metrics ? { interceptors: [grpcServerMetrics(options.metrics)] } : {}),
    });
    for (const service of options.services) server.addService(withTolerantDeserializers(service.definition), service.implementation);
    const serviceNames = options.services.map((service) => service.name);
    const health = new HealthImplementation(Object.fromEntries(['', ...serviceNames].map((name) => [name, 'NOT_SERVING'])));
    health.addToServer(server);
    new ReflectionService(options.packageDefinition).addToServer(server);

    const bindAddress = options.host.includes(':') ? `[${options.host}]:${options.port}` : `${options.host}:${options.port}`;
    const { credentials, security } = options.tls ? serverCredentialsFrom(options.tls) : { credentials: ServerCredentials.createInsecure(), security: 'plaintext' };
    const port = await new Promise<number>((resolve, reject) => server.bindAsync(bindAddress, credentials, (error, bound) => (error ? reject(error) : resolve(bound))));
    const platformServer = new PlatformServer(server, health, serviceNames, port);
    platformServer.setServing(true);
    // Launchers and tests read the bound port from this line.
    options.logger.info('listening', { host: options.host, port, security, services: serviceNames, ...options.details });
    return platformServer;
  }

  /** Flips every health entry; NOT_SERVING tells load balancers to stop sending traffic. */
  setServing(serving: boolean): void {
    const state = serving ? 'SERVING' : 'NOT_SERVING';
    for (const name of ['', ...this.serviceNames]) this.health.setStatus(name, state);
  }

  /** Stops accepting calls and waits for in-flight ones, forcing them closed after `graceMs`. */
  async shutdown(graceMs: number): Promise<'drained' | 'forced'> {
    this.setServing(false);
    const drained = new Promise<'drained'>((resolve) => this.server.tryShutdown(() => resolve('drained')));
    let timer: NodeJS.Timeout | undefined;
    const forced = new Promise<'forced'>((resolve) => {
      timer = setTimeout(() => resolve('forced'), graceMs);
    });
    const outcome = await Promise.race([drained, forced]);
    clearTimeout(timer);
    if (outcome === 'forced') this.server.forceShutdown();
    return outcome;
  }
}
