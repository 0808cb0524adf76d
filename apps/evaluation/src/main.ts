import { registerTensorMemoryMetrics, selectBackend } from '@aiaas/models';
import { loadAiaasProtos, type EvaluateModelRequest__Output, type GetModelReportRequest__Output } from '@aiaas/proto';
import { openWorkerResources, StageWorker, toWorkerInfo } from '@aiaas/queue';
import { HandlerFactory, PlatformServer, runMain } from '@aiaas/service';
import { evaluationEnv } from './config';
import { createEvaluateProcessor } from './evaluate-stage';
import { EvaluationService } from './evaluation-service';

runMain('evaluation', evaluationEnv, async ({ config, logger, shutdown, metrics }) => {
  const backend = await selectBackend(config.tfjsBackend, logger);
  const { connections, registry, queueMetrics, store } = await openWorkerResources(config, { shutdown, metrics, logger });
  registerTensorMemoryMetrics(metrics);
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
