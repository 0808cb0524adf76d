// Whether the built code the benchmark loads (apps/preprocessing/dist and libs/*/dist) is
// missing or older than its sources, and the workspace build that fixes it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(directory, keep) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (entry.isFile() && keep(path)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Projects whose dist is missing, or has no file newer than its newest non-spec source. */
export function staleProjects(repoRoot) {
  const projects = ['apps/preprocessing', ...readdirSync(join(repoRoot, 'libs')).map((name) => `libs/${name}`)];
  return projects.filter((project) => {
    const root = join(repoRoot, project);
    if (!existsSync(join(root, 'src'))) return false;
    if (!existsSync(join(root, 'dist'))) return true;
    const source = newestMtime(join(root, 'src'), (path) => path.endsWith('.ts') && !path.endsWith('.spec.ts'));
    return source > newestMtime(join(root, 'dist'), (path) => path.endsWith('.js'));
  });
}

/** Runs `node scripts/nx.mjs run-many -t build`; throws when it fails. */
export function buildWorkspace(repoRoot) {
  const run = spawnSync(process.execPath, ['scripts/nx.mjs', 'run-many', '-t', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`the workspace build failed (exit ${run.status ?? run.signal})`);
}

/**
 * Builds the workspace when any of `stale` (projects whose dist is missing or older than their
 * sources) is not empty, saying so through `log`; exits the process when the build fails.
 */
export function buildIfStale(repoRoot, stale, log) {
  if (stale.length === 0) return;
  log(`Built code is missing or stale in ${stale.join(', ')}; building …`);
  try {
    buildWorkspace(repoRoot);
  } catch (error) {
    console.error(`${error.message}. Fix the build, or pass --no-build to measure the dist as it is.`);
    process.exit(1);
  }
}
