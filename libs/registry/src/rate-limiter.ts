import type { Redis } from 'ioredis';
import type { RegistryKeys } from './registry-keys';
import { RedisScript } from './redis-script';

/** A token bucket: `perSecond` tokens refill each second, up to `burst`; each call takes one. */
export interface RateLimit {
  readonly perSecond: number;
  readonly burst: number;
}

/** Whether a call may go ahead, and if not, how long until it may. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

// One bucket per key, refilled from Redis's own clock so every gateway replica shares it.
// Returns -1 when a token was taken, else the milliseconds until one will be there.
const TAKE = new RedisScript(`
local now = redis.call('TIME')
local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local rate = tonumber(ARGV[1]) / 1000
local burst = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or nowMs
tokens = math.min(burst, tokens + math.max(0, nowMs - at) * rate)
local wait = -1
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', nowMs)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
return wait
`);

/** Per-tenant request rates, held in Redis so the limit holds across gateway replicas. */
export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RegistryKeys,
  ) {}

  /** Takes a token from `tenant`'s bucket, if there is one. */
  async take(tenant: string, limit: RateLimit): Promise<RateDecision> {
    const wait = Number(await TAKE.run(this.redis, [this.keys.rateLimit(tenant)], [String(limit.perSecond), String(limit.burst)]));
    return wait < 0 ? { allowed: true } : { allowed: false, retryAfterMs: wait };
  }
}
