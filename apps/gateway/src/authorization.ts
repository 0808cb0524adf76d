import type { Metadata } from '@grpc/grpc-js';
import { PermissionDeniedError, UnauthenticatedError } from '@aiaas/errors';
import type { GatewayServiceHandlers } from '@aiaas/proto';
import type { ApiKeys, Principal, Role } from '@aiaas/registry';
import type { CallGuard } from '@aiaas/service';

/** What a call needs: a key with a role (an admin key has them all), or any valid key. */
export type Access = Role | 'any-key';

/**
 * Every public RPC and what calling it needs. Reading is open to any valid key; changing data,
 * models or routing needs a trainer; serving needs a predictor; keys need an admin.
 */
export const GATEWAY_ACCESS: Readonly<Record<keyof GatewayServiceHandlers, Access>> = {
  CreateApiKey: 'admin',
  RevokeApiKey: 'admin',
  ListApiKeys: 'admin',
  UploadDataset: 'trainer',
  ImportDataset: 'trainer',
  GetDataset: 'any-key',
  ListDatasets: 'any-key',
  PreviewDataset: 'any-key',
  GetDatasetStats: 'any-key',
  StartPipeline: 'trainer',
  GetJob: 'any-key',
  ListJobs: 'any-key',
  CancelJob: 'trainer',
  WatchJob: 'any-key',
  ListModels: 'any-key',
  GetModel: 'any-key',
  SetTrafficSplit: 'trainer',
  SetAlias: 'trainer',
  RollbackAlias: 'trainer',
  StartShadow: 'trainer',
  StopShadow: 'trainer',
  SetVersionPolicy: 'trainer',
  Predict: 'predictor',
  PredictStream: 'predictor',
  TransformRecords: 'predictor',
  Recommend: 'predictor',
  ExportModel: 'any-key',
  EvaluateModel: 'trainer',
  GetModelReport: 'any-key',
};

/** Where a call's key travels: `authorization: Bearer <key>`, or `x-api-key: <key>`. */
function presentedKey(metadata: Metadata): string | undefined {
  const authorization = metadata.get('authorization')[0];
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError('the authorization metadata must be "Bearer <key>"');
    return match[1];
  }
  const header = metadata.get('x-api-key')[0];
  return typeof header === 'string' ? header.trim() : undefined;
}

/** The principal of every call when authentication is off (AUTH=none): the default tenant's admin. */
export const UNAUTHENTICATED_PRINCIPAL: Principal = { keyId: 'none', tenant: 'default', roles: ['admin'] };

export interface GatewayAuthorizerOptions {
  /** `none` lets every call through as UNAUTHENTICATED_PRINCIPAL. */
  readonly mode: 'api-keys' | 'none';
  /** How long a verified key is trusted without asking Redis again (so a revocation takes this long). */
  readonly cacheMs: number;
  readonly now?: () => number;
}

/** Most verified keys remembered at once. */
const CACHE_ENTRIES = 10_000;

/**
 * Authenticates every gateway call by its API key and checks the role the method needs
 * (`GATEWAY_ACCESS`); handlers then ask `principalOf` who is calling.
 */
export class GatewayAuthorizer {
  private readonly verified = new Map<string, { readonly principal: Principal; readonly until: number }>();
  private readonly principals = new WeakMap<Metadata, Principal>();
  private readonly now: () => number;

  constructor(
    private readonly apiKeys: ApiKeys,
    private readonly options: GatewayAuthorizerOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The CallGuard for the gateway's handlers. */
  readonly guard: CallGuard = async (method, metadata) => {
    if (this.options.mode === 'none') return;
    const access = (GATEWAY_ACCESS as Readonly<Record<string, Access>>)[method];
    if (access === undefined) throw new PermissionDeniedError(`${method} is not a public method`);
    const key = presentedKey(metadata);
    if (key === undefined) throw new UnauthenticatedError('no API key: send one as "authorization: Bearer <key>" metadata (`aiaas login` stores one for the CLI)');
    const principal = await this.authenticate(key);
    if (access !== 'any-key' && !principal.roles.includes(access) && !principal.roles.includes('admin')) {
      throw new PermissionDeniedError(`${method} needs the ${access} role; key ${principal.keyId} has ${principal.roles.join(', ')}`);
    }
    this.principals.set(metadata, principal);
  };

  /** Who is calling, for a call the guard let through. */
  principalOf(metadata: Metadata): Principal {
    if (this.options.mode === 'none') return UNAUTHENTICATED_PRINCIPAL;
    const principal = this.principals.get(metadata);
    if (!principal) throw new UnauthenticatedError('the call was not authenticated');
    return principal;
  }

  private async authenticate(key: string): Promise<Principal> {
    const cached = this.verified.get(key);
    if (cached && cached.until > this.now()) return cached.principal;
    const principal = await this.apiKeys.authenticate(key);
    if (this.verified.size >= CACHE_ENTRIES) this.verified.clear();
    this.verified.set(key, { principal, until: this.now() + this.options.cacheMs });
    return principal;
  }
}
