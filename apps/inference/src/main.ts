import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { registerTensorMemoryMetrics, selectBackend } from '@aiaas/models';
import { loadAiaasProtos, loadOipProtos } from '@aiaas/proto';
import { openWorkerResources, StageWorker } from '@aiaas/queue';
import { HandlerFactory, PlatformServer, runMain } from '@aiaas/service';
import { inferenceEnv } from './config';
import { createDeployProcessor } from './deploy-stage';
import { createInferenceService } from './inference-service';
import { ServingMetrics } from './serving-metrics';
import { ModelRepository } from './model-repository';
import { createGrpcInferenceService } from './oip/grpc-inference-service';
import { OipHttpServer } from './oip/oip-http-server';
import { OpenInference } from './oip/open-inference';
import { Predictor } from './predictor';
import { Recommender } from './recommender';
import { OnnxWorkerPool } from './runtime/onnx-worker-pool';
import { followRegistryEvents } from './serving/registry-events';
import { ShadowComparer } from './serving/shadow-comparer';
import { ShadowMirror } from './serving/shadow-mirror';

runMain('inference', inferenceEnv, async ({ config, logger, shutdown, metrics }) => {
  const backend = await selectBackend(config.tfjsBackend, logger);
  const { connections, registry, queueMetrics, store } = await openWorkerResources(config, { shutdown, metrics, logger });
  const onnxWorkers = config.onnxWorkerThreads > 0 ? new OnnxWorkerPool(config.onnxWorkerThreads) : undefined;
  if (onnxWorkers) shutdown.add('onnx worker threads', () => onnxWorkers.close());
  registerTensorMemoryMetrics(metrics);
  const repository = new ModelRepository(registry.models, store, logger, {
    metrics: new ServingMetrics(metrics),
    runtime: config.runtime,
    onnxThreads: config.onnxThreads,
    ...(onnxWorkers ? { onnxHost: onnxWorkers } : {}),
    maxLoadedVersions: config.maxLoadedVersions,
    maxLoadedBytes: config.maxLoadedBytes,
    aliasRefreshMs: config.aliasRefreshMs,
    ...(config.batchMaxRows > 0
      ? {
          batching: {
            maxBatchRows: config.batchMaxRows,
            maxQueueDelayMs: config.batchMaxDelayMs,
            maxQueuedRows: config.batchMaxQueuedRows,
            ...(config.batchPreferredRows.length > 0 ? { preferredBatchRows: config.batchPreferredRows } : {}),
          },
        }
      : {}),
  });
  shutdown.add('loaded models', () => repository.unloadAll());
  // Shadow deployments: a sample of an alias's requests is copied to a stream, and every replica compares some of them.
  const mirror = new ShadowMirror({ shadows: registry.shadows, refreshMs: config.aliasRefreshMs, logger });
  const comparer = new ShadowComparer({
    shadows: registry.shadows,
    repository,
    connection: connections.openWorkerConnection(),
    consumer: `${hostname()}-${process.pid}`,
    maxRows: config.maxBatchRows,
    logger,
  });
  comparer.start();
  shutdown.add('shadow comparer', () => comparer.close());
  // Alias moves, traffic splits and shadow deployments announced by the registry: load and warm the new version here, then serve it.
  const registryEvents = connections.redis.duplicate();
  shutdown.add('registry events', () => registryEvents.disconnect());
  await followRegistryEvents(registryEvents, registry, { repository, mirror, logger });

  const worker = new StageWorker({
    stage: 'deploy',
    connection: connections.openWorkerConnection(),
    prefix: config.redisPrefix,
    concurrency: config.workerConcurrency,
    tracker: registry.tracker,
    logger,
    process: createDeployProcessor({ models: registry.models, repository }),
    metrics: queueMetrics,
  });
  shutdown.add('deploy worker', () => worker.close());

  // The Open Inference Protocol v2, over HTTP/JSON here and over gRPC beside Predict below.
  const oip = new OpenInference({
    repository,
    models: registry.models,
    maxBatchRows: config.maxBatchRows,
    backend: backend.name,
    serverVersion: (JSON.parse(readFileSync(resolve(__dirname, '../package.json'), 'utf8')) as { version: string }).version,
    ready: async () => !shutdown.shuttingDown && (await connections.redis.ping()) === 'PONG',
    logger,
    mirror,
  });
  const http = await OipHttpServer.start({ host: config.grpcHost, port: config.httpPort, oip, maxBodyBytes: config.httpMaxBodyBytes, logger });
  shutdown.add('oip http server', () => http.close(config.shutdownGraceMs));

  const protos = loadAiaasProtos();
  const oipProtos = loadOipProtos();
  const handlers = new HandlerFactory(logger);
  const server = await PlatformServer.start({
    tls: config,
    host: config.grpcHost,
    port: config.grpcPort,
    services: [
      {
        name: 'aiaas.v1.InferenceService',
        definition: protos.grpc.aiaas.v1.InferenceService.service,
        implementation: createInferenceService({
          repository,
          predictor: new Predictor(repository, config.maxBatchRows, mirror),
          recommender: new Recommender(repository),
          worker,
          models: registry.models,
          store,
          backend: backend.name,
          handlers,
        }),
      },
      {
        name: 'inference.GRPCInferenceService',
        definition: oipProtos.grpc.inference.GRPCInferenceService.service,
        implementation: createGrpcInferenceService({ oip, handlers }),
      },
    ],
    packageDefinition: { ...protos.packageDefinition, ...oipProtos.packageDefinition },
    logger,
    metrics,
    details: { backend: backend.name },
  });
  shutdown.add('grpc server', () => server.shutdown(config.shutdownGraceMs));
});
