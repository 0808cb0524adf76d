import { artifactEnv, byteSize, computeEnv, defineEnv, duration, integer, integerList, oneOf, port, redisEnv, serviceEnv } from '@aiaas/config';

/** Default gRPC port of the inference service. */
export const INFERENCE_DEFAULT_PORT = 50055;

/** Default port of the Open Inference Protocol's HTTP/JSON form (KServe's and Triton's). */
export const INFERENCE_DEFAULT_HTTP_PORT = 8000;

/** Environment of the inference service. */
export const inferenceEnv = defineEnv({
  ...serviceEnv(INFERENCE_DEFAULT_PORT),
  ...redisEnv(),
  ...artifactEnv(),
  ...computeEnv(),
  maxBatchRows: integer({ env: 'MAX_BATCH_ROWS', doc: 'Most rows one Predict or OIP ModelInfer request may carry.', default: 10_000, min: 1 }),
  httpPort: port({
    env: 'INFERENCE_HTTP_PORT',
    doc: 'Port of the Open Inference Protocol v2 HTTP/JSON server (/v2/...), on the GRPC_HOST interface; 0 picks a free one (logged at start).',
    default: INFERENCE_DEFAULT_HTTP_PORT,
  }),
  httpMaxBodyBytes: byteSize({ env: 'INFERENCE_HTTP_MAX_BODY', doc: 'Largest OIP HTTP request body; a larger one is refused with 413.', default: '16MiB' }),
  workerConcurrency: integer({ env: 'WORKER_CONCURRENCY', doc: 'Deploy jobs this replica runs at once.', default: 1, min: 1, max: 16 }),
  runtime: oneOf(['auto', 'tfjs'] as const, {
    env: 'INFERENCE_RUNTIME',
    doc: "auto: each version runs on ONNX Runtime when its ONNX export gives TF.js's outputs on sample rows, else on TF.js; tfjs: always TF.js.",
    default: 'auto',
  }),
  onnxThreads: integer({ env: 'ONNX_THREADS', doc: "ONNX Runtime's threads per model call.", default: 1, min: 1, max: 64 }),
  onnxWorkerThreads: integer({
    env: 'ONNX_WORKER_THREADS',
    doc: 'Worker threads ONNX Runtime sessions run on, so model calls do not block the event loop serving requests; each version runs on one. 0 runs them on the event loop.',
    default: 1,
    min: 0,
    max: 64,
  }),
  batchMaxRows: integer({ env: 'BATCH_MAX_ROWS', doc: 'Dynamic batching: most rows merged into one model call; 0 turns batching off.', default: 256, min: 0 }),
  batchMaxDelayMs: duration({ env: 'BATCH_MAX_DELAY', doc: 'Dynamic batching: longest an idle model waits for more requests to join a batch (it waits less when arrivals are sparse).', default: '2ms' }),
  batchPreferredRows: integerList({
    env: 'BATCH_PREFERRED_ROWS',
    doc: 'Dynamic batching: batch sizes worth waiting for, comma-separated; a batch goes as soon as it reaches the largest. Empty: BATCH_MAX_ROWS.',
    default: [],
    min: 1,
  }),
  batchMaxQueuedRows: integer({ env: 'BATCH_MAX_QUEUED_ROWS', doc: "Dynamic batching: most rows waiting per version; beyond it requests get RESOURCE_EXHAUSTED.", default: 100_000, min: 1 }),
  maxLoadedBytes: byteSize({
    env: 'MAX_LOADED_BYTES',
    doc: "Most bytes of model weights in memory (per version: its ONNX graph when ONNX Runtime serves it, else its TF.js weights); the least recently used idle version that no alias serves is unloaded beyond it.",
    default: '4GiB',
  }),
  maxLoadedVersions: integer({ env: 'MAX_LOADED_VERSIONS', doc: 'Most model versions in memory; the least recently used idle one that no alias serves is unloaded beyond it.', default: 32, min: 1 }),
  aliasRefreshMs: duration({ env: 'ALIAS_REFRESH', doc: 'How old an alias reading may get before it is checked again (alias moves are also announced over Redis).', default: '5s' }),
});

export type InferenceConfig = ReturnType<typeof inferenceEnv.parse>;
