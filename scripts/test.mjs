#!/usr/bin/env node
// `npm test`: installs dependencies if needed, makes sure a Redis answers (the one at
// REDIS_URL, else a throwaway local redis-server), then type-checks, lints and tests every
// project through nx. Extra arguments go to nx, e.g. `npm test -- --projects=gateway`.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies, runNx } from './ensure-dependencies.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);

// The launcher library knows how to find or start Redis; build just it first.
if (runNx(root, ['run', 'launcher:build', '--output-style=static']) !== 0) process.exit(1);
const { ensureRedis, HOW_TO_GET_REDIS, redisServerInstalled, pingRedis } = createRequire(import.meta.url)(join(root, 'libs/launcher/dist/index.js'));

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
if (!(await pingRedis(redisUrl)) && !redisServerInstalled()) {
  console.error(`The tests need Redis, and none answers at ${redisUrl}. ${HOW_TO_GET_REDIS}`);
  process.exit(1);
}
// Where a throwaway redis-server would keep its files; removed afterwards, used or not.
const redisDir = mkdtempSync(join(tmpdir(), 'aiaas-test-redis-'));
const redis = await ensureRedis(redisUrl, redisDir);
if (redis.started) console.log(`no Redis answered at ${redisUrl}; started one at ${redis.url} for the tests`);

const code = runNx(root, ['run-many', '-t', 'typecheck', 'lint', 'test', '--output-style=static', '--parallel=2', ...process.argv.slice(2)], {
  ...process.env,
  REDIS_URL: redis.url,
});
await redis.stop();
rmSync(redisDir, { recursive: true, force: true });
process.exit(code);
