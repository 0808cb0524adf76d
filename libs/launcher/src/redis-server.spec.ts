import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRedis, freePort, pingRedis, redisServerInstalled, startRedisServer } from './redis-server';

describe('pingRedis', () => {
  it('answers false when nothing listens on the port', async () => {
    await expect(pingRedis(`redis://127.0.0.1:${await freePort()}`, 500)).resolves.toBe(false);
  });
});

const describeWithRedisServer = redisServerInstalled() ? describe : describe.skip;

describeWithRedisServer('startRedisServer', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'aiaas-redis-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts a Redis that answers PING, and stops it', async () => {
    const redis = await startRedisServer({ dataDir });
    try {
      await expect(pingRedis(redis.url)).resolves.toBe(true);
    } finally {
      await redis.stop();
    }
    await expect(pingRedis(redis.url, 300)).resolves.toBe(false);
  });

  it('reuses a Redis that answers instead of starting one', async () => {
    const first = await startRedisServer({ dataDir });
    try {
      const ensured = await ensureRedis(first.url, dataDir);
      expect(ensured).toMatchObject({ url: first.url, started: false });
    } finally {
      await first.stop();
    }
  });
});

describe('ensureRedis without redis-server', () => {
  it('says how to get a Redis when none answers and none can be started', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    await expect(ensureRedis(url, tmpdir(), '/nonexistent/redis-server')).rejects.toThrow(
      `No Redis answered at ${url}, and no /nonexistent/redis-server is installed to start one. Either:`,
    );
  });
});
