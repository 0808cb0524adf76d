import type { Redis } from 'ioredis';
import { ApiKeys } from './api-keys';
import { DatasetCatalog } from './dataset-catalog';
import { JobEventLog } from './job-event-log';
import { JobStore } from './job-store';
import { JobTracker } from './job-tracker';
import { ModelRegistry } from './model-registry';
import { RegistryKeys } from './registry-keys';
import { ShadowDeployments } from './shadow-deployments';
import { RateLimiter } from './rate-limiter';
import { Tenancy } from './tenancy';

export interface RegistryOptions {
  /** Connection for ordinary commands. */
  readonly redis: Redis;
  /** Key prefix shared with the BullMQ queues. */
  readonly prefix: string;
  /** Opens a dedicated connection for a blocking read (WatchJob). */
  readonly openBlockingConnection: () => Redis;
  /** How long a finished job's event log is kept. Default seven days. */
  readonly eventRetentionSeconds?: number;
}

/** Everything the platform keeps in Redis besides the queues. */
export interface Registry {
  readonly datasets: DatasetCatalog;
  readonly models: ModelRegistry;
  readonly shadows: ShadowDeployments;
  readonly apiKeys: ApiKeys;
  readonly tenancy: Tenancy;
  readonly rateLimiter: RateLimiter;
  readonly jobs: JobStore;
  readonly events: JobEventLog;
  readonly tracker: JobTracker;
}

export function createRegistry(options: RegistryOptions): Registry {
  const keys = new RegistryKeys(options.prefix);
  const jobs = new JobStore(options.redis, keys);
  const events = new JobEventLog(options.redis, keys, options.openBlockingConnection);
  const models = new ModelRegistry(options.redis, keys);
  return {
    datasets: new DatasetCatalog(options.redis, keys),
    models,
    shadows: new ShadowDeployments(options.redis, keys, models),
    apiKeys: new ApiKeys(options.redis, keys),
    tenancy: new Tenancy(options.redis, keys),
    rateLimiter: new RateLimiter(options.redis, keys),
    jobs,
    events,
    tracker: new JobTracker(jobs, events, options.eventRetentionSeconds ?? 7 * 24 * 3600),
  };
}
