import type { Redis } from 'ioredis';
import { AlreadyExistsError, NotFoundError } from '@aiaas/errors';
import { jobSpecSchema, stageRecordSchema, STAGES, type FinalJobState, type JobRecord, type JobSpec, type JobStateName, type StageName, type StageRecord } from './records';
import type { RegistryKeys } from './registry-keys';
import { RedisScript } from './redis-script';

// A job is a Redis hash, one field per independently updated part, so workers of different
// stages never overwrite each other's writes:
//   spec, state, error, modelVersion, updatedAt, cancelRequested, stage:<name>
const STATE_FIELD = 'state';
const CANCEL_FIELD = 'cancelRequested';
const FINAL_STATES: readonly string[] = ['succeeded', 'failed', 'cancelled'] satisfies FinalJobState[];
const QUEUED_STAGE: StageRecord = { state: 'queued', attempt: 0 };

// KEYS[1] job hash; ARGV: state, updatedAt, error ('' for none). Returns 1 when it finished the job.
const FINISH_ONCE = new RedisScript(`
local current = redis.call('HGET', KEYS[1], 'state')
if current == 'succeeded' or current == 'failed' or current == 'cancelled' then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'updatedAt', ARGV[2])
if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'error', ARGV[3]) end
return 1`);

// KEYS[1] job hash; ARGV: requestedAt. 0: no such job, 1: requested, 2: the job had already finished.
const REQUEST_CANCEL = new RedisScript(`
local current = redis.call('HGET', KEYS[1], 'state')
if not current then return 0 end
if current == 'succeeded' or current == 'failed' or current == 'cancelled' then return 2 end
redis.call('HSET', KEYS[1], 'cancelRequested', ARGV[1])
return 1`);

// KEYS[1] the new job's hash, KEYS[2] the tenant's set of jobs that may be unfinished; ARGV: the
// most unfinished jobs the tenant may have (0: no limit, and no set kept), the prefix of job
// hashes, the job's id, then the new hash's fields and values. Members that finished or vanished
// leave the set as it counts. Returns {1, n}: created, the tenant has n unfinished now (0 without
// a limit); {0, n}: refused, it has n; {-1, 0}: a job with that id exists.
const CREATE_WITHIN_LIMIT = new RedisScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return {-1, 0} end
local most = tonumber(ARGV[1])
local unfinished = 0
if most > 0 then
  for _, id in ipairs(redis.call('SMEMBERS', KEYS[2])) do
    local state = redis.call('HGET', ARGV[2] .. id, 'state')
    if state == 'queued' or state == 'running' then
      unfinished = unfinished + 1
    else
      redis.call('SREM', KEYS[2], id)
    end
  end
  if unfinished >= most then return {0, unfinished} end
  redis.call('SADD', KEYS[2], ARGV[3])
  unfinished = unfinished + 1
