import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * A Prometheus registry for one service process: every series carries `service`, and the
 * process's own metrics (CPU, resident memory, heap, event-loop lag, GC, open handles) are
 * collected at each scrape.
 */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
