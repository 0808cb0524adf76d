#!/usr/bin/env node
// `npm start`: the whole platform on this machine. Installs dependencies if needed, builds,
// then hands over to `aiaas up --demo`: Redis (the one at REDIS_URL, else a local
// redis-server), the five services, the penguins demo, and the gateway kept up until Ctrl-C.
// `npm start -- --once` stops after the demo.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies, runNx } from './ensure-dependencies.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);

console.log('building...');
const built = runNx(root, ['run-many', '-t', 'build', '--output-style=static', '--projects=gateway,preprocessing,training,evaluation,inference,cli']);
if (built !== 0) {
  console.error('the build failed; see the output above');
  process.exit(built);
}

const child = spawn(process.execPath, [join(root, 'apps/cli/dist/main.js'), 'up', '--demo', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the whole process group already; a SIGTERM sent to this process alone is
// passed on so the platform still stops in order.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