end
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
return {1, unfinished}`);

/** Whether a tenant's new job was recorded: with the record, or refused with how many it has unfinished. */
export type JobAdmission = { readonly admitted: true; readonly job: JobRecord } | { readonly admitted: false; readonly unfinished: number };

/** Pipeline jobs: what was asked, and how far each stage got. */
export class JobStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RegistryKeys,
  ) {}

  /** Records a new job with every stage queued. */
  async create(id: string, spec: JobSpec): Promise<JobRecord> {
    const admission = await this.createWithinLimit(id, spec, undefined);
    if (!admission.admitted) throw new Error('unreachable: a job without a limit is always admitted');
    return admission.job;
  }

  /**
   * Records a new job with every stage queued, as one of at most `limit` queued or running jobs
   * of `limit.tenant`, in one step: concurrent submissions cannot pass the limit together, as
   * they could if counting and recording were separate. Without a limit, it just records.
   */
  async createWithinLimit(id: string, spec: JobSpec, limit: { readonly tenant: string; readonly most: number } | undefined): Promise<JobAdmission> {
    const valid = jobSpecSchema.parse(spec);
    const fields = ['spec', JSON.stringify(valid), STATE_FIELD, 'queued', 'updatedAt', String(valid.createdAt)];
    for (const stage of STAGES) fields.push(`stage:${stage}`, JSON.stringify(QUEUED_STAGE));
    const [outcome, unfinished] = (await CREATE_WITHIN_LIMIT.run(
      this.redis,
      [this.keys.job(id), this.keys.tenantJobs(limit?.tenant ?? '')],
      [String(limit?.most ?? 0), this.keys.job(''), id, ...fields],
    )) as [number, number];
    if (outcome === -1) throw new AlreadyExistsError(`job "${id}" already exists`);
    if (outcome === 0) return { admitted: false, unfinished };
    const stages = Object.fromEntries(STAGES.map((stage) => [stage, QUEUED_STAGE])) as Record<StageName, StageRecord>;
    return { admitted: true, job: { id, ...valid, state: 'queued', modelVersion: undefined, error: undefined, updatedAt: valid.createdAt, stages } };
  }

  async get(id: string): Promise<JobRecord> {
    const hash = await this.redis.hgetall(this.keys.job(id));
    if (!hash.spec) throw NotFoundError.of('job', id);
    const spec = jobSpecSchema.parse(JSON.parse(hash.spec));
    const stages = Object.fromEntries(
      STAGES.map((stage) => {
        const json = hash[`stage:${stage}`];
        return [stage, json === undefined ? QUEUED_STAGE : stageRecordSchema.parse(JSON.parse(json))];
      }),
    ) as Record<StageName, StageRecord>;
    return {
      id,
      ...spec,
      state: (hash[STATE_FIELD] ?? 'queued') as JobStateName,
      modelVersion: hash.modelVersion === undefined ? undefined : Number(hash.modelVersion),
      error: hash.error,
      updatedAt: Number(hash.updatedAt ?? spec.createdAt),
      stages,
    };
  }

  /** Replaces one stage's record; a running stage makes the job running. */
  async updateStage(id: string, stage: StageName, record: StageRecord, now: number): Promise<void> {
    const fields: Record<string, string> = { [`stage:${stage}`]: JSON.stringify(stageRecordSchema.parse(record)), updatedAt: String(now) };
    if (record.state === 'running') fields[STATE_FIELD] = 'running';
    await this.redis.hset(this.keys.job(id), fields);
  }

  async setModelVersion(id: string, version: number, now: number): Promise<void> {
    await this.redis.hset(this.keys.job(id), { modelVersion: String(version), updatedAt: String(now) });
  }

  /**
   * Sets the job's final state, once: false (and nothing changes) when it had already finished,
   * as when several shard tasks of one stage fail.
   */
  async finish(id: string, state: FinalJobState, error: string | undefined, now: number): Promise<boolean> {
    const finished = await FINISH_ONCE.run(this.redis, [this.keys.job(id)], [state, String(now), error ?? '']);
    return finished === 1;
  }

  /** True once the job has succeeded, failed or been cancelled. */
  async isFinished(id: string): Promise<boolean> {
    const state = await this.redis.hget(this.keys.job(id), STATE_FIELD);
    return state !== null && FINAL_STATES.includes(state);
  }

  /**
   * Asks the job's workers to stop; they see it at their next check. NotFoundError for an
   * unknown job; false when the job had already finished (nothing to cancel).
   */
  async requestCancel(id: string, now: number): Promise<boolean> {
    const outcome = await REQUEST_CANCEL.run(this.redis, [this.keys.job(id)], [String(now)]);
    if (outcome === 0) throw NotFoundError.of('job', id);
    return outcome === 1;
  }

  async isCancelRequested(id: string): Promise<boolean> {
    return (await this.redis.hexists(this.keys.job(id), CANCEL_FIELD)) === 1;
  }
}
