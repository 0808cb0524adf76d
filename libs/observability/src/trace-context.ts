import { context, isSpanContextValid, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Context } from '@opentelemetry/api';

/** The platform's tracer, looked up once: it follows the global provider once tracing starts. */
export const platformTracer = trace.getTracer('aiaas');

/**
 * The active trace context as W3C `traceparent` (and `tracestate`) entries, to carry it across a
 * boundary the tracing libraries do not see, such as a queued job's data. Empty when no
 * propagator is registered (a process that does not trace).
 */
export function traceCarrier(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The context a carrier holds, on top of the active one; the active one when it holds none. */
export function contextFromCarrier(carrier: Readonly<Record<string, unknown>> | undefined): Context {
  if (!carrier) return context.active();
  const entries = Object.fromEntries(Object.entries(carrier).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return propagation.extract(context.active(), entries);
}

export interface SpanOptions {
  readonly kind?: SpanKind;
  /** Where the span's parent comes from: a carrier from another process; the active span when unset. */
  readonly parent?: Context;
  readonly attributes?: Attributes;
  /** Errors that are how `work` says something other than failure (a job suspending itself): the span ends OK. */
  readonly expected?: (error: unknown) => boolean;
}

/**
 * Runs `work` in a new span, active for everything it does (so log lines and calls it makes
 * carry the trace), ending it with an error status when `work` throws.
 */
export async function inSpan<T>(name: string, options: SpanOptions, work: () => Promise<T>): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = platformTracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, ...(options.attributes ? { attributes: options.attributes } : {}) }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } catch (error) {
    if (!options.expected?.(error)) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    }
    throw error;
  } finally {
    span.end();
  }
}

/** Marks the active span failed, for work that reports a failure without throwing it (a status sent on a stream). */
export function failActiveSpan(message: string): void {
  trace.getActiveSpan()?.setStatus({ code: SpanStatusCode.ERROR, message });
}

/** `traceId` and `spanId` of the active span, for log lines; empty outside a trace. */
export function activeTraceFields(): Record<string, string> {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? { traceId: spanContext.traceId, spanId: spanContext.spanId } : {};
}

export { SpanKind };
