#!/usr/bin/env node
// Runs the workspace's nx with the settings a sealed machine needs: no daemon, no cloud, no
// interactive UI. Usage: node scripts/nx.mjs <nx arguments>
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNx } from './ensure-dependencies.mjs';

process.exit(runNx(resolve(dirname(fileURLToPath(import.meta.url)), '..'), process.argv.slice(2)));
