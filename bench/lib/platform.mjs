// The whole platform for a benchmark: the five services, from a snapshot of the built code, as
// processes on a real Redis under the run's own key prefix, and a gateway client with the
// admin key. One tenant's load is the point, so the per-tenant rate and job limits are off.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale, staleProjects } from './build-freshness.mjs';
import { snapshotBuiltCode } from './code-snapshot.mjs';
import { deleteKeysWithPrefix, exitUnlessRedisAnswers, uniquePrefix, withRedis } from './redis-keys.mjs';
import { builtLibraries } from './results.mjs';

export const SERVICES = ['gateway', 'preprocessing', 'training', 'evaluation', 'inference'];
const UPLOAD_CHUNK_BYTES = 16_384;

/**
 * What a run on the whole platform needs first: a Redis that answers (`REDIS_URL`; otherwise the
 * process exits saying how to get one), built code no older than its sources (unless `build` is
 * false), and a temporary directory and key prefix of its own (`bench-<label>-*`), which
 * `cleanUp()` deletes.
 */
export async function prepareRun({ repoRoot, label, build, log }) {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  await exitUnlessRedisAnswers(repoRoot, redisUrl);
  if (build) buildIfStale(repoRoot, staleProjects(repoRoot), log);
  const workDir = mkdtempSync(join(tmpdir(), `aiaas-${label}-`));
  const prefix = uniquePrefix(label);
  const cleanUp = async () => {
    await withRedis(repoRoot, redisUrl, (redis) => deleteKeysWithPrefix(redis, prefix));
    rmSync(workDir, { recursive: true, force: true });
  };
  return { redisUrl, workDir, prefix, cleanUp };
}

/**
 * Starts the platform; `load` requires from the snapshot (`@aiaas/*`, and the workspace's
 * packages), `uploadPenguins(name)` uploads the penguins dataset, `stop()` stops it all.
 * `onLine(service, line)` sees every line the services write; error lines are also logged.
 */
export async function startPlatform({ repoRoot, workDir, redisUrl, prefix, log, onLine = () => undefined }) {
  const code = snapshotBuiltCode(repoRoot, [...SERVICES.map((service) => `apps/${service}`), ...builtLibraries(repoRoot)], join(workDir, 'code'));
  const load = createRequire(join(code, 'package.json'));
  const { LocalPlatform } = load('@aiaas/launcher');
  const { GatewayClient, generateApiKey } = load('@aiaas/proto');
  const { penguinsCsv } = load('@aiaas/datasets');

  const apiKey = generateApiKey();
  log('starting the platform...');
  const platform = await LocalPlatform.start({
    workspaceRoot: code,
    basePort: 0,
    env: {
      ...process.env,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      ARTIFACT_DIR: join(workDir, 'artifacts'),
      ADMIN_API_KEY: apiKey,
      GATEWAY_HTTP_PORT: '0',
      INFERENCE_HTTP_PORT: '0',
      RATE_LIMIT: '0',
      MAX_CONCURRENT_JOBS: '0',
    },
    onLine: (service, line) => {
      if (line.includes('"level":"error"')) log(`[${service}] ${line}`);
      onLine(service, line);
    },
  });
  const gateway = new GatewayClient(platform.gatewayAddress, { apiKey });
  const uploadPenguins = (name) => {
    const bytes = Buffer.from(penguinsCsv());
    const messages = [{ header: { name } }];
    for (let offset = 0; offset < bytes.length; offset += UPLOAD_CHUNK_BYTES) messages.push({ chunk: bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES) });
    return gateway.uploadDataset(messages);
  };
  const stop = async () => {
    gateway.close();
    await platform.stop();
  };
  return { load, gateway, uploadPenguins, stop };
}
