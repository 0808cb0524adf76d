import { InvalidArgumentError } from '@aiaas/errors';
import {
  toTimestamp,
  type ExportModelRequest__Output,
  type InferenceServiceHandlers,
  type LoadedModel,
  type PredictRequest__Output,
  type RecommendRequest__Output,
  type TransformRecordsRequest__Output,
} from '@aiaas/proto';
import { toWorkerInfo, type StageWorker } from '@aiaas/queue';
import type { ModelRegistry } from '@aiaas/registry';
import { deadlineOf, type HandlerFactory } from '@aiaas/service';
import type { ArtifactStore } from '@aiaas/storage';
import { exportModel } from './model-export';
import type { LoadedVersion, ModelRepository } from './model-repository';
import type { Predictor } from './predictor';
import type { Recommender } from './recommender';

export interface InferenceServiceDependencies {
  readonly repository: ModelRepository;
  readonly predictor: Predictor;
  readonly recommender: Recommender;
  readonly worker: StageWorker<'deploy'>;
  readonly models: ModelRegistry;
  readonly store: ArtifactStore;
  readonly backend: string;
  readonly handlers: HandlerFactory;
}

function describeLoaded(loaded: LoadedVersion, backend: string): LoadedModel {
  return { model_name: loaded.record.modelName, version: loaded.record.version, backend, loaded_at: toTimestamp(loaded.loadedAt) };
}

function versionRequest(request: { model_name: string; version: number }): { modelName: string; version: number } {
  if (!request.model_name) throw new InvalidArgumentError('model_name', 'is required');
  if (!request.version) throw new InvalidArgumentError('version', 'must be 1 or more');
  return { modelName: request.model_name, version: request.version };
}

/** The `aiaas.v1.InferenceService` handlers. */
export function createInferenceService(dependencies: InferenceServiceDependencies): InferenceServiceHandlers {
  const { handlers, repository, backend } = dependencies;
  return {
    Predict: handlers.unary('Predict', (request: PredictRequest__Output, call) => dependencies.predictor.predict(request, deadlineOf(call))),
    PredictStream: handlers.bidiStream('PredictStream', (requests: AsyncIterable<PredictRequest__Output>, call) => dependencies.predictor.predictStream(requests, deadlineOf(call))),
    TransformRecords: handlers.unary('TransformRecords', (request: TransformRecordsRequest__Output) => dependencies.predictor.transformRecords(request)),
    Recommend: handlers.unary('Recommend', (request: RecommendRequest__Output) => dependencies.recommender.recommend(request)),
    ExportModel: handlers.unary('ExportModel', (request: ExportModelRequest__Output) => exportModel(dependencies.models, dependencies.store, request)),
    LoadModel: handlers.unary('LoadModel', async (request: { model_name: string; version: number }) => {
      const { modelName, version } = versionRequest(request);
      return describeLoaded(await repository.load(modelName, version), backend);
    }),
    UnloadModel: handlers.unary('UnloadModel', async (request: { model_name: string; version: number }) => {
      const { modelName, version } = versionRequest(request);
      return { unloaded: await repository.unload(modelName, version) };
    }),
    ListLoadedModels: handlers.unary('ListLoadedModels', async () => ({
      models: (await repository.list()).map((loaded) => describeLoaded(loaded, backend)),
    })),
    DescribeWorker: handlers.unary('DescribeWorker', async () => toWorkerInfo('inference', dependencies.worker.stats, backend)),
  };
}
