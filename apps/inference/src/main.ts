import { selectBackend } from '@aiaas/models';
import { loadAiaasProtos } from '@aiaas/proto';
import { StageWorker } from '@aiaas/queue';
import { connectRegistry } from '@aiaas/registry';
import { HandlerFactory, PlatformServer, runMain } from '@aiaas/service';
import { FsArtifactStore } from '@aiaas/storage';
import { inferenceEnv } from './config';
import { createDeployProcessor } from './deploy-stage';
import { createInferenceService } from './inference-service';
import { ModelRepository } from './model-repository';
import { Predictor } from './predictor';
import { Recommender } from './recommender';

runMain('inference', inferenceEnv, async ({ config, logger, shutdown }) => {
  const backend = await selectBackend(config.tfjsBackend, logger);
  const connections = connectRegistry({ redisUrl: config.redisUrl, prefix: config.redisPrefix });
  shutdown.add('redis', () => connections.close());
  const { registry } = connections;
  const repository = new ModelRepository(registry.models, new FsArtifactStore(config.artifactDir), logger);
  shutdown.add('loaded models', () => repository.unloadAll());

  const worker = new StageWorker({
    stage: 'deploy',
    connection: connections.openWorkerConnection(),
    prefix: config.redisPrefix,
    concurrency: config.workerConcurrency,
    tracker: registry.tracker,
    logger,
    process: createDeployProcessor({ models: registry.models, repository }),
  });
  shutdown.add('deploy worker', () => worker.close());

  const protos = loadAiaasProtos();
  const server = await PlatformServer.start({
    host: config.grpcHost,
    port: config.grpcPort,
    services: [
      {
        name: 'aiaas.v1.InferenceService',
        definition: protos.grpc.aiaas.v1.InferenceService.service,
        implementation: createInferenceService({
          repository,
          predictor: new Predictor(repository, config.maxBatchRows),
          recommender: new Recommender(repository),
          worker,
          backend: backend.name,
          handlers: new HandlerFactory(logger),
        }),
      },
    ],
    packageDefinition: protos.packageDefinition,
    logger,
    details: { backend: backend.name },
  });
  shutdown.add('grpc server', () => server.shutdown(config.shutdownGraceMs));
});
