/**
 * Typed, validated configuration from environment variables. Each app declares its variables
 * once; the declaration parses them (reporting every problem at once) and documents them.
 *
 * @example
 * ```ts
 * import { defineEnv, port, serviceEnv } from '@aiaas/config';
 * const env = defineEnv({ ...serviceEnv(50051), metricsPort: port({ env: 'METRICS_PORT', doc: 'Prometheus port', default: 9464 }) });
 * const config = env.parse(process.env); // config.grpcPort: number, frozen
 * ```
 */
export { ConfigError, defineEnv, EnvSpec } from './env-spec';
export type { ConfigOf, EnvVarDoc } from './env-spec';
export { address, byteSize, duration, integer, integerList, oneOf, optionalText, port, text, url } from './env-var';
export type { EnvVar } from './env-var';
export { artifactEnv, computeEnv, DEFAULT_METRICS_PORT, datasetReadingEnv, jobRecoveryEnv, LOG_LEVELS, redisEnv, serviceEnv, TFJS_BACKEND_CHOICES, tlsEnv } from './service-env';
