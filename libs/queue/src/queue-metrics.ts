import { Queue, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** BullMQ's job states, as `aiaas_queue_jobs`'s `state` label. */
const JOB_STATES = ['waiting', 'prioritized', 'delayed', 'active', 'waiting-children', 'failed', 'completed'] as const;

/** How one attempt at a job ended. */
export type AttemptOutcome = 'completed' | 'retried' | 'failed' | 'cancelled';

/** From a tenth of a second to an hour: a shard takes seconds, a tuning run can take an hour. */
const ATTEMPT_SECONDS_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

/**
 * The queue metrics of one process: how many jobs each of its queues holds by state (read from
 * Redis at each scrape, so every replica reports the whole queue: take the max across
 * replicas, not the sum), how long attempts take by outcome, and the jobs found stalled (their
 * worker died holding them).
 */
export class QueueMetrics {
  private readonly queues = new Map<string, Queue>();
  private readonly attemptSeconds: Histogram<'queue' | 'outcome'>;
  private readonly stalled: Counter<'queue'>;

  constructor(
    registry: Registry,
    private readonly connection: Redis,
    private readonly prefix: string,
  ) {
    const queues = this.queues;
    new Gauge({
      name: 'aiaas_queue_jobs',
      help: 'Jobs in each queue by BullMQ state, read from Redis at scrape time.',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        this.reset();
        await Promise.all(
          [...queues].map(async ([name, queue]) => {
            // Redis away (or this process shutting down): the queue's series are left out of
            // this scrape rather than failing it, so the process's other metrics still answer.
            const counts = await queue.getJobCounts(...JOB_STATES).catch(() => undefined);
            if (counts) for (const state of JOB_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
          }),
        );
      },
    });
    this.attemptSeconds = new Histogram({
      name: 'aiaas_queue_attempt_seconds',
      help: 'Wall time of one attempt at a job, by how it ended (completed, retried, failed, cancelled).',
      labelNames: ['queue', 'outcome'],
      buckets: ATTEMPT_SECONDS_BUCKETS,
      registers: [registry],
    });
    this.stalled = new Counter({ name: 'aiaas_queue_stalled_total', help: 'Jobs this replica found stalled (their lock expired: the worker holding them died) and put back.', labelNames: ['queue'], registers: [registry] });
  }

  /** Reports how many jobs `name` holds by state, as a producer does for the queues it feeds. */
  watchQueue(name: string): void {
    if (!this.queues.has(name)) this.queues.set(name, new Queue(name, { connection: this.connection, prefix: this.prefix }));
  }

  /** Reports `worker`'s queue, and its stalled jobs. */
  watch(name: string, worker: Worker): void {
    this.watchQueue(name);
    // At 0 from the start: a series that appears only with its first stall would hide that stall from rate() and increase().
    this.stalled.inc({ queue: name }, 0);
    worker.on('stalled', () => this.stalled.inc({ queue: name }));
  }

  attemptEnded(queue: string, outcome: AttemptOutcome, seconds: number): void {
    this.attemptSeconds.observe({ queue, outcome }, seconds);
  }

  /** An attempt on `queue` that started at `startedAt` (epoch ms): call the answer once, with how it ended. */
  attempt(queue: string, startedAt: number): (outcome: AttemptOutcome) => void {
    return (outcome) => this.attemptEnded(queue, outcome, (Date.now() - startedAt) / 1000);
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}
