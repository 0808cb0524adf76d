import type {
  Metadata,
  handleBidiStreamingCall,
  handleClientStreamingCall,
  handleServerStreamingCall,
  handleUnaryCall,
  sendUnaryData,
  ServerDuplexStream,
  ServerReadableStream,
  ServerUnaryCall,
  ServerWritableStream,
  StatusObject,
} from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import { toGrpcStatus } from '@aiaas/errors';
import { context, propagation, type Attributes, type TextMapGetter } from '@opentelemetry/api';
import { failActiveSpan, inSpan, SpanKind, type Logger } from '@aiaas/observability';
import { serving } from './current-call';
import { checkDecoded, decodedOnly } from './undecodable-request';

/** Statuses that mark a server span as failed; as OpenTelemetry's gRPC conventions have it, a client's mistake is not the server's error. */
const SERVER_ERROR_CODES: ReadonlySet<status> = new Set([status.UNKNOWN, status.DEADLINE_EXCEEDED, status.UNIMPLEMENTED, status.INTERNAL, status.UNAVAILABLE, status.DATA_LOSS]);

/**
 * Turns any error thrown by a handler into the status to send, logging the cause of INTERNAL
 * errors under the reference the client sees. Called inside the call's span, so the log line
 * carries its trace and the span its outcome.
 */
function statusFor(error: unknown, logger: Logger, method: string): Partial<StatusObject> {
  const reference = randomUUID().slice(0, 8);
  const mapped = toGrpcStatus(error, reference);
  const code = mapped.code ?? status.UNKNOWN;
  if (code === status.INTERNAL) logger.error('request failed', { method, reference, err: error });
  else logger.debug('request rejected', { method, code: status[code], details: mapped.details });
  if (SERVER_ERROR_CODES.has(code)) failActiveSpan(`${status[code]}: ${mapped.details ?? ''}`);
  return mapped;
}

/**
 * Runs before every handler with the method's name and the call's metadata (e.g. to
 * authenticate the caller); throwing ends the call with the error's status, unhandled.
 */
export type CallGuard = (method: string, metadata: Metadata) => Promise<void>;

/** Reads the trace (`traceparent`, `tracestate`) straight from a call's metadata. */
const METADATA_GETTER: TextMapGetter<Metadata> = {
  get: (metadata, key) => {
    const values = metadata.get(key);
    return values.length === 0 ? undefined : values.map(String);
  },
  keys: (metadata) => Object.keys(metadata.getMap()),
};

/** Span name and attributes of each method, worked out once per path rather than on every call. */
const spanShapes = new Map<string, { readonly name: string; readonly attributes: Attributes }>();
function spanShapeOf(path: string): { readonly name: string; readonly attributes: Attributes } {
  let shape = spanShapes.get(path);
  if (!shape) {
    const [, service = '', method = ''] = path.split('/');
    shape = { name: path.slice(1), attributes: { 'rpc.system': 'grpc', 'rpc.service': service, 'rpc.method': method } };
    spanShapes.set(path, shape);
  }
  return shape;
}

/**
 * Runs a handler as serving `call`: its deadline known downstream, and a server span, child of
 * the caller's trace, active for everything it does.
 */
function served<T>(call: { getDeadline(): Date | number; getPath(): string; metadata: Metadata }, work: () => Promise<T>): Promise<T> {
  const { name, attributes } = spanShapeOf(call.getPath());
  return serving(call, () => inSpan(name, { kind: SpanKind.SERVER, parent: propagation.extract(context.active(), call.metadata, METADATA_GETTER), attributes }, work));
}

/** Builds handlers whose errors are always mapped to statuses, never thrown into grpc-js. */
export class HandlerFactory {
  constructor(
    private readonly logger: Logger,
    private readonly guard: CallGuard = async () => undefined,
  ) {}

  /** A unary handler from an async function. */
  unary<Req, Res>(method: string, handle: (request: Req, call: ServerUnaryCall<Req, Res>) => Promise<Res>): handleUnaryCall<Req, Res> {
    return (call, callback: sendUnaryData<Res>) => {
      void served(call, () =>
        this.guard(method, call.metadata)
          .then(() => handle(checkDecoded(call.request), call))
          .then(
            (response) => callback(null, response),
            (error: unknown) => callback(statusFor(error, this.logger, method)),
          ),
      );
    };
  }

  /** A client-streaming handler that consumes the request messages as an async iterable. */
  clientStream<Req, Res>(
    method: string,
    handle: (messages: AsyncIterable<Req>, call: ServerReadableStream<Req, Res>) => Promise<Res>,
  ): handleClientStreamingCall<Req, Res> {
    return (call, callback: sendUnaryData<Res>) => {
      void served(call, () =>
        this.guard(method, call.metadata)
          .then(() => handle(decodedOnly(call as AsyncIterable<Req>), call))
          .then(
            (response) => callback(null, response),
            (error: unknown) => {
              // Stop reading what the client still sends; it will get the status.
              call.destroy();
              callback(statusFor(error, this.logger, method));
            },
          ),
      );
    };
  }

  /**
   * A bidirectional-streaming handler: consumes the request messages as an async iterable and
   * writes every message the returned async iterable yields, honouring back-pressure; an error
   * ends the call with its status.
   */
  bidiStream<Req, Res>(method: string, handle: (messages: AsyncIterable<Req>, call: ServerDuplexStream<Req, Res>) => AsyncIterable<Res>): handleBidiStreamingCall<Req, Res> {
    return (call) => {
      void served(call, async () => {
        try {
          await this.guard(method, call.metadata);
          // Not `call` itself: iterating a Node stream to its end destroys it, and a destroyed
          // call can no longer write its answers or its status.
          const messages = decodedOnly(call.iterator({ destroyOnReturn: false }) as AsyncIterable<Req>);
          for await (const message of handle(messages, call)) {
            if (call.cancelled) return;
            if (!call.write(message)) await new Promise((resolve) => call.once('drain', resolve));
          }
          call.end();
        } catch (error) {
          if (!call.cancelled) call.emit('error', statusFor(error, this.logger, method));
        }
      });
    };
  }

  /** A server-streaming handler that writes every message its async iterable yields. */
  serverStream<Req, Res>(
    method: string,
    produce: (request: Req, call: ServerWritableStream<Req, Res>) => AsyncIterable<Res>,
  ): handleServerStreamingCall<Req, Res> {
    return (call) => {
      void served(call, async () => {
        try {
          await this.guard(method, call.metadata);
          for await (const message of produce(checkDecoded(call.request), call)) {
            if (call.cancelled) return;
            if (!call.write(message)) await new Promise((resolve) => call.once('drain', resolve));
          }
          call.end();
        } catch (error) {
          if (!call.cancelled) call.emit('error', statusFor(error, this.logger, method));
        }
      });
    };
  }
}
