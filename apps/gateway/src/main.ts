import { clientTlsCredentials, EvaluationClient, InferenceClient, loadAiaasProtos, PreprocessingClient } from '@aiaas/proto';
import { PipelineLauncher, QUEUE_NAMES, QueueMetrics, TASK_CONTRACTS } from '@aiaas/queue';
import { connectRegistry } from '@aiaas/registry';
import type { Logger } from '@aiaas/observability';
import { currentCallDeadline, HandlerFactory, PlatformServer, runMain } from '@aiaas/service';
import { GatewayAuthorizer } from './authorization';
import { TenantLimits } from './tenant-limits';
import { gatewayEnv } from './config';
import { DashboardAssets } from './http/dashboard-assets';
import { GatewayHttpServer } from './http/gateway-http-server';
import { createGatewayService } from './gateway-service';

runMain('gateway', gatewayEnv, async ({ config, logger, shutdown, metrics }) => {
  const connections = connectRegistry({ redisUrl: config.redisUrl, prefix: config.redisPrefix });
  shutdown.add('redis', () => connections.close());
  const launcher = new PipelineLauncher(connections.redis, config.redisPrefix, { attempts: config.stageAttempts });
  shutdown.add('pipeline launcher', () => launcher.close());
  // The queues the pipelines it starts go through: their depth stays visible with every worker down.
  const queueMetrics = new QueueMetrics(metrics, connections.redis, config.redisPrefix);
  for (const queue of [...Object.values(QUEUE_NAMES), ...Object.values(TASK_CONTRACTS).map((task) => task.queue)]) queueMetrics.watchQueue(queue);
  shutdown.add('queue metrics', () => queueMetrics.close());

  // With TLS_CA, calls to the services use TLS, presenting this service's certificate for mutual TLS.
  const upstreamCredentials = config.tlsCa ? clientTlsCredentials({ ca: config.tlsCa, cert: config.tlsCert, key: config.tlsKey }) : undefined;
  // A call to a service never outlives the client's call it serves.
  const clientOptions = { policy: { deadlineMs: config.upstreamDeadlineMs }, deadline: currentCallDeadline, ...(upstreamCredentials ? { credentials: upstreamCredentials } : {}) };
  const preprocessing = new PreprocessingClient(config.preprocessingAddress, clientOptions);
  const inference = new InferenceClient(config.inferenceAddress, clientOptions);
  const evaluation = new EvaluationClient(config.evaluationAddress, clientOptions);
  shutdown.add('upstream clients', () => {
    preprocessing.close();
    inference.close();
    evaluation.close();
  });

  if (config.adminApiKey) {
    const admin = await connections.registry.apiKeys.ensure(config.adminApiKey, { tenant: 'default', roles: ['admin'], name: 'ADMIN_API_KEY' });
    logger.info('admin API key from ADMIN_API_KEY registered', { keyId: admin.keyId });
  }
  if (config.auth === 'none') logger.warn('AUTH=none: the gateway authenticates nobody; every caller is an admin');
  const authorizer = new GatewayAuthorizer(connections.registry.apiKeys, { mode: config.auth, cacheMs: config.apiKeyCacheMs });
  const { registry } = connections;
  const limits = new TenantLimits(registry.rateLimiter, registry.jobs, {
    rate: config.rateLimit > 0 ? { perSecond: config.rateLimit, burst: config.rateLimitBurst } : undefined,
    maxConcurrentJobs: config.maxConcurrentJobs > 0 ? config.maxConcurrentJobs : undefined,
  });
  const handlers = new HandlerFactory(logger, async (method, metadata) => {
    await authorizer.guard(method, metadata);
    // Without authentication there are no tenants to hold to their limits.
    if (config.auth === 'api-keys') await limits.admitCall(authorizer.principalOf(metadata));
  });

  const protos = loadAiaasProtos();
  const server = await PlatformServer.start({
    tls: config,
    host: config.grpcHost,
    port: config.grpcPort,
    services: [
      {
        name: 'aiaas.v1.GatewayService',
        definition: protos.grpc.aiaas.v1.GatewayService.service,
        implementation: createGatewayService({
          registry: connections.registry,
          launcher,
          preprocessing,
          inference,
          evaluation,
          handlers,
          authorizer,
          limits,
          logger,
          maxUploadBytes: config.maxUploadBytes,
        }),
      },
    ],
    packageDefinition: protos.packageDefinition,
    logger,
    metrics,
  });
  shutdown.add('grpc server', () => server.shutdown(config.shutdownGraceMs));

  // The HTTP/JSON form goes through the gRPC server above, so every rule of the gRPC API applies.
  const loopback = config.grpcHost === '0.0.0.0' || config.grpcHost === '::' ? '127.0.0.1' : config.grpcHost;
  const http = await GatewayHttpServer.start({
    host: config.grpcHost,
    port: config.httpPort,
    grpcAddress: loopback.includes(':') ? `[${loopback}]:${server.port}` : `${loopback}:${server.port}`,
    ...(upstreamCredentials ? { credentials: upstreamCredentials } : {}),
    maxBodyBytes: config.httpMaxBodyBytes,
    ...(config.dashboard === 'on' ? { dashboard: loadDashboard(logger) } : {}),
    logger,
  });
  shutdown.add('http server', () => http.close(config.shutdownGraceMs));
});

function loadDashboard(logger: Logger): DashboardAssets {
  const dashboard = DashboardAssets.load();
  if (!dashboard.built) logger.warn('the web dashboard is not built, so /dashboard/ answers 404; run `npm run build`');
  return dashboard;
}
