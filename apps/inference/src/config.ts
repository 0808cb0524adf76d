import { artifactEnv, computeEnv, defineEnv, integer, redisEnv, serviceEnv } from '@aiaas/config';

/** Default gRPC port of the inference service. */
export const INFERENCE_DEFAULT_PORT = 50055;

/** Environment of the inference service. */
export const inferenceEnv = defineEnv({
  ...serviceEnv(INFERENCE_DEFAULT_PORT),
  ...redisEnv(),
  ...artifactEnv(),
  ...computeEnv(),
  maxBatchRows: integer({ env: 'MAX_BATCH_ROWS', doc: 'Most rows one Predict request may carry.', default: 10_000, min: 1 }),
  workerConcurrency: integer({ env: 'WORKER_CONCURRENCY', doc: 'Deploy jobs this replica runs at once.', default: 1, min: 1, max: 16 }),
});

export type InferenceConfig = ReturnType<typeof inferenceEnv.parse>;
