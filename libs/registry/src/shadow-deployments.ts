import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { FailedPreconditionError, InvalidArgumentError, NotFoundError } from '@aiaas/errors';
import { ALIAS_HISTORY_LENGTH, type AliasEvent, type ModelRegistry } from './model-registry';
import type { RegistryKeys } from './registry-keys';
import { RedisScript } from './redis-script';

/**
 * When a shadow candidate is good enough to promote. Each limit is optional, at least one is
 * set; agreement is for classifiers and seq2seq models, the mean absolute difference for
 * models that answer numbers (probabilities or values).
 */
export const shadowToleranceSchema = z
  .object({
    /** Least share of mirrored rows answered alike: the same predicted class, or the same decoded text. */
    minAgreement: z.number().min(0).max(1).optional(),
    /** Largest mean |candidate − baseline| over the probabilities or values answered. */
    maxMeanAbsDifference: z.number().min(0).optional(),
    /** Largest ratio of the candidate's median model latency to the baseline's. */
    maxLatencyRatio: z.number().positive().optional(),
  })
  .refine((tolerance) => Object.values(tolerance).some((limit) => limit !== undefined), { message: 'state at least one tolerance' });
export type ShadowTolerance = z.infer<typeof shadowToleranceSchema>;

/** What a user asks for: mirror a share of an alias's requests to a candidate, and promote it when it compares within tolerance. */
export const shadowSpecSchema = z.object({
  candidateVersion: z.number().int().positive(),
  /** The alias whose requests are mirrored and which the candidate takes over. */
  alias: z.string().min(1),
  /** Share (percent) of the alias's requests copied to the candidate. */
  samplePercent: z.number().gt(0).max(100),
  /** Mirrored requests compared before the verdict. */
  minRequests: z.number().int().positive(),
  tolerance: shadowToleranceSchema,
});
export type ShadowSpec = z.infer<typeof shadowSpecSchema>;

export const SHADOW_STATES = ['shadowing', 'promoted', 'held', 'stopped'] as const;
export type ShadowState = (typeof SHADOW_STATES)[number];

/** A shadow deployment as stored: its spec, what it compares against, and how it ended. */
export const shadowRecordSchema = shadowSpecSchema.extend({
  /** Tells this deployment's mirrored requests from an earlier one's. */
  id: z.string(),
  /** The version the alias pointed at when the shadow started. */
  baselineVersion: z.number().int().positive(),
  state: z.enum(SHADOW_STATES),
  /** Why it was promoted or held (each judgement), or who stopped it. */
  reason: z.string().optional(),
  startedAt: z.number(),
  concludedAt: z.number().optional(),
});
export type ShadowRecord = z.infer<typeof shadowRecordSchema>;

/** Median and 99th percentile of a side's model latencies (ms). */
export interface LatencySummary {
  readonly p50: number;
  readonly p99: number;
}

/** What the comparisons of a shadow deployment add up to so far. */
export interface ShadowTally {
  /** Mirrored requests both versions answered and were compared on. */
  readonly requests: number;
  readonly rows: number;
  /** Mirrored requests the candidate failed on (the baseline answered them). */
  readonly failedRequests: number;
  readonly lastFailure?: string;
  /** Mirrored requests that could not be compared (tensors for a candidate with another transform). */
  readonly skippedRequests: number;
  /** Rows answered alike over rows compared for agreement; undefined when none were. */
  readonly agreement: number | undefined;
  /** Mean |candidate − baseline| over the numbers compared; undefined when none were. */
  readonly meanAbsDifference: number | undefined;
  readonly baselineLatencyMs: LatencySummary | undefined;
  readonly candidateLatencyMs: LatencySummary | undefined;
}

/** One mirrored request's comparison, as the comparer adds it to the tally. */
export type ShadowComparison =
  | {
      readonly outcome: 'compared';
      readonly rows: number;
      /** Rows compared for agreement, and how many of them agreed (0 and 0 when the task has none). */
      readonly agreementRows: number;
      readonly agreeingRows: number;
      /** Numbers compared, and the sum of their absolute differences. */
      readonly differenceCount: number;
      readonly differenceSum: number;
      readonly baselineMs: number;
      readonly candidateMs: number;
    }
  | { readonly outcome: 'failed'; readonly error: string }
  | { readonly outcome: 'skipped' };

/** A shadow deployment with its tally. */
export interface ShadowView {
  readonly record: ShadowRecord;
  readonly tally: ShadowTally;
}

/** A request copied to the candidate, as the stream holds it. */
export interface MirroredEntry {
  readonly modelName: string;
  readonly entryId: string;
  readonly shadowId: string;
  readonly baselineVersion: number;
  /** The request, as the serving side encoded it. */
  readonly body: Buffer;
}

