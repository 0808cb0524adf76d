import { artifactEnv, computeEnv, datasetReadingEnv, defineEnv, integer, redisEnv, serviceEnv } from '@aiaas/config';

/** Default gRPC port of the evaluation service. */
export const EVALUATION_DEFAULT_PORT = 50054;

/** Environment of the evaluation service. */
export const evaluationEnv = defineEnv({
  ...serviceEnv(EVALUATION_DEFAULT_PORT),
  ...redisEnv(),
  ...artifactEnv(),
  ...computeEnv(),
  ...datasetReadingEnv(),
  workerConcurrency: integer({ env: 'WORKER_CONCURRENCY', doc: 'Evaluation jobs this replica runs at once.', default: 2, min: 1, max: 64 }),
});
