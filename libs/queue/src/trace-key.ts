import type { Job } from 'bullmq';
import { contextFromCarrier, inSpan, SpanKind } from '@aiaas/observability';
import type { Attributes } from '@opentelemetry/api';
/**
 * Data key of a job's W3C trace context (`traceparent`), set by whoever queues it. Payload
 * schemas strip unknown keys, so it never reaches a processor's payload.
 */
export const TRACE_KEY = '__trace';

/** The trace carrier a job's data holds, if any. */
function traceCarrierOf(data: unknown): Readonly<Record<string, unknown>> | undefined {
  const carrier = (data as Record<string, unknown> | null)?.[TRACE_KEY];
  return typeof carrier === 'object' && carrier !== null ? (carrier as Record<string, unknown>) : undefined;
}

/**
 * Runs one attempt at a queued job as a span of the trace its data carries (the call that
 * started the pipeline, or the stage that fanned the task out), active while it runs.
 * `expected` names the errors that are how the attempt suspends itself, not failures.
 */
export function inAttemptSpan<T>(name: string, job: Job, attributes: Attributes, expected: (error: unknown) => boolean, work: () => Promise<T>): Promise<T> {
  return inSpan(name, { kind: SpanKind.CONSUMER, parent: contextFromCarrier(traceCarrierOf(job.data)), attributes: { ...attributes, 'aiaas.attempt': job.attemptsMade + 1 }, expected }, work);
}
