import type { Redis } from 'ioredis';
import { AlreadyExistsError, NotFoundError } from '@aiaas/errors';
import { datasetRecordSchema, type DatasetRecord } from './records';
import type { RegistryKeys } from './registry-keys';

/** Registered datasets, keyed by id. */
export class DatasetCatalog {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RegistryKeys,
  ) {}

  /** Registers a new dataset; refuses to replace an existing one. */
  async register(record: DatasetRecord): Promise<void> {
    const created = await this.redis.set(this.keys.dataset(record.id), JSON.stringify(datasetRecordSchema.parse(record)), 'NX');
    if (created !== 'OK') throw new AlreadyExistsError(`dataset "${record.id}" already exists`);
  }

  /** The dataset; NotFoundError when there is none. */
  async get(id: string): Promise<DatasetRecord> {
    const json = await this.redis.get(this.keys.dataset(id));
    if (json === null) throw NotFoundError.of('dataset', id, 'upload it with UploadDataset first');
    return datasetRecordSchema.parse(JSON.parse(json));
  }
}
