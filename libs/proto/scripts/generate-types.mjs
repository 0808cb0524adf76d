#!/usr/bin/env node
// Regenerates libs/proto/src/generated from protos/ with the same loader options the runtime
// uses (loader-options.json), so the types always describe what is on the wire.
// Usage: node libs/proto/scripts/generate-types.mjs [outDir]
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const libRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspaceRoot = resolve(libRoot, '../..');
const protoRoot = join(workspaceRoot, 'protos');
const outDir = resolve(process.argv[2] ?? join(libRoot, 'src/generated'));
const options = JSON.parse(readFileSync(join(libRoot, 'loader-options.json'), 'utf8'));

const flags = Object.entries(options).map(([name, value]) =>
  value === true ? `--${name}` : `--${name}=${value}`,
);
// The platform's own package and the Open Inference Protocol's, as proto-loader.ts loads them.
const protoFiles = ['aiaas/v1', 'inference'].flatMap((dir) =>
  readdirSync(join(protoRoot, dir))
    .filter((file) => file.endsWith('.proto'))
    .sort()
    .map((file) => `${dir}/${file}`),
);

const require = createRequire(import.meta.url);
const generator = join(dirname(require.resolve('@grpc/proto-loader/package.json')), 'build/bin/proto-loader-gen-types.js');

rmSync(outDir, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [generator, ...flags, '--grpcLib=@grpc/grpc-js', `--includeDirs=protos`, `--outDir=${outDir}`, ...protoFiles],
  { stdio: 'inherit', cwd: workspaceRoot },
);
