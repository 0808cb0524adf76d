// Redis helpers for benchmarks that register records in a real Redis under their own prefix
// (the same few lines as libs/testing's uniquePrefix/deleteKeysWithPrefix, which is TS-only).
import { randomBytes } from 'node:crypto';

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
