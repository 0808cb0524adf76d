import { address, byteSize, defineEnv, duration, integer, oneOf, optionalText, port, redisEnv, serviceEnv } from '@aiaas/config';

/** Default gRPC port of the gateway, the platform's public door. */
export const GATEWAY_DEFAULT_PORT = 50051;

/** Environment of the gateway. */
export const gatewayEnv = defineEnv({
  ...serviceEnv(GATEWAY_DEFAULT_PORT),
  ...redisEnv(),
  preprocessingAddress: address({ env: 'PREPROCESSING_ADDR', doc: 'host:port of the preprocessing service.', default: '127.0.0.1:50052' }),
  evaluationAddress: address({ env: 'EVALUATION_ADDR', doc: 'host:port of the evaluation service (EvaluateModel, GetModelReport).', default: '127.0.0.1:50054' }),
  inferenceAddress: address({ env: 'INFERENCE_ADDR', doc: 'host:port of the inference service.', default: '127.0.0.1:50055' }),
  maxUploadBytes: byteSize({ env: 'MAX_UPLOAD_BYTES', doc: 'Largest dataset upload accepted; bigger ones get RESOURCE_EXHAUSTED.', default: '1GiB' }),
  stageAttempts: integer({ env: 'STAGE_ATTEMPTS', doc: 'Attempts per pipeline stage before the job fails (permanent errors never retry).', default: 3, min: 1, max: 10 }),
  httpPort: port({ env: 'GATEWAY_HTTP_PORT', doc: 'Port of the HTTP/JSON form of the main calls (/v1/...), on the GRPC_HOST interface; 0 picks a free one (logged at start).', default: 8080 }),
  dashboard: oneOf(['on', 'off'] as const, {
    env: 'GATEWAY_DASHBOARD',
    doc: 'on: serve the web dashboard at /dashboard/ on the HTTP port (it shows only what the key its user enters may see); off: the HTTP port serves the API alone.',
    default: 'on',
  }),
  httpMaxBodyBytes: byteSize({ env: 'GATEWAY_HTTP_MAX_BODY', doc: 'Largest HTTP/JSON request body; a larger one is refused with 413.', default: '16MiB' }),
  auth: oneOf(['api-keys', 'none'] as const, {
    env: 'AUTH',
    doc: 'api-keys: every call needs an API key with the role its method needs; none: no authentication (a trusted local setup only).',
    default: 'api-keys',
  }),
  apiKeyCacheMs: duration({ env: 'API_KEY_CACHE', doc: 'How long a verified API key is trusted before Redis is asked again: a revoked key stops working within this.', default: '5s' }),
  adminApiKey: optionalText({
    env: 'ADMIN_API_KEY',
    doc: 'An admin key of tenant "default" registered at start (from a secret), so a deployment has its first admin; make one with `aiaas keys generate`.',
  }),
  rateLimit: integer({ env: 'RATE_LIMIT', doc: 'Calls per second each tenant may make, across all gateway replicas (a token bucket in Redis); 0: unlimited.', default: 1_000, min: 0 }),
  rateLimitBurst: integer({ env: 'RATE_LIMIT_BURST', doc: 'Calls a tenant may make at once above its rate, after a quiet spell.', default: 2_000, min: 1 }),
  maxConcurrentJobs: integer({ env: 'MAX_CONCURRENT_JOBS', doc: 'Pipeline jobs each tenant may have queued or running at once; 0: unlimited.', default: 8, min: 0 }),
  upstreamDeadlineMs: duration({ env: 'UPSTREAM_DEADLINE', doc: 'Deadline of each unary call the gateway makes to an internal service.', default: '30s' }),
});

export type GatewayConfig = ReturnType<typeof gatewayEnv.parse>;
