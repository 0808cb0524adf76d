import { InvalidArgumentError } from '@aiaas/errors';
import type { VersionSelector } from './model-registry';

/** The alias a request that names neither a version nor an alias is served by. */
export const DEFAULT_ALIAS = 'production';

/** A request's `version_selector` oneof, as every API that takes one carries it. */
export interface VersionSelectorFields {
  readonly version_selector?: 'version' | 'alias';
  readonly version?: number;
  readonly alias?: string;
}

/**
 * The version a request names: by number, by alias, or — naming neither — the production alias
 * on the default route (where a traffic split may send it to the canary instead);
 * InvalidArgumentError for an empty choice.
 */
export function versionSelectorOf(request: VersionSelectorFields): VersionSelector {
  if (request.version_selector === 'version') {
    if (!request.version) throw new InvalidArgumentError('version', 'must be 1 or more; leave it unset to use the production alias');
    return { version: request.version };
  }
  if (request.version_selector === 'alias') {
    if (!request.alias) throw new InvalidArgumentError('alias', 'must not be empty; leave it unset to use the production alias');
    return { alias: request.alias };
  }
  return { alias: DEFAULT_ALIAS, split: true };
}
