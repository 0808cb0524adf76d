import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './deployment-manifests';

/** A variable as an app's EnvSpec lists it. */
interface DocumentedVariable {
  readonly env: string;
  readonly doc: string;
  readonly defaultText: string | undefined;
}

/**
 * Checks the README's configuration table against an app's EnvSpec: every variable has a row
 * that names the app (or "all services") and shows its default.
 *
 * @returns human-readable problems; empty when the README tells the truth.
 */
export function checkReadmeConfiguration(app: string, variables: readonly DocumentedVariable[], readme = readFileSync(join(WORKSPACE_ROOT, 'README.md'), 'utf8')): string[] {
  const rows = new Map<string, string[]>();
  for (const line of readme.split('\n')) {
    const match = /^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|(.*)\|\s*$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!.split('|').map((cell) => cell.trim()));
  }
  const problems: string[] = [];
  for (const variable of variables) {
    const cells = rows.get(variable.env);
    if (!cells) {
      problems.push(`README.md: the configuration table has no row for ${variable.env} (${app}); regenerate it with node scripts/config-table.mjs`);
      continue;
    }
    const [usedBy = '', defaults = ''] = cells;
    if (usedBy !== 'all services' && !usedBy.split(/,\s*/).includes(app)) {
      problems.push(`README.md: ${variable.env} is read by ${app}, but its row says "${usedBy}"`);
    }
    // As scripts/config-table.mjs writes it.
    const shown = variable.defaultText === undefined ? '(required)' : variable.defaultText === '' ? '(empty)' : `\`${variable.defaultText}\``;
    if (!defaults.includes(shown)) problems.push(`README.md: ${variable.env} defaults to ${shown} in ${app}, but its row says "${defaults}"`);
  }
  return problems;
}
