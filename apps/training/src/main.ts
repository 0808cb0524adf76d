import { registerTensorMemoryMetrics, selectBackend } from '@aiaas/models';
import { loadAiaasProtos } from '@aiaas/proto';
import { openWorkerResources, StageWorker, TaskWorker, TenantSlots, toWorkerInfo } from '@aiaas/queue';
import { HandlerFactory, PlatformServer, runMain } from '@aiaas/service';
import { trainingEnv } from './config';
import { createTrainProcessor } from './train-stage';
import { createTrialProcessor } from './tuning/trial-task';

runMain('training', trainingEnv, async ({ config, logger, shutdown, metrics }) => {
  const backend = await selectBackend(config.tfjsBackend, logger);
  const { connections, registry, queueMetrics, store } = await openWorkerResources(config, { shutdown, metrics, logger });
  registerTensorMemoryMetrics(metrics);

  const worker = new StageWorker({
    stage: 'train',
    connection: connections.openWorkerConnection(),
    prefix: config.redisPrefix,
    concurrency: config.workerConcurrency,
    lockDurationMs: config.jobLockMs,
    stalledIntervalMs: config.stalledCheckMs,
    tracker: registry.tracker,
    logger,
    metrics: queueMetrics,
    process: createTrainProcessor({ models: registry.models, store, backend }),
  });
  shutdown.add('train worker', () => worker.close());

  const trialWorker = new TaskWorker({
    task: 'trainTrial',
    connection: connections.openWorkerConnection(),
    prefix: config.redisPrefix,
    concurrency: config.trialConcurrency,
    lockDurationMs: config.jobLockMs,
    stalledIntervalMs: config.stalledCheckMs,
    tracker: registry.tracker,
    logger,
    metrics: queueMetrics,
    process: createTrialProcessor({ store, slots: new TenantSlots(connections.redis, config.redisPrefix, 'trials', config.tenantTrialLimit, config.jobLockMs) }),
  });
  shutdown.add('trial worker', () => trialWorker.close());

  const protos = loadAiaasProtos();
  const handlers = new HandlerFactory(logger);
  const server = await PlatformServer.start({
    tls: config,
    host: config.grpcHost,
    port: config.grpcPort,
    services: [
      {
        name: 'aiaas.v1.TrainingService',
        definition: protos.grpc.aiaas.v1.TrainingService.service,
        implementation: {
          DescribeWorker: handlers.unary('DescribeWorker', async () => toWorkerInfo('training', worker.stats, backend.name)),
        },
      },
    ],
    packageDefinition: protos.packageDefinition,
    logger,
    metrics,
    details: { backend: backend.name },
  });
  shutdown.add('grpc server', () => server.shutdown(config.shutdownGraceMs));
});