/** Latencies kept per side for the percentiles. */
const LATENCY_SAMPLES = 10_000;
/** Mirrored requests kept in a model's stream (approximately). */
const STREAM_LENGTH = 10_000;
const CONSUMER_GROUP = 'compare';

/** A stream entry as Redis answers it: its id, and its fields and values in turn. */
type StreamEntry = [Buffer, Buffer[]];

function mirroredEntries(modelName: string, entries: readonly StreamEntry[]): MirroredEntry[] {
  return entries.map(([id, fields]) => {
    const field = (name: string) => fields[fields.findIndex((value, index) => index % 2 === 0 && value.toString() === name) + 1];
    return { modelName, entryId: id.toString(), shadowId: String(field('shadow') ?? ''), baselineVersion: Number(String(field('baseline') ?? '0')), body: field('body') ?? Buffer.alloc(0) };
  });
}

// Acknowledges a mirrored request and, only if this call acknowledged it (a replica that took
// it over after a long wait may have already), adds its comparison to the tally. KEYS: the
// stream, the tally, the baseline's and the candidate's latency lists; ARGV: the group, the
// entry id, the latency samples kept, the outcome ('failed', 'skipped' or 'compared'), then for
// 'failed' the error, for 'compared' rows, agreementRows, agreeingRows, differenceCount,
// differenceSum, baselineMs, candidateMs. Answers requests + failed so far, or -1 when the
// entry had been acknowledged already.
const ADD_COMPARISON = new RedisScript(`
if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then return -1 end
local outcome = ARGV[4]
if outcome == 'failed' then
  redis.call('HINCRBY', KEYS[2], 'failed', 1)
  redis.call('HSET', KEYS[2], 'lastFailure', ARGV[5])
elseif outcome == 'skipped' then
  redis.call('HINCRBY', KEYS[2], 'skipped', 1)
else
  redis.call('HINCRBY', KEYS[2], 'requests', 1)
  redis.call('HINCRBY', KEYS[2], 'rows', ARGV[5])
  redis.call('HINCRBY', KEYS[2], 'agreementRows', ARGV[6])
  redis.call('HINCRBY', KEYS[2], 'agreeingRows', ARGV[7])
  redis.call('HINCRBY', KEYS[2], 'differenceCount', ARGV[8])
  redis.call('HINCRBYFLOAT', KEYS[2], 'differenceSum', ARGV[9])
  local keep = tonumber(ARGV[3]) - 1
  redis.call('LPUSH', KEYS[3], ARGV[10])
  redis.call('LTRIM', KEYS[3], 0, keep)
  redis.call('LPUSH', KEYS[4], ARGV[11])
  redis.call('LTRIM', KEYS[4], 0, keep)
end
local counts = redis.call('HMGET', KEYS[2], 'requests', 'failed')
return (tonumber(counts[1]) or 0) + (tonumber(counts[2]) or 0)`);

// Concludes a shadow deployment once: only while it is still the one `id` names and is running.
// On promotion the alias moves in the same step (remembering the version it leaves, as
// MOVE_ALIAS does), and both are announced.
const CONCLUDE = new RedisScript(`
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local record = cjson.decode(current)
if record['id'] ~= ARGV[1] or record['state'] ~= 'shadowing' then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('SREM', KEYS[3], ARGV[3])
if ARGV[4] ~= '' then
  local previous = redis.call('HGET', KEYS[2], ARGV[4])
  redis.call('HSET', KEYS[2], ARGV[4], ARGV[5])
  if previous and previous ~= ARGV[5] then
    redis.call('LPUSH', KEYS[4], previous)
    redis.call('LTRIM', KEYS[4], 0, tonumber(ARGV[10]))
  end
  redis.call('PUBLISH', ARGV[6], ARGV[7])
end
redis.call('PUBLISH', ARGV[8], ARGV[9])
return 1
`);

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function latencySummary(samples: readonly string[]): LatencySummary | undefined {
  if (samples.length === 0) return undefined;
  const sorted = samples.map(Number).sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
}

/**
 * Shadow deployments: a candidate version gets a copy of a sample of an alias's live requests
 * (recorded to a Redis stream that serving replicas read as one consumer group), its answers
 * and latency are compared with the alias's version, and the alias moves to the candidate, in
 * one atomic step, once enough requests compared within tolerance.
 */
