import type { Redis } from 'ioredis';
import { z } from 'zod';
import { FailedPreconditionError, NotFoundError } from '@aiaas/errors';
import {
  evaluationRecordSchema,
  evaluationSummarySchema,
  modelVersionRecordSchema,
  type EvaluationRecord,
  type EvaluationSummary,
  type ModelVersionRecord,
} from './records';
import type { RegistryKeys } from './registry-keys';
import { DEFAULT_VERSION_POLICY, versionPolicySchema, type VersionPolicy } from './version-policy';
import { RedisScript } from './redis-script';

/**
 * Which version of a model to use: a number, or an alias such as "production". `split` marks a
 * request that named neither (the default route), which a traffic split may send to the canary.
 */
export type VersionSelector = { readonly version: number } | { readonly alias: string; readonly split?: boolean };

/** An alias move, as `setAlias` announces it. */
export const aliasEventSchema = z.object({ modelName: z.string(), alias: z.string(), version: z.number().int().positive() });
export type AliasEvent = z.infer<typeof aliasEventSchema>;

/** A share of the default alias's traffic sent to a canary version instead. */
export const trafficSplitSchema = z.object({ canaryVersion: z.number().int().positive(), percent: z.number().gt(0).lt(100) });
export type TrafficSplit = z.infer<typeof trafficSplitSchema>;

/** A version with what evaluation said of it, the aliases pointing at it, and why serving last failed to load it. */
export interface ModelVersionView {
  readonly record: ModelVersionRecord;
  readonly evaluation: EvaluationRecord | undefined;
  readonly aliases: readonly string[];
  readonly loadError?: string;
}

/** A model: its versions (newest first), aliases and canary traffic split. */
export interface ModelView {
  readonly name: string;
  readonly versions: readonly ModelVersionView[];
  readonly aliases: Readonly<Record<string, number>>;
  readonly trafficSplit: TrafficSplit | undefined;
  readonly versionPolicy: VersionPolicy;
}

// Reserves the next version number for a job, or returns the one it already holds, so a
// retried training job does not burn version numbers.
const RESERVE_VERSION = new RedisScript(`
local existing = redis.call('HGET', KEYS[1], ARGV[1])
if existing then return tonumber(existing) end
local version = redis.call('INCR', KEYS[2])
redis.call('HSET', KEYS[1], ARGV[1], version)
redis.call('SADD', KEYS[3], ARGV[2])
return version
`);

/** Versions an alias remembers having pointed at, for rollbacks. */
export const ALIAS_HISTORY_LENGTH = 20;

// Points an alias at a version, remembering the version it leaves (if another) for rollbacks.
const MOVE_ALIAS = new RedisScript(`
local previous = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if previous and previous ~= ARGV[2] then
  redis.call('LPUSH', KEYS[2], previous)
  redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[3]))
end
`);

// Points an alias back at the latest version it remembers leaving; nil when it remembers none.
const ROLL_BACK_ALIAS = new RedisScript(`
local previous = redis.call('LPOP', KEYS[2])
if not previous then return nil end
redis.call('HSET', KEYS[1], ARGV[1], previous)
return previous
`);

