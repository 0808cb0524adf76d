// Redis helpers for benchmarks that use a real Redis under their own prefix
// (the same few lines as libs/testing's uniquePrefix/deleteKeysWithPrefix, which is TS-only).
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** A key prefix no other run uses, so a benchmark can share a Redis with anything else. */
export function uniquePrefix(label) {
  return `bench-${label}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key that starts with `prefix:`; returns how many it deleted. */
export async function deleteKeysWithPrefix(redis, prefix) {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    if (keys.length > 0) deleted += await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  return deleted;
}

/** Runs `use` with a Redis connection (the workspace's ioredis) that fails fast, then closes it. */
export async function withRedis(repoRoot, redisUrl, use) {
  const { Redis } = createRequire(join(repoRoot, 'package.json'))('ioredis');
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3_000, retryStrategy: () => null });
  try {
    await redis.connect();
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}

/** Exits the process, saying how to get one, unless a Redis answers at `redisUrl`. */
export async function exitUnlessRedisAnswers(repoRoot, redisUrl) {
  try {
    await withRedis(repoRoot, redisUrl, (redis) => redis.ping());
  } catch (error) {
    console.error(`Redis is not reachable at ${redisUrl} (${error.message}); start one (docker compose up -d redis) or set REDIS_URL.`);
    process.exit(1);
  }
}
