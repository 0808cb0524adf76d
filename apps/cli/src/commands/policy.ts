import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { SetVersionPolicyRequest, VersionPolicyMessage__Output } from '@aiaas/proto';
import type { Command } from '../cli-context';

const USAGE = 'policy NAME --latest N | --versions 1,4 | --all';

/** The SetVersionPolicy request `aiaas policy` describes. */
export function versionPolicyRequestFromArgs(args: string[]): SetVersionPolicyRequest {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { latest: { type: 'string' }, versions: { type: 'string' }, all: { type: 'boolean', default: false } } });
  const modelName = positionals[0];
  if (!modelName) throw new InvalidArgumentError('model', `name the model: aiaas ${USAGE}`);
  const chosen = [values.latest !== undefined, values.versions !== undefined, values.all].filter(Boolean).length;
  if (chosen !== 1) throw new InvalidArgumentError('--latest', `choose one of --latest N, --versions 1,4 and --all`);
  if (values.all) return { model_name: modelName, policy: { all: {} } };
  if (values.latest !== undefined) {
    const count = Number(values.latest);
    if (!Number.isInteger(count) || count < 1) throw new InvalidArgumentError('--latest', `expected how many of the newest versions to serve, got "${values.latest}"`);
    return { model_name: modelName, policy: { latest: { count } } };
  }
  const versions = values.versions!.split(',').map((text) => Number(text.trim()));
  if (versions.some((version) => !Number.isInteger(version) || version < 1)) throw new InvalidArgumentError('--versions', `expected version numbers separated by commas, got "${values.versions}"`);
  return { model_name: modelName, policy: { specific: { versions } } };
}

/** A version policy in words, as `aiaas models` and `aiaas policy` print it. */
export function formatVersionPolicy(policy: VersionPolicyMessage__Output | null): string {
  switch (policy?.policy) {
    case 'latest':
      return `the latest ${policy.latest?.count ?? 0} version${policy.latest?.count === 1 ? '' : 's'}`;
    case 'specific':
      return `version${policy.specific?.versions.length === 1 ? '' : 's'} ${(policy.specific?.versions ?? []).join(', ')}`;
    default:
      return 'every version, each loaded on its first request';
  }
}

export const policyCommand: Command = {
  usage: USAGE,
  summary: 'choose which versions are served by number and kept loaded (TF Serving’s version policy)',
  async run(args, context) {
    const request = versionPolicyRequestFromArgs(args);
    return context.withGateway(async (gateway) => {
      const model = await gateway.setVersionPolicy(request);
      context.out(`${model.name}: serves ${formatVersionPolicy(model.version_policy)} by number; aliases as they point`);
      return 0;
    });
  },
};
