import { InvalidArgumentError } from '@aiaas/errors';
import { toTimestamp, type ApiKey, type CreateApiKeyRequest__Output, type GatewayServiceHandlers, type ListApiKeysRequest__Output, type RevokeApiKeyRequest__Output, type Role__Output } from '@aiaas/proto';
import type { ApiKeyRecord, ApiKeys, Role } from '@aiaas/registry';
import type { HandlerFactory } from '@aiaas/service';
import type { GatewayAuthorizer } from './authorization';

const ROLE_MESSAGES: Readonly<Record<Role, Role__Output>> = { admin: 'ROLE_ADMIN', trainer: 'ROLE_TRAINER', predictor: 'ROLE_PREDICTOR' };

function apiKeyToMessage(record: ApiKeyRecord): ApiKey {
  return {
    key_id: record.keyId,
    tenant: record.tenant,
    roles: record.roles.map((role) => ROLE_MESSAGES[role]),
    name: record.name,
    created_at: toTimestamp(record.createdAt),
    revoked_at: record.revokedAt === undefined ? null : toTimestamp(record.revokedAt),
  };
}

function rolesOf(request: CreateApiKeyRequest__Output): Role[] {
  return request.roles.map((role, index) => {
    const known = (Object.keys(ROLE_MESSAGES) as Role[]).find((name) => ROLE_MESSAGES[name] === role);
    if (!known) throw new InvalidArgumentError(`roles[${index}]`, `must be ROLE_ADMIN, ROLE_TRAINER or ROLE_PREDICTOR, got ${String(role)}`);
    return known;
  });
}

/** The admin RPCs: create, revoke and list API keys. */
export function createApiKeyHandlers(
  handlers: HandlerFactory,
  apiKeys: ApiKeys,
  authorizer: GatewayAuthorizer,
): Pick<GatewayServiceHandlers, 'CreateApiKey' | 'RevokeApiKey' | 'ListApiKeys'> {
  return {
    CreateApiKey: handlers.unary('CreateApiKey', async (request: CreateApiKeyRequest__Output, call) => {
      if (!request.name) throw new InvalidArgumentError('name', 'is required: say what the key is for, to know it again when revoking');
      const tenant = request.tenant || authorizer.principalOf(call.metadata).tenant;
      const issued = await apiKeys.create({ tenant, roles: rolesOf(request), name: request.name });
      return { api_key: apiKeyToMessage(issued.record), key: issued.key };
    }),
    RevokeApiKey: handlers.unary('RevokeApiKey', async (request: RevokeApiKeyRequest__Output) => {
      if (!request.key_id) throw new InvalidArgumentError('key_id', 'is required');
      return apiKeyToMessage(await apiKeys.revoke(request.key_id));
    }),
    ListApiKeys: handlers.unary('ListApiKeys', async (request: ListApiKeysRequest__Output) => ({
      api_keys: (await apiKeys.list(request.tenant || undefined)).map(apiKeyToMessage),
    })),
  };
}
