import { z } from 'zod';

/**
 * Which of a model's versions serving answers for by number, and keeps loaded: all of them
 * (loaded on first use), the newest `count`, or the listed ones. Aliases are served whatever
 * the policy: pointing one at a version is itself the decision to serve it.
 */
export const versionPolicySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('latest'), count: z.number().int().positive() }),
  z.object({ kind: z.literal('specific'), versions: z.array(z.number().int().positive()).min(1) }),
]);
export type VersionPolicy = z.infer<typeof versionPolicySchema>;

/** The policy of a model that never set one. */
export const DEFAULT_VERSION_POLICY: VersionPolicy = { kind: 'all' };

/** The versions a policy serves among the `registered` ones, ascending; undefined for `all` (every one). */
export function versionsServed(policy: VersionPolicy, registered: readonly number[]): number[] | undefined {
  const ascending = [...registered].sort((a, b) => a - b);
  switch (policy.kind) {
    case 'all':
      return undefined;
    case 'latest':
      return ascending.slice(-policy.count);
    case 'specific':
      return ascending.filter((version) => policy.versions.includes(version));
  }
}

/** The policy in words, for messages: "the latest 2 versions", "versions 1 and 4", "every version". */
export function describeVersionPolicy(policy: VersionPolicy): string {
  switch (policy.kind) {
    case 'all':
      return 'every version';
    case 'latest':
      return policy.count === 1 ? 'the latest version' : `the latest ${policy.count} versions`;
    case 'specific':
      return policy.versions.length === 1 ? `version ${policy.versions[0]}` : `versions ${policy.versions.slice(0, -1).join(', ')} and ${policy.versions.at(-1)}`;
  }
}