export class ShadowDeployments {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RegistryKeys,
    private readonly models: ModelRegistry,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts shadowing `spec.candidateVersion` behind `spec.alias`, replacing any earlier shadow deployment of the model. */
  async start(modelName: string, spec: ShadowSpec): Promise<ShadowRecord> {
    const valid = shadowSpecSchema.parse(spec);
    const candidate = await this.models.requireBlessed(modelName, valid.candidateVersion, 'only blessed versions can be promoted');
    const baselineVersion = await this.models.aliasVersion(modelName, valid.alias);
    if (baselineVersion === valid.candidateVersion) {
      throw new FailedPreconditionError(`model "${modelName}" version ${valid.candidateVersion} already serves "${valid.alias}"; shadow another version`);
    }
    const task = candidate.record.labels;
    if (valid.tolerance.minAgreement !== undefined && (task === 'value' || task === 'interaction')) {
      throw new InvalidArgumentError('tolerance.min_agreement', `applies to classifiers and seq2seq models; version ${valid.candidateVersion} answers values: state max_mean_abs_difference instead`);
    }
    if (valid.tolerance.maxMeanAbsDifference !== undefined && task === 'token-sequence') {
      throw new InvalidArgumentError('tolerance.max_mean_abs_difference', `applies to models that answer numbers; version ${valid.candidateVersion} answers decoded text: state min_agreement instead`);
    }
    const record: ShadowRecord = { ...valid, id: randomUUID(), baselineVersion, state: 'shadowing', startedAt: this.now() };
    const requests = this.keys.modelShadowRequests(modelName);
    await this.redis
      .multi()
      .del(requests, this.keys.modelShadowTally(modelName), this.keys.modelShadowLatencies(modelName, 'baseline'), this.keys.modelShadowLatencies(modelName, 'candidate'))
      .xgroup('CREATE', requests, CONSUMER_GROUP, '$', 'MKSTREAM')
      .set(this.keys.modelShadow(modelName), JSON.stringify(record))
      .sadd(this.keys.shadowingModels(), modelName)
      .publish(this.keys.shadowEvents(), JSON.stringify({ modelName }))
      .exec();
    return record;
  }

  /** Ends the running shadow deployment without promoting; NotFoundError when none runs. */
  async stop(modelName: string): Promise<ShadowRecord> {
    const current = await this.record(modelName);
    if (current?.state !== 'shadowing') throw NotFoundError.of('shadow deployment', modelName, 'start one with StartShadow');
    await this.conclude(modelName, current, { state: 'stopped', reason: 'stopped by request' });
    return (await this.record(modelName))!;
  }

  /** The model's latest shadow deployment, or undefined when it never had one. */
  async record(modelName: string): Promise<ShadowRecord | undefined> {
    const json = await this.redis.get(this.keys.modelShadow(modelName));
    return json === null ? undefined : shadowRecordSchema.parse(JSON.parse(json));
  }

  /** The model's latest shadow deployment with its tally, or undefined when it never had one. */
  async view(modelName: string): Promise<ShadowView | undefined> {
    const record = await this.record(modelName);
    return record && { record, tally: await this.tally(modelName) };
  }

  async tally(modelName: string): Promise<ShadowTally> {
    const [counts, baseline, candidate] = await Promise.all([
      this.redis.hgetall(this.keys.modelShadowTally(modelName)),
      this.redis.lrange(this.keys.modelShadowLatencies(modelName, 'baseline'), 0, -1),
      this.redis.lrange(this.keys.modelShadowLatencies(modelName, 'candidate'), 0, -1),
    ]);
    const count = (field: string) => Number(counts[field] ?? 0);
    const ratio = (part: string, whole: string) => (count(whole) === 0 ? undefined : count(part) / count(whole));
    return {
      requests: count('requests'),
      rows: count('rows'),
      failedRequests: count('failed'),
      ...(counts['lastFailure'] === undefined ? {} : { lastFailure: counts['lastFailure'] }),
      skippedRequests: count('skipped'),
      agreement: ratio('agreeingRows', 'agreementRows'),
      meanAbsDifference: ratio('differenceSum', 'differenceCount'),
      baselineLatencyMs: latencySummary(baseline),
      candidateLatencyMs: latencySummary(candidate),
    };
  }

  /** Models with a shadow deployment running. */
  async shadowingModels(): Promise<string[]> {
    return this.redis.smembers(this.keys.shadowingModels());
  }

  /** The channel shadow deployments are announced on (`{ modelName }`) when they start or end. */
  get eventsChannel(): string {
    return this.keys.shadowEvents();
  }

  /** Records a copy of a request answered by `baselineVersion` for the candidate of shadow `shadowId`. */
  async mirror(modelName: string, shadowId: string, baselineVersion: number, body: Buffer): Promise<void> {
    await this.redis.xadd(this.keys.modelShadowRequests(modelName), 'MAXLEN', '~', STREAM_LENGTH, '*', 'shadow', shadowId, 'baseline', String(baselineVersion), 'body', body);
  }

