import { InvalidArgumentError } from '@aiaas/errors';
import type { SetVersionPolicyRequest__Output } from '@aiaas/proto';
import type { VersionPolicy } from '@aiaas/registry';

/** The version policy a SetVersionPolicy request sets; each problem is an InvalidArgumentError naming the field. */
export function versionPolicyOf(request: SetVersionPolicyRequest__Output): VersionPolicy {
  if (!request.model_name) throw new InvalidArgumentError('model_name', 'is required');
  const policy = request.policy;
  switch (policy?.policy) {
    case 'all':
      return { kind: 'all' };
    case 'latest': {
      const count = policy.latest?.count ?? 0;
      if (count < 1) throw new InvalidArgumentError('policy.latest.count', 'must be 1 or more: how many of the newest versions to serve');
      return { kind: 'latest', count };
    }
    case 'specific': {
      const versions = [...new Set(policy.specific?.versions ?? [])];
      if (versions.length === 0) throw new InvalidArgumentError('policy.specific.versions', 'must list at least one version');
      if (versions.includes(0)) throw new InvalidArgumentError('policy.specific.versions', 'version numbers start at 1');
      return { kind: 'specific', versions: versions.sort((a, b) => a - b) };
    }
    default:
      throw new InvalidArgumentError('policy', 'set one of all, latest or specific');
  }
}
