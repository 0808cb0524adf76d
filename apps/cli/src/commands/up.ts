import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import { ensureRedis, LocalPlatform } from '@aiaas/launcher';
import { generateApiKey } from '@aiaas/proto';
import type { Command, CliContext } from '../cli-context';
import { gatewayClientOptions, withGateway } from '../gateway-session';
import { runDemo } from './demo';

/** Root of the repository: the built services live under apps/<name>/dist. */
const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

interface RunningPlatform {
  readonly platform: LocalPlatform;
  /** The gateway's HTTP port, from its "gateway http listening" line (just after the gRPC one); undefined if it never came. */
  httpPort(): Promise<number | undefined>;
  stop(): Promise<void>;
}

/** Writes a service's lines to its log file and shows warnings and errors on stderr. */
function logSink(logs: Map<string, WriteStream>, logDir: string, context: CliContext) {
  return (service: string, line: string) => {
    let log = logs.get(service);
    if (!log) logs.set(service, (log = createWriteStream(join(logDir, `${service}.log`), { flags: 'a' })));
    log.write(`${line}\n`);
    if (/"level":"(warn|error)"/.test(line) || !line.startsWith('{')) context.err(`[${service}] ${line}`);
  };
}

/** The admin key the local platform's gateway registers: the one the CLI already uses for it, else a new one. */
function localAdminKey(basePort: number, context: CliContext): string {
  return context.config.apiKey ?? context.credentials.keyFor(`127.0.0.1:${basePort}`) ?? generateApiKey();
}

async function startPlatform(basePort: number, adminKey: string, context: CliContext): Promise<RunningPlatform> {
  const dataDir = resolve(context.config.dataDir);
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const redis = await ensureRedis(context.config.redisUrl, join(dataDir, 'redis'));
  context.out(redis.started ? `started redis-server at ${redis.url} (AOF in ${join(dataDir, 'redis')})` : `using Redis at ${redis.url}`);

  const logs = new Map<string, WriteStream>();
  const closeLogs = () => {
    for (const log of logs.values()) log.end();
  };
  let platform: LocalPlatform;
  const sink = logSink(logs, logDir, context);
  try {
    platform = await LocalPlatform.start({
      workspaceRoot: WORKSPACE_ROOT,
      env: { ...process.env, REDIS_URL: redis.url, ARTIFACT_DIR: join(dataDir, 'artifacts'), ADMIN_API_KEY: adminKey },
      basePort,
      onLine: sink,
    });
  } catch (error) {
    await redis.stop();
    closeLogs();
    throw error;
  }
  context.out(`services running (logs in ${logDir}): ${platform.services.map((service) => `${service.name} :${service.port}`).join(', ')}`);
  return {
    platform,
    httpPort: () => platform.service('gateway').announcedPort('gateway http listening'),
    stop: async () => {
      await platform.stop();
      await redis.stop();
      closeLogs();
    },
  };
}

export const upCommand: Command = {
  usage: 'up [--demo] [--once] [--port GATEWAY_PORT]',
  summary: 'run the platform on this machine: Redis (reused, else started), the five services, and optionally the demo',
  async run(args, context) {
    const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false }, once: { type: 'boolean', default: false }, port: { type: 'string', default: '50051' } } });
    const basePort = Number(values.port);
    if (!Number.isInteger(basePort) || basePort < 1 || basePort > 65_530) throw new InvalidArgumentError('--port', `expected a port from 1 to 65530, got "${values.port}"`);

    const adminKey = localAdminKey(basePort, context);
    const running = await startPlatform(basePort, adminKey, context);
    const { platform } = running;
    context.credentials.store(platform.gatewayAddress, adminKey);
    context.out(`an admin API key for ${platform.gatewayAddress} is in ${context.credentials.location}; the CLI sends it`);
    let exitCode = 0;
    try {
      if (values.demo) exitCode = (await withGateway(platform.gatewayAddress, gatewayClientOptions(context.config, adminKey), (gateway) => runDemo(gateway, context.out))) ? 0 : 1;
      if (values.once) return exitCode;
      context.out(`\nthe gateway listens on ${platform.gatewayAddress}; try \`node apps/cli/dist/main.js models\`. Ctrl-C stops everything.`);
      const httpPort = await running.httpPort();
      if (httpPort !== undefined && process.env['GATEWAY_DASHBOARD'] !== 'off') context.out(`the web dashboard: http://127.0.0.1:${httpPort}/dashboard/ (sign in with the admin key in ${context.credentials.location})`);
      // `on`, not `once`: a second Ctrl-C must not kill the CLI before it has stopped the rest.
      const crashed = await Promise.race([
        new Promise<undefined>((done) => {
          process.on('SIGINT', () => done(undefined));
          process.on('SIGTERM', () => done(undefined));
        }),
        platform.firstExit(),
      ]);
      if (crashed) {
        context.err(`${crashed.name} exited unexpectedly (code ${String(crashed.exitCode)}); stopping the platform.\n${crashed.tail()}`);
        exitCode = 1;
      }
      return exitCode;
    } finally {
      context.out('stopping...');
      await running.stop();
    }
  },
};
