import type { Logger } from '@aiaas/observability';
import { connectRegistry, type Registry, type RegistryConnections } from '@aiaas/registry';
import { openArtifactStore, type ArtifactStore, type ArtifactStoreSettings } from '@aiaas/storage';
import type { Registry as MetricsRegistry } from 'prom-client';
import { QueueMetrics } from './queue-metrics';

/** Where a service registers what to close when it stops (the service library's ShutdownCoordinator). */
export interface ClosesOnShutdown {
  add(name: string, close: () => Promise<unknown> | unknown): void;
}

/** What every service that works off the queues opens first. */
export interface WorkerResources {
  readonly connections: RegistryConnections;
  readonly registry: Registry;
  readonly queueMetrics: QueueMetrics;
  readonly store: ArtifactStore;
}

/**
 * Connects to the registry's Redis, starts the queue metrics and opens the artifact store, each
 * closed on shutdown, and logs where the artifacts are.
 */
export async function openWorkerResources(
  config: ArtifactStoreSettings & { readonly redisUrl: string; readonly redisPrefix: string },
  { shutdown, metrics, logger }: { readonly shutdown: ClosesOnShutdown; readonly metrics: MetricsRegistry; readonly logger: Logger },
): Promise<WorkerResources> {
  const connections = connectRegistry({ redisUrl: config.redisUrl, prefix: config.redisPrefix });
  shutdown.add('redis', () => connections.close());
  const queueMetrics = new QueueMetrics(metrics, connections.redis, config.redisPrefix);
  shutdown.add('queue metrics', () => queueMetrics.close());
  const artifacts = await openArtifactStore(config);
  shutdown.add('artifact store', () => artifacts.close());
  logger.info('artifact store', { location: artifacts.location });
  return { connections, registry: connections.registry, queueMetrics, store: artifacts.store };
}
