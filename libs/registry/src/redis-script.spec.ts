import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
import { createRedisConnection } from './redis-connection';
import { RedisScript } from './redis-script';

describe('RedisScript on a real Redis', () => {
  const prefix = uniquePrefix('redis-script');
  let redis: Redis;

  beforeAll(() => {
    redis = createRedisConnection(testRedisUrl(), 'command');
  });

  afterAll(async () => {
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
  });

  it('sends the source when Redis lacks the script, then runs it by its hash', async () => {
    // A comment no other run has: Redis cannot know this script yet.
    const source = `-- ${randomBytes(8).toString('hex')}\nreturn redis.call('INCRBY', KEYS[1], ARGV[1])`;
    const sha = createHash('sha1').update(source).digest('hex');
    const script = new RedisScript(source);
    await expect(redis.script('EXISTS', sha)).resolves.toEqual([0]);

    await expect(script.run(redis, [`${prefix}:counter`], [2])).resolves.toBe(2);
    await expect(redis.script('EXISTS', sha)).resolves.toEqual([1]);
    await expect(script.run(redis, [`${prefix}:counter`], [3])).resolves.toBe(5);
  });

  it('lets the script’s own errors through', async () => {
    await expect(new RedisScript("return redis.call('INCRBY', KEYS[1], 'not a number')").run(redis, [`${prefix}:other`])).rejects.toThrow(/not an integer/);
  });
});
