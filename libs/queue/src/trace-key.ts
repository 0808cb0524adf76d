/**
 * Data key of a job's W3C trace context (`traceparent`), set by whoever queues it. Payload
 * schemas strip unknown keys, so it never reaches a processor's payload.
 */
export const TRACE_KEY = '__trace';

/** The trace carrier a job's data holds, if any. */
export function traceCarrierOf(data: unknown): Readonly<Record<string, unknown>> | undefined {
  const carrier = (data as Record<string, unknown> | null)?.[TRACE_KEY];
  return typeof carrier === 'object' && carrier !== null ? (carrier as Record<string, unknown>) : undefined;
}
