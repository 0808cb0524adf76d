/**
 * Starts the platform's processes on one machine: a Redis when none answers, and services as
 * child processes that report their port through their JSON "listening" log line. Used by the
 * CLI's `up` command and by the end-to-end tests.
 *
 * @example
 * ```ts
 * import { ensureRedis, ServiceProcess } from '@aiaas/launcher';
 * const redis = await ensureRedis('redis://127.0.0.1:6379', './data/redis');
 * const training = await ServiceProcess.start({ name: 'training', script: 'apps/training/dist/main.js', env: { ...process.env, GRPC_PORT: '0', REDIS_URL: redis.url } });
 * console.log(training.address);
 * await training.stop();
 * ```
 */
export { LocalPlatform, PLATFORM_SERVICES } from './local-platform';
export type { LocalPlatformOptions, PlatformService } from './local-platform';
export { ensureRedis, freePort, HOW_TO_GET_REDIS, pingRedis, redisServerInstalled, startRedisServer } from './redis-server';
export type { LocalRedis } from './redis-server';
export { ServiceProcess } from './service-process';
export type { ServiceProcessOptions } from './service-process';
