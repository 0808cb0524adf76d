import { registerTensorMemoryMetrics, selectBackend } from '@aiaas/models';
import { loadAiaasProtos, type EvaluateModelRequest__Output, type GetModelReportRequest__Output } from '@aiaas/proto';
import { QueueMetrics, StageWorker, toWorkerInfo } from '@aiaas/queue';
import { connectRegistry } from '@aiaas/registry';
import { HandlerFactory, PlatformServer, runMain } from '@aiaas/service';
import { openArtifactStore } from '@aiaas/storage';
import { evaluationEnv } from './config';
import { createEvaluateProcessor } from './evaluate-stage';
import { EvaluationService } from './evaluation-service';

runMain('evaluation', evaluationEnv, async ({ config, logger, shutdown, metrics }) => {
  const backend = await selectBackend(config.tfjsBackend, logger);
  const connections = connectRegistry({ redisUrl: config.redisUrl, prefix: config.redisPrefix });
  shutdown.add('redis', () => connections.close());
  const { registry } = connections;
  registerTensorMemoryMetrics(metrics);
  const queueMetrics = new QueueMetrics(metrics, connections.redis, config.redisPrefix);
  shutdown.add('queue metrics', () => queueMetrics.close());
  const artifacts = await openArtifactStore(config);
  shutdown.add('artifact store', () => artifacts.close());
  logger.info('artifact store', { location: artifacts.location });
  const { store } = artifacts;
  const sources = { models: registry.models, datasets: registry.datasets, store, maxRecordBytes: config.maxRecordBytes };

  const worker = new StageWorker({
    stage: 'evaluate',
    connection: connections.openWorkerConnection(),
    prefix: config.redisPrefix,
    concurrency: config.workerConcurrency,
    tracker: registry.tracker,
    logger,
    metrics: queueMetrics,
    process: createEvaluateProcessor(sources),
  });
  shutdown.add('evaluate worker', () => worker.close());

  const protos = loadAiaasProtos();
  const handlers = new HandlerFactory(logger);
  const service = new EvaluationService(sources);
  const server = await PlatformServer.start({
    tls: config,
    host: config.grpcHost,
    port: config.grpcPort,
    services: [
      {
        name: 'aiaas.v1.EvaluationService',
        definition: protos.grpc.aiaas.v1.EvaluationService.service,
        implementation: {
          DescribeWorker: handlers.unary('DescribeWorker', async () => toWorkerInfo('evaluation', worker.stats, backend.name)),
          EvaluateModel: handlers.unary('EvaluateModel', (request: EvaluateModelRequest__Output) => service.evaluateModel(request)),
          GetModelReport: handlers.unary('GetModelReport', (request: GetModelReportRequest__Output) => service.getModelReport(request)),
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