/** Model versions, their evaluations and aliases, in Redis. */
export class ModelRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RegistryKeys,
  ) {}

  /** The version number that job `jobId` registers under `modelName`; stable across retries. */
  async reserveVersion(modelName: string, jobId: string): Promise<number> {
    const version = await RESERVE_VERSION.run(this.redis, [this.keys.modelReservations(modelName), this.keys.modelVersionCounter(modelName), this.keys.models()], [jobId, modelName]);
    return Number(version);
  }

  /**
   * Records a trained version (again, on a retry: the newest write wins), and announces it on
   * `versionPolicyEventsChannel`: under a "latest N" policy it changes what is served.
   */
  async registerVersion(record: ModelVersionRecord): Promise<void> {
    const valid = modelVersionRecordSchema.parse(record);
    await this.redis.hset(this.keys.modelVersions(valid.modelName), String(valid.version), JSON.stringify(valid));
    await this.redis.publish(this.keys.versionPolicyEvents(), JSON.stringify({ modelName: valid.modelName }));
  }

  async recordEvaluation(modelName: string, version: number, evaluation: EvaluationRecord): Promise<void> {
    await this.getVersion(modelName, version);
    await this.redis.hset(this.keys.modelEvaluations(modelName), String(version), JSON.stringify(evaluationRecordSchema.parse(evaluation)));
  }

  /** Stores a version's evaluation on a dataset other than its own test split (a rerun replaces it). */
  async recordDatasetEvaluation(modelName: string, version: number, summary: EvaluationSummary): Promise<void> {
    await this.getVersion(modelName, version);
    const valid = evaluationSummarySchema.parse(summary);
    await this.redis.hset(this.keys.modelDatasetEvaluations(modelName), `${version}:${valid.datasetId}`, JSON.stringify(valid));
  }

  /** A version's evaluation on a dataset (`EvaluateModel`); NotFoundError when it was never run. */
  async getDatasetEvaluation(modelName: string, version: number, datasetId: string): Promise<EvaluationSummary> {
    const json = await this.redis.hget(this.keys.modelDatasetEvaluations(modelName), `${version}:${datasetId}`);
    if (json === null) throw NotFoundError.of('evaluation', `${modelName}@${version} on ${datasetId}`, 'run EvaluateModel on that dataset first');
    return evaluationSummarySchema.parse(JSON.parse(json));
  }

  /**
   * The version's view when evaluation blessed it; FailedPreconditionError saying why not
   * otherwise, ending with `purpose` ("only blessed versions get aliases").
   */
  async requireBlessed(modelName: string, version: number, purpose: string): Promise<ModelVersionView> {
    const view = await this.getVersionView(modelName, version);
    if (view.evaluation?.status !== 'blessed') {
      throw new FailedPreconditionError(`model "${modelName}" version ${version} is not blessed (${view.evaluation?.reason ?? 'not evaluated yet'}); ${purpose}`);
    }
    return view;
  }

  /** Points `alias` at a blessed version. */
  async setAlias(modelName: string, alias: string, version: number): Promise<void> {
    await this.requireBlessed(modelName, version, 'only blessed versions get aliases');
    await MOVE_ALIAS.run(this.redis, [this.keys.modelAliases(modelName), this.keys.modelAliasHistory(modelName, alias)], [alias, String(version), ALIAS_HISTORY_LENGTH - 1]);
    await this.announceAlias({ modelName, alias, version });
  }

  /**
   * Points `alias` back at the version it pointed at before its last move (each rollback goes
   * one further back); FailedPreconditionError when there is none. Announced like any move.
   */
  async rollbackAlias(modelName: string, alias: string): Promise<number> {
    await this.aliasVersion(modelName, alias);
    const previous = await ROLL_BACK_ALIAS.run(this.redis, [this.keys.modelAliases(modelName), this.keys.modelAliasHistory(modelName, alias)], [alias]);
    if (previous === null) throw new FailedPreconditionError(`alias "${alias}" of model "${modelName}" has no earlier version to go back to`);
    const version = Number(previous);
    await this.announceAlias({ modelName, alias, version });
    return version;
  }

  private async announceAlias(event: AliasEvent): Promise<void> {
    await this.redis.publish(this.keys.aliasEvents(), JSON.stringify(event));
  }

  /**
   * Sends `percent` of the requests that name no version or alias to `canaryVersion` (blessed)
   * instead of production; `undefined` ends the split. Announced on `trafficSplitEventsChannel`.
   */
  async setTrafficSplit(modelName: string, split: TrafficSplit | undefined): Promise<void> {
    if (split === undefined) {
      await this.getModel(modelName);
      await this.redis.del(this.keys.modelTrafficSplit(modelName));
    } else {
      const valid = trafficSplitSchema.parse(split);
      await this.requireBlessed(modelName, valid.canaryVersion, 'only blessed versions take traffic');
      await this.redis.set(this.keys.modelTrafficSplit(modelName), JSON.stringify(valid));
    }
    await this.redis.publish(this.keys.trafficSplitEvents(), JSON.stringify({ modelName }));
  }

  /** The channel `setTrafficSplit` announces changes on (`{ modelName }`). */
  get trafficSplitEventsChannel(): string {
    return this.keys.trafficSplitEvents();
  }

  /** The model's traffic split, or undefined when all default traffic goes to production. */
  async trafficSplit(modelName: string): Promise<TrafficSplit | undefined> {
    const json = await this.redis.get(this.keys.modelTrafficSplit(modelName));
    return json === null ? undefined : trafficSplitSchema.parse(JSON.parse(json));
  }

  /** Sets which versions serving answers for by number and keeps loaded. Announced on `versionPolicyEventsChannel`. */
  async setVersionPolicy(modelName: string, policy: VersionPolicy): Promise<void> {
    const valid = versionPolicySchema.parse(policy);
    const numbers = await this.versionNumbers(modelName);
    if (numbers.length === 0 && !(await this.isKnown(modelName))) throw this.unknownModel(modelName);
    if (valid.kind === 'specific') {
      const registered = new Set(numbers);
      const unknown = valid.versions.filter((version) => !registered.has(version));
      if (unknown.length > 0) throw NotFoundError.of('model version', `${modelName}@${unknown[0]}`, `the policy may only name registered versions (${[...registered].sort((a, b) => a - b).join(', ')})`);
    }
    if (valid.kind === 'all') await this.redis.del(this.keys.modelVersionPolicy(modelName));
    else await this.redis.set(this.keys.modelVersionPolicy(modelName), JSON.stringify(valid));
    await this.redis.publish(this.keys.versionPolicyEvents(), JSON.stringify({ modelName }));
  }

  /** The model's version policy; every version unless one was set. */
  async versionPolicy(modelName: string): Promise<VersionPolicy> {
    const json = await this.redis.get(this.keys.modelVersionPolicy(modelName));
    return json === null ? DEFAULT_VERSION_POLICY : versionPolicySchema.parse(JSON.parse(json));
  }

  /** The model's registered version numbers, ascending. */
  async versionNumbers(modelName: string): Promise<number[]> {
    return (await this.redis.hkeys(this.keys.modelVersions(modelName))).map(Number).sort((a, b) => a - b);
  }

  /** The channel version-policy changes and newly registered versions are announced on (`{ modelName }`). */
  get versionPolicyEventsChannel(): string {
    return this.keys.versionPolicyEvents();
  }

  /** Records why serving failed to load a version (`undefined`: it loads now, so the record is cleared). */
  async recordLoadFailure(modelName: string, version: number, error: string | undefined): Promise<void> {
    if (error === undefined) await this.redis.hdel(this.keys.modelLoadFailures(modelName), String(version));
    else await this.redis.hset(this.keys.modelLoadFailures(modelName), String(version), error);
  }

  /** The channel `setAlias` announces moves on; subscribe with a connection of its own. */
  get aliasEventsChannel(): string {
    return this.keys.aliasEvents();
  }

  /** The version `alias` points at; NotFoundError when the alias is not set. */
  async aliasVersion(modelName: string, alias: string): Promise<number> {
    const version = await this.redis.hget(this.keys.modelAliases(modelName), alias);
    if (version === null) throw await this.notFound(modelName, NotFoundError.of('alias', `${modelName}@${alias}`, 'no version was deployed under it'));
    return Number(version);
  }

  async getVersion(modelName: string, version: number): Promise<ModelVersionRecord> {
    const json = await this.redis.hget(this.keys.modelVersions(modelName), String(version));
    if (json === null) throw await this.notFound(modelName, NotFoundError.of('model version', `${modelName}@${version}`));
    return modelVersionRecordSchema.parse(JSON.parse(json));
  }

  /** Resolves a selector to a version record; an unknown alias is NotFoundError. */
  async resolve(modelName: string, selector: VersionSelector): Promise<ModelVersionRecord> {
    return this.getVersion(modelName, 'version' in selector ? selector.version : await this.aliasVersion(modelName, selector.alias));
  }

  async getVersionView(modelName: string, version: number): Promise<ModelVersionView> {
    const record = await this.getVersion(modelName, version);
    const [evaluationJson, aliases] = await Promise.all([
      this.redis.hget(this.keys.modelEvaluations(modelName), String(version)),
      this.redis.hgetall(this.keys.modelAliases(modelName)),
    ]);
    return {
      record,
      evaluation: evaluationJson === null ? undefined : evaluationRecordSchema.parse(JSON.parse(evaluationJson)),
      aliases: Object.keys(aliases).filter((alias) => aliases[alias] === String(version)),
    };
  }

  async getModel(modelName: string): Promise<ModelView> {
    const [versions, evaluations, aliases, trafficSplit, loadFailures, versionPolicy] = await Promise.all([
      this.redis.hgetall(this.keys.modelVersions(modelName)),
      this.redis.hgetall(this.keys.modelEvaluations(modelName)),
      this.redis.hgetall(this.keys.modelAliases(modelName)),
      this.trafficSplit(modelName),
      this.redis.hgetall(this.keys.modelLoadFailures(modelName)),
      this.versionPolicy(modelName),
    ]);
    if (Object.keys(versions).length === 0 && !(await this.isKnown(modelName))) throw this.unknownModel(modelName);
    const views = Object.entries(versions)
      .map(([version, json]): ModelVersionView => {
        const evaluation = evaluations[version];
        return {
          record: modelVersionRecordSchema.parse(JSON.parse(json)),
          evaluation: evaluation === undefined ? undefined : evaluationRecordSchema.parse(JSON.parse(evaluation)),
          aliases: Object.keys(aliases).filter((alias) => aliases[alias] === version),
          ...(loadFailures[version] === undefined ? {} : { loadError: loadFailures[version] }),
        };
      })
      .sort((a, b) => b.record.version - a.record.version);
    return {
      name: modelName,
      versions: views,
      aliases: Object.fromEntries(Object.entries(aliases).map(([alias, version]) => [alias, Number(version)])),
      trafficSplit,
      versionPolicy,
    };
  }

  async listModels(): Promise<ModelView[]> {
    const names = (await this.redis.smembers(this.keys.models())).sort();
    return Promise.all(names.map((name) => this.getModel(name)));
  }

  private async isKnown(modelName: string): Promise<boolean> {
    return (await this.redis.sismember(this.keys.models(), modelName)) === 1;
  }

  private unknownModel(modelName: string): NotFoundError {
    return NotFoundError.of('model', modelName, 'train it with StartPipeline first');
  }

  /** `narrower` when the model exists, else the model itself is what was not found. */
  private async notFound(modelName: string, narrower: NotFoundError): Promise<NotFoundError> {
    return (await this.isKnown(modelName)) ? narrower : this.unknownModel(modelName);
  }
}
