#!/usr/bin/env node
// Prints the README's configuration table from the services' own environment declarations
// (apps/*/src/config.ts), so the documentation is generated from what the code parses.
// Needs a build first: npm run build && node scripts/config-table.mjs
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const specs = {
  gateway: 'gatewayEnv',
  preprocessing: 'preprocessingEnv',
  training: 'trainingEnv',
  evaluation: 'evaluationEnv',
  inference: 'inferenceEnv',
  cli: 'cliEnv',
};

const rows = new Map();
for (const [app, exportName] of Object.entries(specs)) {
  const spec = require(join(root, 'apps', app, 'dist', 'config.js'))[exportName];
  for (const variable of spec.variables) {
    const row = rows.get(variable.env) ?? { doc: variable.doc, defaults: new Map() };
    const shown = variable.defaultText === undefined ? '(required)' : variable.defaultText === '' ? '(empty)' : `\`${variable.defaultText}\``;
    row.defaults.set(app, shown);
    rows.set(variable.env, row);
  }
}

console.log('| Variable | Used by | Default | Meaning |');
console.log('|---|---|---|---|');
for (const [name, row] of rows) {
  const apps = [...row.defaults.keys()];
  const distinct = new Set(row.defaults.values());
  const defaults = distinct.size === 1 ? [...distinct][0] : [...row.defaults].map(([app, value]) => `${value} (${app})`).join(', ');
  const users = apps.length === 5 && !apps.includes('cli') ? 'all services' : apps.join(', ');
  console.log(`| \`${name}\` | ${users} | ${defaults} | ${row.doc.replace(/\|/g, '\\|')} |`);
}
