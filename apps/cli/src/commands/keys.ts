import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import { generateApiKey, type ApiKey__Output, type CreateApiKeyRequest, type Role__Output } from '@aiaas/proto';
import type { Command } from '../cli-context';

const USAGE = 'keys create --name N --roles trainer,predictor [--tenant T] | keys list [--tenant T] | keys revoke KEY_ID | keys generate';
const ROLE_NAMES: Readonly<Record<string, Role__Output>> = { admin: 'ROLE_ADMIN', trainer: 'ROLE_TRAINER', predictor: 'ROLE_PREDICTOR' };

/** The CreateApiKey request `aiaas keys create` describes. */
export function createApiKeyRequestFromArgs(args: string[]): CreateApiKeyRequest {
  const { values } = parseArgs({ args, options: { name: { type: 'string' }, roles: { type: 'string' }, tenant: { type: 'string' } } });
  if (!values.name) throw new InvalidArgumentError('--name', 'say what the key is for, e.g. --name ci');
  const roles = (values.roles ?? '').split(',').map((role) => role.trim()).filter(Boolean);
  if (roles.length === 0) throw new InvalidArgumentError('--roles', `name one or more of ${Object.keys(ROLE_NAMES).join(', ')}, comma-separated`);
  return {
    name: values.name,
    tenant: values.tenant ?? '',
    roles: roles.map((role) => {
      const message = ROLE_NAMES[role];
      if (!message) throw new InvalidArgumentError('--roles', `"${role}" is not a role; roles are ${Object.keys(ROLE_NAMES).join(', ')}`);
      return message;
    }),
  };
}

/** One key per line: id, tenant, roles, name, and whether it was revoked. */
export function formatApiKey(key: ApiKey__Output): string {
  const roles = key.roles.map((role) => String(role).replace('ROLE_', '').toLowerCase()).join(',');
  return `${key.key_id}  ${key.tenant}  ${roles}  ${key.name}${key.revoked_at ? '  (revoked)' : ''}`;
}

export const keysCommand: Command = {
  usage: USAGE,
  summary: 'manage API keys (admin): create one for a tenant and roles, list them, revoke one; or generate a key for ADMIN_API_KEY',
  async run(args, context) {
    const [action, ...rest] = args;
    if (action === 'generate') {
      context.out(generateApiKey());
      return 0;
    }
    return context.withGateway(async (gateway) => {
      switch (action) {
        case 'create': {
          const created = await gateway.createApiKey(createApiKeyRequestFromArgs(rest));
          context.out(created.key);
          context.err(`created ${formatApiKey(created.api_key!)}; the key above is shown only now`);
          return 0;
        }
        case 'list': {
          const { values } = parseArgs({ args: rest, options: { tenant: { type: 'string' } } });
          for (const key of await gateway.listApiKeys(values.tenant ?? '')) context.out(formatApiKey(key));
          return 0;
        }
        case 'revoke': {
          if (!rest[0]) throw new InvalidArgumentError('KEY_ID', 'name the key to revoke: aiaas keys revoke KEY_ID (from aiaas keys list)');
          context.out(formatApiKey(await gateway.revokeApiKey(rest[0])));
          return 0;
        }
        default:
          throw new InvalidArgumentError('action', `expected create, list, revoke or generate: aiaas ${USAGE}`);
      }
    });
  },
};
