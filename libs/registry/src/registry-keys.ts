/**
 * Every Redis key the registry uses, under `<prefix>:registry:` so they never collide with
 * BullMQ's `<prefix>:<queue>:` keys.
 */
export class RegistryKeys {
  private readonly base: string;

  constructor(prefix: string) {
    this.base = `${prefix}:registry`;
  }

  dataset(id: string): string {
    return `${this.base}:dataset:${id}`;
  }

  /** Set of model names. */
  models(): string {
    return `${this.base}:models`;
  }

  /** Hash: version -> ModelVersionRecord JSON. */
  modelVersions(name: string): string {
    return `${this.base}:model:${name}:versions`;
  }

  /** Hash: version -> EvaluationRecord JSON. */
  modelEvaluations(name: string): string {
    return `${this.base}:model:${name}:evaluations`;
  }

  /** Pub/sub channel announcing every alias move (AliasEvent JSON), for serving replicas to follow. */
  aliasEvents(): string {
    return `${this.base}:alias-events`;
  }

  /** Pub/sub channel announcing traffic-split changes (`{ modelName }` JSON). */
  trafficSplitEvents(): string {
    return `${this.base}:traffic-split-events`;
  }

  /** A model's version policy (JSON VersionPolicy), absent for the default (every version). */
  modelVersionPolicy(name: string): string {
    return `${this.base}:model:${name}:version-policy`;
  }

  /** Pub/sub channel announcing version-policy changes and new versions (`{ modelName }` JSON). */
  versionPolicyEvents(): string {
    return `${this.base}:version-policy-events`;
  }

  /** Hash: a tenant's request-rate token bucket (tokens, last refill in ms). */
  rateLimit(tenant: string): string {
    return `${this.base}:rate-limit:${tenant}`;
  }

  /** Set: a tenant's jobs that may still be running. */
  tenantJobs(tenant: string): string {
    return `${this.base}:tenant:${tenant}:jobs`;
  }

  /** Sorted set: a tenant's datasets, jobs or model names, scored by when it came to own them. */
  tenantResources(tenant: string, kind: 'dataset' | 'job' | 'model'): string {
    return `${this.base}:tenant:${tenant}:owned:${kind}`;
  }

  /** The tenant that owns a dataset, job or model name. */
  owner(kind: 'dataset' | 'job' | 'model', id: string): string {
    return `${this.base}:owner:${kind}:${id}`;
  }

  /** Hash: API key id -> ApiKeyRecord JSON (a hash of the secret, never the key). */
  apiKeys(): string {
    return `${this.base}:api-keys`;
  }

  /** Pub/sub channel announcing shadow deployments started or ended (`{ modelName }` JSON). */
  shadowEvents(): string {
    return `${this.base}:shadow-events`;
  }

  /** Set of the models with a shadow deployment running. */
  shadowingModels(): string {
    return `${this.base}:shadowing-models`;
  }

  /** A model's latest shadow deployment (JSON ShadowRecord), running or concluded. */
  modelShadow(name: string): string {
    return `${this.base}:model:${name}:shadow`;
  }

  /** Stream of the requests mirrored to a model's shadow candidate. */
  modelShadowRequests(name: string): string {
    return `${this.base}:model:${name}:shadow:requests`;
  }

  /** Hash: the running tally of a model's shadow comparisons. */
  modelShadowTally(name: string): string {
    return `${this.base}:model:${name}:shadow:tally`;
  }

  /** List: the latest model latencies (ms) of one side of a shadow comparison. */
  modelShadowLatencies(name: string, side: 'baseline' | 'candidate'): string {
    return `${this.base}:model:${name}:shadow:latency:${side}`;
  }

  /** Evaluations of a model's versions on other datasets (EvaluateModel), by `version:datasetId`. */
  modelDatasetEvaluations(name: string): string {
    return `${this.base}:model:${name}:dataset-evaluations`;
  }

  /** Hash: job id -> version reserved for it. */
  modelReservations(name: string): string {
    return `${this.base}:model:${name}:reservations`;
  }

  /** Counter of the last reserved version. */
  modelVersionCounter(name: string): string {
    return `${this.base}:model:${name}:last-version`;
  }

  /** A model's canary traffic split (JSON TrafficSplit), absent when none. */
  modelTrafficSplit(name: string): string {
    return `${this.base}:model:${name}:traffic-split`;
  }

  /** Why serving last failed to load each version, by version. */
  modelLoadFailures(name: string): string {
    return `${this.base}:model:${name}:load-failures`;
  }

  /** List: the versions an alias pointed at before, latest first (for RollbackAlias). */
  modelAliasHistory(name: string, alias: string): string {
    return `${this.base}:model:${name}:alias-history:${alias}`;
  }

  /** Hash: alias -> version. */
  modelAliases(name: string): string {
    return `${this.base}:model:${name}:aliases`;
  }

  job(id: string): string {
    return `${this.base}:job:${id}`;
  }

  jobEvents(id: string): string {
    return `${this.base}:job:${id}:events`;
  }

  jobEventCounter(id: string): string {
    return `${this.base}:job:${id}:event-seq`;
  }
}
