import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOffSampler, BatchSpanProcessor, ParentBasedSampler, TracerProvider } from '@opentelemetry/sdk-trace';

export interface Tracing {
  /** Where spans go: the collector's traces URL, or undefined when they are not exported. */
  readonly exportsTo: string | undefined;
  /** Sends the spans still buffered and stops. */
  shutdown(): Promise<void>;
}

/**
 * Sets up tracing for a service process. Every call served and every job run gets a span, and
 * the W3C trace context is taken from and passed on with calls and queued jobs, so a trace id
 * follows a request or a pipeline through every service (and into their log lines) whether or
 * not spans are exported; without an exporter, the spans of traces started here are not
 * recorded, only numbered. With `otlpEndpoint` (an OpenTelemetry collector's OTLP/HTTP receiver,
 * e.g. http://otel-collector:4318), the spans are batched and sent to `<endpoint>/v1/traces` as
 * service `service`.
 */
export function startTracing(service: string, otlpEndpoint: string | undefined): Tracing {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const url = otlpEndpoint ? `${otlpEndpoint.replace(/\/+$/, '')}/v1/traces` : undefined;
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'service.namespace': 'aiaas' }),
    spanProcessors: url ? [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }) })] : [],
    // With nowhere to send them, traces this process starts are not recorded: their ids still
    // travel and reach the logs, at next to no cost per call. A caller's decision is kept.
    ...(url ? {} : { sampler: new ParentBasedSampler({ root: new AlwaysOffSampler() }) }),
  });
  trace.setGlobalTracerProvider(provider);
  return { exportsTo: url, shutdown: () => provider.shutdown() };
}
