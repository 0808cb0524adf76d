import type { Redis } from 'ioredis';
import { jobEventRecordSchema, type JobEventBody, type JobEventRecord, type StageName } from './records';
import type { RegistryKeys } from './registry-keys';
import { RedisScript } from './redis-script';

// Appends with stream id 0-<n>, n from a per-job counter, so an event's sequence number is
// also its stream id: readers resume with XREAD from 0-<last seen>, and numbers have no gaps.
const APPEND = new RedisScript(`
local sequence = redis.call('INCR', KEYS[2])
redis.call('XADD', KEYS[1], '0-' .. sequence, 'event', ARGV[1])
return sequence
`);

/** An event as stored: its sequence is the stream entry id, not part of the payload. */
const storedEventSchema = jobEventRecordSchema.omit({ sequence: true });

type StreamEntry = [id: string, fields: string[]];

function parseEntries(entries: StreamEntry[]): JobEventRecord[] {
  return entries.map(([id, fields]) => ({
    sequence: Number(id.split('-')[1]),
    ...storedEventSchema.parse(JSON.parse(fields[1] ?? 'null')),
  }));
}

/** The ordered, replayable progress log of each job, as Redis streams. */
export class JobEventLog {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RegistryKeys,
    /** Opens a connection for blocking reads, which would stall a shared one. */
    private readonly openBlockingConnection: () => Redis,
  ) {}

  /** Appends an event and returns its sequence number. */
  async append(jobId: string, stage: StageName | null, body: JobEventBody, time: number): Promise<number> {
    const sequence = Number(
      await APPEND.run(this.redis, [this.keys.jobEvents(jobId), this.keys.jobEventCounter(jobId)], [JSON.stringify({ time, stage, body })]),
    );
    return sequence;
  }

  /** Events with a sequence above `afterSequence`, oldest first. */
  async read(jobId: string, afterSequence = 0, count = 1_000): Promise<JobEventRecord[]> {
    const entries = (await this.redis.xrange(this.keys.jobEvents(jobId), `(0-${afterSequence}`, '+', 'COUNT', count)) as StreamEntry[];
    return parseEntries(entries);
  }

  /** Every stored event after `afterSequence`, page by page, without waiting for more. */
  async *replay(jobId: string, afterSequence = 0): AsyncGenerator<JobEventRecord> {
    for (let after = afterSequence; ; ) {
      const events = await this.read(jobId, after);
      if (events.length === 0) return;
      yield* events;
      after = events[events.length - 1]!.sequence;
    }
  }

  /**
   * Yields the job's events after `afterSequence`, then waits for new ones, until a
   * `job_finished` event has been yielded or `signal` aborts.
   */
  async *follow(jobId: string, afterSequence: number, signal: AbortSignal, blockMs = 5_000): AsyncGenerator<JobEventRecord> {
    let cursor = afterSequence;
    let blocking: Redis | undefined;
    const abort = () => blocking?.disconnect();
    signal.addEventListener('abort', abort);
    try {
      while (!signal.aborted) {
        let events = await this.read(jobId, cursor);
        if (events.length === 0) {
          blocking ??= this.openBlockingConnection();
          const reply = (await blocking
            .xread('BLOCK', blockMs, 'STREAMS', this.keys.jobEvents(jobId), `0-${cursor}`)
            .catch((error: unknown) => {
              if (signal.aborted) return null;
              throw error;
            })) as Array<[key: string, entries: StreamEntry[]]> | null;
          events = parseEntries(reply?.[0]?.[1] ?? []);
        }
        for (const event of events) {
          cursor = event.sequence;
          yield event;
          if (event.body.kind === 'job_finished') return;
        }
      }
    } finally {
      signal.removeEventListener('abort', abort);
      blocking?.disconnect();
    }
  }

  /** Lets a finished job's log expire; the job record itself is kept. */
  async expire(jobId: string, ttlSeconds: number): Promise<void> {
    await this.redis.multi().expire(this.keys.jobEvents(jobId), ttlSeconds).expire(this.keys.jobEventCounter(jobId), ttlSeconds).exec();
  }
}
