import { datasetProfileSchema } from '@aiaas/data';
import type {
  GetDatasetStatsRequest__Output,
  ImportDatasetRequest__Output,
  PreprocessingServiceHandlers,
  PreviewDatasetRequest__Output,
  UploadDatasetRequest__Output,
} from '@aiaas/proto';
import { toWorkerInfo, type StageWorker } from '@aiaas/queue';
import { datasetStatisticsToMessage, datasetToMessage, type DatasetCatalog } from '@aiaas/registry';
import type { HandlerFactory } from '@aiaas/service';
import { getJson, type ArtifactStore } from '@aiaas/storage';
import { InvalidArgumentError } from '@aiaas/errors';
import type { DatasetIngestor } from './ingest/dataset-ingestor';
import { PREVIEW_LIMITS, previewRows } from './ingest/dataset-preview';

export interface PreprocessingServiceDependencies {
  readonly datasets: DatasetCatalog;
  readonly store: ArtifactStore;
  readonly ingestor: DatasetIngestor;
  readonly worker: StageWorker<'preprocess'>;
  readonly handlers: HandlerFactory;
  readonly maxRecordBytes: number;
}

/** The `aiaas.v1.PreprocessingService` handlers. */
export function createPreprocessingService(dependencies: PreprocessingServiceDependencies): PreprocessingServiceHandlers {
  const { handlers, datasets, store, ingestor } = dependencies;
  return {
    IngestDataset: handlers.clientStream('IngestDataset', async (messages: AsyncIterable<UploadDatasetRequest__Output>) =>
      datasetToMessage(await ingestor.ingestUpload(messages)),
    ),
    ImportDataset: handlers.unary('ImportDataset', async (request: ImportDatasetRequest__Output) => datasetToMessage(await ingestor.importDataset(request))),
    GetDataset: handlers.unary('GetDataset', async (request: { dataset_id: string }) => datasetToMessage(await datasets.get(request.dataset_id))),
    PreviewDataset: handlers.unary('PreviewDataset', async (request: PreviewDatasetRequest__Output) => {
      if (request.limit > PREVIEW_LIMITS.max) throw new InvalidArgumentError('limit', `must be at most ${PREVIEW_LIMITS.max}, got ${request.limit}`);
      const dataset = await datasets.get(request.dataset_id);
      const rows = await previewRows(store, dataset, request.limit || PREVIEW_LIMITS.default, dependencies.maxRecordBytes);
      return { dataset: datasetToMessage(dataset), rows };
    }),
    GetDatasetStats: handlers.unary('GetDatasetStats', async (request: GetDatasetStatsRequest__Output) => {
      const dataset = await datasets.get(request.dataset_id);
      const profile = await getJson(store, dataset.profile, (value) => datasetProfileSchema.parse(value));
      return datasetStatisticsToMessage(dataset.id, profile);
    }),
    DescribeWorker: handlers.unary('DescribeWorker', async () => toWorkerInfo('preprocessing', dependencies.worker.stats)),
  };
}
