import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LocalPlatform, PLATFORM_SERVICES, type PlatformService } from '@aiaas/launcher';
import { testRedisUrl, uniquePrefix } from '@aiaas/testing';

export const WORKSPACE_ROOT = resolve(__dirname, '../../..');

/** The five services on free ports, against the test Redis, with their own keys and artifacts. */
export interface TestPlatform {
  readonly platform: LocalPlatform;
  readonly prefix: string;
  readonly redisUrl: string;
  /** Where the services' artifact store keeps its files. */
  readonly artifactDir: string;
  /** Every line the services wrote, for failure messages. */
  readonly lines: string[];
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
  const lines: string[] = [];
  const redisUrl = testRedisUrl();
  const platform = await LocalPlatform.start({
    workspaceRoot: WORKSPACE_ROOT,
    basePort: 0,
    env: { ...process.env, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, ARTIFACT_DIR: artifactDir, TFJS_BACKEND: 'wasm', LOG_LEVEL: 'info', SHUTDOWN_GRACE: '10s', ...env },
    onLine: (service, line) => lines.push(`[${service}] ${line}`),
  });
  return {
    platform,
    prefix,
    redisUrl,
    artifactDir,
    lines,
    stop: async () => {
      const codes = await platform.stop();
      rmSync(artifactDir, { recursive: true, force: true });
      return codes;
    },
  };
}
