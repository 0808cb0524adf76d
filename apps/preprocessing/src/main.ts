import { loadAiaasProtos } from '@aiaas/proto';
import { openWorkerResources, StageWorker, TaskWorker } from '@aiaas/queue';
import { HandlerFactory, PlatformServer, runMain } from '@aiaas/service';
import { getJson } from '@aiaas/storage';
import { preprocessingEnv } from './config';
import { DatasetIngestor } from './ingest/dataset-ingestor';
import { createPreprocessProcessor, runShardPhase } from './preprocess/preprocess-stage';
import { preprocessWorkSchema } from './preprocess/preprocess-work';
import { createPreprocessingService } from './preprocessing-service';

runMain('preprocessing', preprocessingEnv, async ({ config, logger, shutdown, metrics }) => {
  const { connections, registry, queueMetrics, store } = await openWorkerResources(config, { shutdown, metrics, logger });

  const worker = new StageWorker({
    stage: 'preprocess',
    connection: connections.openWorkerConnection(),
    prefix: config.redisPrefix,
    concurrency: config.workerConcurrency,
    lockDurationMs: config.jobLockMs,
    stalledIntervalMs: config.stalledCheckMs,
    tracker: registry.tracker,
    logger,
    metrics: queueMetrics,
    process: createPreprocessProcessor({ datasets: registry.datasets, store, maxRecordBytes: config.maxRecordBytes }),
  });
  shutdown.add('preprocess worker', () => worker.close());

  const shardWorker = new TaskWorker({
    task: 'preprocessShard',
    connection: connections.openWorkerConnection(),
    prefix: config.redisPrefix,
    concurrency: config.shardConcurrency,
    lockDurationMs: config.jobLockMs,
    stalledIntervalMs: config.stalledCheckMs,
    tracker: registry.tracker,
    logger,
    metrics: queueMetrics,
    process: async ({ payload }) => {
      const work = await getJson(store, payload.work, (value) => preprocessWorkSchema.parse(value));
      return { shardIndex: payload.shardIndex, phase: payload.phase, output: await runShardPhase(store, work, payload.shardIndex, payload.phase) };
    },
  });
  shutdown.add('preprocess shard worker', () => shardWorker.close());

  const ingestor = new DatasetIngestor({
    store,
    datasets: registry.datasets,
    limits: { maxRecordBytes: config.maxRecordBytes, shardBytes: config.shardBytes },
    importDir: config.importDir,
  });
  const protos = loadAiaasProtos();
  const server = await PlatformServer.start({
    tls: config,
    host: config.grpcHost,
    port: config.grpcPort,
    services: [
      {
        name: 'aiaas.v1.PreprocessingService',
        definition: protos.grpc.aiaas.v1.PreprocessingService.service,
        implementation: createPreprocessingService({
          datasets: registry.datasets,
          store,
          ingestor,
          worker,
          handlers: new HandlerFactory(logger),
          maxRecordBytes: config.maxRecordBytes,
        }),
      },
    ],
    packageDefinition: protos.packageDefinition,
    logger,
    metrics,
  });
  shutdown.add('grpc server', () => server.shutdown(config.shutdownGraceMs));
});
