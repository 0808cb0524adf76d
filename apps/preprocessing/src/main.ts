import { loadAiaasProtos } from '@aiaas/proto';
import { StageWorker } from '@aiaas/queue';
import { connectRegistry } from '@aiaas/registry';
import { HandlerFactory, PlatformServer, runMain } from '@aiaas/service';
import { FsArtifactStore } from '@aiaas/storage';
import { preprocessingEnv } from './config';
import { createPreprocessProcessor } from './preprocess-stage';
import { createPreprocessingService } from './preprocessing-service';

runMain('preprocessing', preprocessingEnv, async ({ config, logger, shutdown }) => {
  const connections = connectRegistry({ redisUrl: config.redisUrl, prefix: config.redisPrefix });
  shutdown.add('redis', () => connections.close());
  const { registry } = connections;
  const store = new FsArtifactStore(config.artifactDir);

  const worker = new StageWorker({
    stage: 'preprocess',
    connection: connections.openWorkerConnection(),
    prefix: config.redisPrefix,
    concurrency: config.workerConcurrency,
    tracker: registry.tracker,
    logger,
    process: createPreprocessProcessor({ datasets: registry.datasets, store }),
  });
  shutdown.add('preprocess worker', () => worker.close());

  const protos = loadAiaasProtos();
  const server = await PlatformServer.start({
    host: config.grpcHost,
    port: config.grpcPort,
    services: [
      {
        name: 'aiaas.v1.PreprocessingService',
        definition: protos.grpc.aiaas.v1.PreprocessingService.service,
        implementation: createPreprocessingService({ datasets: registry.datasets, store, worker, handlers: new HandlerFactory(logger) }),
      },
    ],
    packageDefinition: protos.packageDefinition,
    logger,
  });
  shutdown.add('grpc server', () => server.shutdown(config.shutdownGraceMs));
});
