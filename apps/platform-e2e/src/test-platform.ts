import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { LocalPlatform, PLATFORM_SERVICES, ServiceProcess, type PlatformService } from '@aiaas/launcher';
import { GatewayClient, generateApiKey } from '@aiaas/proto';
import { Redis } from 'ioredis';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';

export const WORKSPACE_ROOT = resolve(__dirname, '../../..');

/** The five services on free ports, against the test Redis, with their own keys and artifacts. */
export interface TestPlatform {
  readonly platform: LocalPlatform;
  readonly prefix: string;
  readonly redisUrl: string;
  /** Where the services' artifact store keeps its files. */
  readonly artifactDir: string;
  /** An admin key of tenant "default", registered by the gateway at start (ADMIN_API_KEY). */
  readonly apiKey: string;
  /** A client of the gateway sending `apiKey` (the admin key unless given another; `null` sends none). */
  gatewayClient(apiKey?: string | null): GatewayClient;
  /** `http://127.0.0.1:<port>` of the gateway's HTTP/JSON form. */
  gatewayHttpUrl(): string;
  /** `http://127.0.0.1:<port>/metrics` of a process (a service, or a replica by its name, e.g. `inference#2`). */
  metricsUrl(process: string): string;
  /** The port a process logged in its `"msg":"<message>"` line (e.g. "oip http listening"). */
  loggedPort(process: string, message: string): number;
  /** Runs the built CLI against the gateway with the admin key; resolves its output, rejects on a non-zero exit. */
  cli(args: readonly string[]): Promise<{ readonly stdout: string; readonly stderr: string }>;
  /** Every line the services wrote, for failure messages. */
  readonly lines: string[];
  /** Extra instances started with `startReplica`, in start order. */
  readonly replicas: readonly ServiceProcess[];
  /**
   * Kills a service's original process with SIGKILL, as a crash would (no shutdown, no lock
   * released), and resolves once it is gone.
   */
  crash(service: PlatformService): Promise<void>;
  /**
   * Starts another instance of a worker service with the platform's environment, on a free
   * port: a second replica taking jobs from the same queues. `stop` stops it too.
   */
  startReplica(service: Exclude<PlatformService, 'gateway'>): Promise<ServiceProcess>;
  /** SIGTERMs the replicas and the platform, and removes the artifacts; resolves the platform's exit codes. */
  stop(): Promise<Map<PlatformService, number | null>>;
}

/** Starts the platform; `env` adds to or overrides the services' environment. */
export async function startTestPlatform(env: Readonly<Record<string, string>> = {}): Promise<TestPlatform> {
  const missing = PLATFORM_SERVICES.filter((service) => !existsSync(join(WORKSPACE_ROOT, 'apps', service, 'dist', 'main.js')));
  if (missing.length > 0) {
    throw new Error(`the services are not built (${missing.join(', ')}); run \`npm run build\` (nx runs it before this project's tests)`);
  }
  const prefix = uniquePrefix('e2e');
  const artifactDir = mkdtempSync(join(tmpdir(), 'aiaas-e2e-'));
  const apiKey = generateApiKey();
  const lines: string[] = [];
  // The suite's own Redis unless the suite brings one (its keys are deleted where they were written).
  const redisUrl = env['REDIS_URL'] ?? testRedisUrl();
  const serviceEnv: NodeJS.ProcessEnv = {
    ...process.env,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    ARTIFACT_DIR: artifactDir,
    TFJS_BACKEND: 'wasm',
    LOG_LEVEL: 'info',
    SHUTDOWN_GRACE: '10s',
    // Inference's OIP HTTP/JSON server: a free port, logged as "oip http listening" (the default, 8000, would collide between suites).
    INFERENCE_HTTP_PORT: '0',
    // The gateway's HTTP/JSON form: a free port, logged as "gateway http listening".
    GATEWAY_HTTP_PORT: '0',
    ADMIN_API_KEY: apiKey,
    // Revocations take effect quickly enough to test.
    API_KEY_CACHE: '200ms',
    ...env,
  };
  const platform = await LocalPlatform.start({
    workspaceRoot: WORKSPACE_ROOT,
    basePort: 0,
    env: serviceEnv,
    onLine: (service, line) => lines.push(`[${service}] ${line}`),
  });
  const replicas: ServiceProcess[] = [];
  function loggedPort(name: string, message: string): number {
    const line = lines.find((entry) => entry.startsWith(`[${name}] `) && entry.includes(`"msg":"${message}"`));
    if (!line) throw new Error(`${name} logged no "${message}" line:\n${lines.filter((entry) => entry.startsWith(`[${name}] `)).join('\n')}`);
    return (JSON.parse(line.slice(name.length + 3)) as { port: number }).port;
  }
  return {
    platform,
    prefix,
    redisUrl,
    artifactDir,
    apiKey,
    lines,
    replicas,
    gatewayClient: (key = apiKey) => new GatewayClient(platform.gatewayAddress, key === null ? {} : { apiKey: key }),
    gatewayHttpUrl: () => `http://127.0.0.1:${loggedPort('gateway', 'gateway http listening')}`,
    metricsUrl: (name) => `http://127.0.0.1:${loggedPort(name, 'metrics listening')}/metrics`,
    loggedPort,
    cli: (args) =>
      promisify(execFile)(process.execPath, [join(WORKSPACE_ROOT, 'apps/cli/dist/main.js'), '--gateway', platform.gatewayAddress, '--api-key', apiKey, ...args], {
        timeout: 60_000,
        // Never the developer's own credentials file.
        env: { ...process.env, AIAAS_CREDENTIALS: join(artifactDir, 'credentials.json') },
      }),
    crash: async (service) => {
      await platform.service(service).stop('SIGKILL');
    },
    startReplica: async (service) => {
      // training#2 is the second training process, whatever the other replicas are.
      const name = `${service}#${replicas.filter((replica) => replica.name.startsWith(`${service}#`)).length + 2}`;
      const replica = await ServiceProcess.start({
        name,
        script: join(WORKSPACE_ROOT, 'apps', service, 'dist', 'main.js'),
        env: { ...serviceEnv, GRPC_PORT: '0', METRICS_PORT: '0' },
        onLine: (line) => lines.push(`[${name}] ${line}`),
      });
      replicas.push(replica);
      return replica;
    },
    stop: async () => {
      await Promise.all(replicas.map((replica) => replica.stop('SIGTERM')));
      const codes = await platform.stop();
      rmSync(artifactDir, { recursive: true, force: true });
      return codes;
    },
  };
}

/** Stops the platform (if it started) and deletes its Redis keys: every suite's teardown. */
export async function stopTestPlatform(test: TestPlatform | undefined): Promise<void> {
  if (!test) return;
  await test.stop();
  const redis = new Redis(test.redisUrl);
  try {
    await deleteKeysWithPrefix(redis, test.prefix);
  } finally {
    redis.disconnect();
  }
}
