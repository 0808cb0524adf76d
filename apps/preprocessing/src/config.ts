import { artifactEnv, byteSize, datasetReadingEnv, defineEnv, integer, jobRecoveryEnv, redisEnv, serviceEnv, text } from '@aiaas/config';

/** Default gRPC port of the preprocessing service. */
export const PREPROCESSING_DEFAULT_PORT = 50052;

/** Environment of the preprocessing service. */
export const preprocessingEnv = defineEnv({
  ...serviceEnv(PREPROCESSING_DEFAULT_PORT),
  ...redisEnv(),
  ...artifactEnv(),
  ...jobRecoveryEnv(),
  ...datasetReadingEnv(),
  workerConcurrency: integer({
    env: 'WORKER_CONCURRENCY',
    doc: 'Pipeline jobs this replica runs at once.',
    default: 2,
    min: 1,
    max: 64,
  }),
  shardConcurrency: integer({
    env: 'PREPROCESSING_SHARD_CONCURRENCY',
    doc: 'Shards of large datasets this replica processes at once.',
    default: 1,
    min: 1,
    max: 64,
  }),
  shardBytes: byteSize({
    env: 'PREPROCESSING_SHARD_BYTES',
    doc: 'Datasets larger than this are cut into shards of about this size, preprocessed in parallel by any replica.',
    default: '64MiB',
  }),
  importDir: text({
    env: 'PREPROCESSING_IMPORT_DIR',
    doc: 'The only directory ImportDataset may read `file:` paths from.',
    default: './data/imports',
  }),
});

export type PreprocessingConfig = ReturnType<typeof preprocessingEnv.parse>;
