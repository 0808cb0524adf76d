/**
 * Structured JSON logging shared by every service.
 *
 * @example
 * ```ts
 * import { createJsonLogger } from '@aiaas/observability';
 * const logger = createJsonLogger({ service: 'gateway', level: 'info' });
 * logger.child({ jobId: 'job_1' }).info('stage started', { stage: 'train' });
 * // {"time":"…","level":"info","service":"gateway","msg":"stage started","jobId":"job_1","stage":"train"}
 * ```
 */
export { createJsonLogger, silentLogger } from './json-logger';
export type { JsonLoggerOptions, LogFields, Logger, LogLevel } from './json-logger';
export { activeTraceFields, contextFromCarrier, failActiveSpan, inSpan, SpanKind, traceCarrier } from './trace-context';
export type { SpanOptions } from './trace-context';
