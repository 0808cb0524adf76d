import { artifactEnv, defineEnv, integer, redisEnv, serviceEnv } from '@aiaas/config';

/** Default gRPC port of the preprocessing service. */
export const PREPROCESSING_DEFAULT_PORT = 50052;

/** Environment of the preprocessing service. */
export const preprocessingEnv = defineEnv({
  ...serviceEnv(PREPROCESSING_DEFAULT_PORT),
  ...redisEnv(),
  ...artifactEnv(),
  workerConcurrency: integer({
    env: 'WORKER_CONCURRENCY',
    doc: 'Pipeline jobs this replica runs at once.',
    default: 2,
    min: 1,
    max: 64,
  }),
});

export type PreprocessingConfig = ReturnType<typeof preprocessingEnv.parse>;
