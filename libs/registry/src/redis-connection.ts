import { Redis, type RedisOptions } from 'ioredis';

/**
 * How a connection will be used:
 * - `command`: request/response from a server handler; fails fast when Redis is down, so the
 *   caller gets UNAVAILABLE instead of a request that hangs.
 * - `worker`: BullMQ workers and blocking reads; waits and reconnects for as long as it takes
 *   (BullMQ requires `maxRetriesPerRequest: null` here).
 */
export type RedisRole = 'command' | 'worker';

/** Opens a Redis connection configured for `role`. */
export function createRedisConnection(url: string, role: RedisRole, options: RedisOptions = {}): Redis {
  const roleOptions: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 5_000 };
  return new Redis(url, {
    lazyConnect: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
    // disconnect() half-closes and waits this long for the server to close its side; a server
    // blocked in XREAD/BRPOP does not, so do not hold the process open for ioredis's 2 s.
    disconnectTimeout: 200,
    ...roleOptions,
    ...options,
  });
}
