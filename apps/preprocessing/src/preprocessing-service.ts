import type { PreprocessingServiceHandlers, UploadDatasetRequest__Output } from '@aiaas/proto';
import { toWorkerInfo, type StageWorker } from '@aiaas/queue';
import { datasetToMessage, type DatasetCatalog } from '@aiaas/registry';
import type { HandlerFactory } from '@aiaas/service';
import type { ArtifactStore } from '@aiaas/storage';
import { ingestCsvUpload } from './csv-upload';

export interface PreprocessingServiceDependencies {
  readonly datasets: DatasetCatalog;
  readonly store: ArtifactStore;
  readonly worker: StageWorker<'preprocess'>;
  readonly handlers: HandlerFactory;
}

/** The `aiaas.v1.PreprocessingService` handlers. */
export function createPreprocessingService(dependencies: PreprocessingServiceDependencies): PreprocessingServiceHandlers {
  const { handlers, datasets } = dependencies;
  return {
    IngestDataset: handlers.clientStream('IngestDataset', async (messages: AsyncIterable<UploadDatasetRequest__Output>) => {
      const record = await ingestCsvUpload(messages, dependencies.store);
      await datasets.register(record);
      return datasetToMessage(record);
    }),
    GetDataset: handlers.unary('GetDataset', async (request: { dataset_id: string }) => datasetToMessage(await datasets.get(request.dataset_id))),
    DescribeWorker: handlers.unary('DescribeWorker', async () => toWorkerInfo('preprocessing', dependencies.worker.stats)),
  };
}