  /**
   * The next mirrored requests of the given models for `consumer`, waiting up to `blockMs` on
   * `connection` (one of its own: the read blocks it). Each entry goes to one consumer of all
   * the replicas reading.
   */
  async readMirrored(connection: Redis, consumer: string, modelNames: readonly string[], count: number, blockMs: number): Promise<MirroredEntry[]> {
    if (modelNames.length === 0) return [];
    const streams = modelNames.map((name) => this.keys.modelShadowRequests(name));
    const reply = (await connection.xreadgroupBuffer('GROUP', CONSUMER_GROUP, consumer, 'COUNT', count, 'BLOCK', blockMs, 'STREAMS', ...streams, ...streams.map(() => '>'))) as
      | [Buffer, StreamEntry[]][]
      | null;
    return (reply ?? []).flatMap(([stream, entries]) => mirroredEntries(modelNames[streams.indexOf(stream.toString())]!, entries));
  }

  /**
   * Up to `count` mirrored requests of each model that a consumer read but has not acknowledged
   * for `minIdleMs`, now `consumer`'s. A replica that dies, or restarts under a new name, leaves
   * what it read unacknowledged; without this, those requests would never be compared.
   */
  async claimAbandoned(consumer: string, modelNames: readonly string[], minIdleMs: number, count: number): Promise<MirroredEntry[]> {
    const claimed = await Promise.all(
      modelNames.map(async (modelName) => {
        const [, entries] = (await this.redis.callBuffer('XAUTOCLAIM', this.keys.modelShadowRequests(modelName), CONSUMER_GROUP, consumer, minIdleMs, '0-0', 'COUNT', count)) as [
          Buffer,
          (StreamEntry | null)[],
          Buffer[]?,
        ];
        // An entry trimmed from the stream meanwhile is nil in Redis 6.2's answer (7 leaves it out).
        return mirroredEntries(modelName, entries.filter((entry): entry is StreamEntry => entry !== null && entry[1] !== null));
      }),
    );
    return claimed.flat();
  }

  /**
   * Adds a mirrored request's comparison to the tally and acknowledges its entry, in one step;
   * answers how many mirrored requests have now been tried (compared or failed), so a caller
   * reads the whole tally only once a verdict is possible. An entry another replica took over
   * and acknowledged first is not counted twice: that answers undefined.
   */
  async addComparison(entry: MirroredEntry, comparison: ShadowComparison): Promise<number | undefined> {
    const { modelName } = entry;
    const details =
      comparison.outcome === 'failed'
        ? [comparison.error]
        : comparison.outcome === 'skipped'
          ? []
          : [comparison.rows, comparison.agreementRows, comparison.agreeingRows, comparison.differenceCount, comparison.differenceSum, comparison.baselineMs, comparison.candidateMs].map(String);
    const tried = (await ADD_COMPARISON.run(
      this.redis,
      [this.keys.modelShadowRequests(modelName), this.keys.modelShadowTally(modelName), this.keys.modelShadowLatencies(modelName, 'baseline'), this.keys.modelShadowLatencies(modelName, 'candidate')],
      [CONSUMER_GROUP, entry.entryId, LATENCY_SAMPLES, comparison.outcome, ...details],
    )) as number;
    return tried < 0 ? undefined : tried;
  }

  /** Acknowledges a mirrored request that belongs to no running shadow deployment. */
  async discard(entry: MirroredEntry): Promise<void> {
    await this.redis.xack(this.keys.modelShadowRequests(entry.modelName), CONSUMER_GROUP, entry.entryId);
  }

  /**
   * Ends shadow deployment `current` as `verdict` says — on promotion moving its alias to the
   * candidate in the same atomic step — unless it has ended already (another replica concluded
   * first, or it was stopped or replaced). Answers whether this call ended it.
   */
  async conclude(modelName: string, current: ShadowRecord, verdict: { state: Exclude<ShadowState, 'shadowing'>; reason: string }): Promise<boolean> {
    const concluded: ShadowRecord = { ...current, state: verdict.state, reason: verdict.reason, concludedAt: this.now() };
    const promote = verdict.state === 'promoted';
    const aliasEvent: AliasEvent = { modelName, alias: current.alias, version: current.candidateVersion };
    const ended = await CONCLUDE.run(
      this.redis,
      [this.keys.modelShadow(modelName), this.keys.modelAliases(modelName), this.keys.shadowingModels(), this.keys.modelAliasHistory(modelName, current.alias)],
      [
      current.id,
      JSON.stringify(concluded),
      modelName,
      promote ? current.alias : '',
      String(current.candidateVersion),
      this.keys.aliasEvents(),
      JSON.stringify(aliasEvent),
      this.keys.shadowEvents(),
      JSON.stringify({ modelName }),
      String(ALIAS_HISTORY_LENGTH - 1),
      ],
    );
    return ended === 1;
  }
}
