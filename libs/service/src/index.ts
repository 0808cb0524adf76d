/**
 * What every service process shares: the gRPC server with health, reflection and call metrics,
 * handlers that map errors to statuses, Prometheus metrics, ordered graceful shutdown, and the
 * `main` boilerplate.
 *
 * @example
 * ```ts
 * import { HandlerFactory, PlatformServer, runMain } from '@aiaas/service';
 * runMain('training', trainingEnv, async ({ config, logger, shutdown, metrics }) => {
 *   const handlers = new HandlerFactory(logger);
 *   const server = await PlatformServer.start({ host: config.grpcHost, port: config.grpcPort, services, packageDefinition, logger, metrics });
 *   shutdown.add('grpc server', () => server.shutdown(config.shutdownGraceMs));
 * });
 * ```
 */
export { currentCallDeadline, deadlineOf } from './current-call';
export { HandlerFactory } from './handlers';
export { decodeSegment, HttpError, readJsonBody } from './http-json';
export { serverCredentialsFrom } from './server-tls';
export type { TlsSettings, TransportSecurity } from './server-tls';
export type { CallGuard } from './handlers';
export { PlatformServer } from './platform-server';
export type { PlatformServerOptions, ServiceBinding } from './platform-server';
export { runMain } from './run-main';
export type { MainContext } from './run-main';
export { ShutdownCoordinator } from './shutdown-coordinator';
