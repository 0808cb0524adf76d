import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A Lua script that runs by its SHA-1: Redis is sent the source only when it lacks the script
 * (after a restart or SCRIPT FLUSH), and EVAL caches it again. Scripts on hot paths then cost a
 * few dozen bytes a call, not their whole source.
 */
export class RedisScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: Redis, keys: readonly string[], args: readonly (string | number)[] = []): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}
