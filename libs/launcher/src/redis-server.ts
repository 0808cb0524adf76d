import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { UnavailableError } from '@aiaas/errors';

/** Answers true when a Redis at `url` replies to PING within `timeoutMs`. */
export function pingRedis(url: string, timeoutMs = 1_000): Promise<boolean> {
  const { hostname, port, password, username } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: Number(port || 6379) });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => {
      const auth = password ? `AUTH ${decodeURIComponent(username || 'default')} ${decodeURIComponent(password)}\r\n` : '';
      socket.write(`${auth}PING\r\n`);
    });
    let reply = '';
    socket.on('data', (data) => {
      reply += data.toString('utf8');
      if (reply.includes('+PONG')) done(true);
      else if (reply.includes('-')) done(false);
    });
  });
}

/** A free TCP port on loopback, as the OS hands it out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The Redis server binary looked up on PATH unless a path is given. */
export const REDIS_SERVER_BINARY = 'redis-server';

/** True when the Redis server binary runs. */
export function redisServerInstalled(binary: string = REDIS_SERVER_BINARY): boolean {
  return spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** How to get a Redis, for the message shown when none can be found or started. */
export const HOW_TO_GET_REDIS = [
  'Either:',
  '  - install one:   sudo apt-get install redis-server   (or: brew install redis)',
  '  - run one:       docker run -d -p 6379:6379 redis:7 --maxmemory-policy noeviction',
  '  - or point REDIS_URL at a Redis you have, e.g. REDIS_URL=redis://host:6379',
].join('\n');

/** A Redis this process started; `stop` shuts it down (saving the AOF). */
export interface LocalRedis {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts `redis-server` on loopback with the settings BullMQ needs (no eviction) and the
 * durability the platform expects (AOF, fsync every second), storing its files in `dataDir`.
 */
export async function startRedisServer(options: { dataDir: string; port?: number; binary?: string }): Promise<LocalRedis> {
  const binary = options.binary ?? REDIS_SERVER_BINARY;
  if (!redisServerInstalled(binary)) throw new UnavailableError(`${binary} is not installed, so no Redis can be started. ${HOW_TO_GET_REDIS}`);
  mkdirSync(options.dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(
    binary,
    [
      '--bind', '127.0.0.1',
      '--port', String(port),
      '--dir', options.dataDir,
      '--appendonly', 'yes',
      '--appendfsync', 'everysec',
      '--maxmemory-policy', 'noeviction',
      '--save', '',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const url = `redis://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  for (let waited = 0; !(await pingRedis(url, 200)); waited += 100) {
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('running'), 100))]);
    if (code !== 'running') throw new Error(`redis-server exited with code ${String(code)} before answering on port ${port}`);
    if (waited > 10_000) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer on port ${port} within 10 s`);
    }
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The Redis to use: the one at `url` if it answers, else a local one started in `dataDir`
 * with `binary` (default `redis-server` on PATH).
 */
export async function ensureRedis(url: string, dataDir: string, binary: string = REDIS_SERVER_BINARY): Promise<LocalRedis & { readonly started: boolean }> {
  if (await pingRedis(url)) return { url, started: false, stop: async () => undefined };
  if (!redisServerInstalled(binary)) throw new UnavailableError(`No Redis answered at ${url}, and no ${binary} is installed to start one. ${HOW_TO_GET_REDIS}`);
  const local = await startRedisServer({ dataDir, binary });
  return { ...local, started: true };
}
