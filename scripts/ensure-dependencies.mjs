// Installs the workspace's dependencies when they are missing or older than package-lock.json.
// Only Node's built-ins are used here: this runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** True when node_modules matches package-lock.json as npm last installed it. */
function installed(root) {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return false;
  return statSync(marker).mtimeMs >= statSync(join(root, 'package-lock.json')).mtimeMs;
}

/** Runs `npm ci` in `root` unless the dependencies are already installed. */
export function ensureDependencies(root) {
  if (installed(root)) return;
  console.log('installing dependencies (npm ci)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('npm ci failed; see the output above. The project needs Node.js 20 and access to the npm registry.');
    process.exit(result.status ?? 1);
  }
}

/** Runs the workspace's nx (no daemon, no cloud, no TUI); returns its exit code. */
export function runNx(root, args, env = process.env) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'), ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  return result.status ?? 1;
}
