#!/usr/bin/env node
// Builds the web dashboard into apps/gateway/dist/dashboard: its TypeScript compiled for the
// browser (native ES modules, no bundler), then its page and stylesheet copied beside it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(project, 'src/dashboard');
const output = join(project, 'dist/dashboard');

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(project, 'tsconfig.dashboard.json')], { stdio: 'inherit' });

mkdirSync(output, { recursive: true });
for (const name of readdirSync(source)) {
  if (['.html', '.css', '.svg'].includes(extname(name))) copyFileSync(join(source, name), join(output, name));
}
