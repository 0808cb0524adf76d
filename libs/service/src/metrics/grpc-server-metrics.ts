import { ServerInterceptingCall, status, type ServerInterceptor } from '@grpc/grpc-js';
import { Counter, Histogram, type Registry } from 'prom-client';
import { deadlineOf } from '../current-call';

/** From a millisecond to a minute: unary calls sit low, streams (WatchJob, uploads) high. */
const HANDLING_SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

type CallType = 'unary' | 'client_stream' | 'server_stream' | 'bidi_stream';

function callType(requestStream: boolean, responseStream: boolean): CallType {
  if (requestStream) return responseStream ? 'bidi_stream' : 'client_stream';
  return responseStream ? 'server_stream' : 'unary';
}

/**
 * A server interceptor counting every call and timing it to its status, with the names, labels
 * and code values of go-grpc-prometheus (`grpc_type`, `grpc_service`, `grpc_method`, `grpc_code`
 * such as "InvalidArgument") so existing dashboards and alerts apply. A call the client abandons
 * counts as Canceled, as Go spells it; one whose deadline passed, as DeadlineExceeded.
 */
export function grpcServerMetrics(registry: Registry): ServerInterceptor {
  const labelNames = ['grpc_type', 'grpc_service', 'grpc_method'] as const;
  const started = new Counter({ name: 'grpc_server_started_total', help: 'RPCs started on the server.', labelNames, registers: [registry] });
  const handled = new Counter({
    name: 'grpc_server_handled_total',
    help: 'RPCs completed on the server, whatever their status.',
    labelNames: [...labelNames, 'grpc_code'],
    registers: [registry],
  });
  const handling = new Histogram({
    name: 'grpc_server_handling_seconds',
    help: 'Time from the start of an RPC to its status.',
    labelNames: [...labelNames, 'grpc_code'],
    buckets: HANDLING_SECONDS_BUCKETS,
    registers: [registry],
  });
  // Every call records three series: children are looked up by method and code once, not by
  // hashing the label set on each call (this runs on every request's path).
  const methods = new Map<string, { readonly started: Counter.Internal; readonly byCode: Map<status, { readonly handled: Counter.Internal; readonly handling: Histogram.Internal<string> }> }>();
  const seriesOf = (descriptor: { path: string; requestStream: boolean; responseStream: boolean }) => {
    let series = methods.get(descriptor.path);
    if (!series) {
      const labels = { grpc_type: callType(descriptor.requestStream, descriptor.responseStream), ...pathLabels(descriptor.path) };
      series = { started: started.labels(labels), byCode: new Map() };
      methods.set(descriptor.path, series);
    }
    return series;
  };
  return (descriptor, call) => {
    const series = seriesOf(descriptor);
    const startedAt = process.hrtime.bigint();
    let finished = false;
    const finish = (code: status) => {
      if (finished) return;
      finished = true;
      let byCode = series.byCode.get(code);
      if (!byCode) {
        const labels = { grpc_type: callType(descriptor.requestStream, descriptor.responseStream), ...pathLabels(descriptor.path), grpc_code: codeName(code) };
        byCode = { handled: handled.labels(labels), handling: handling.labels(labels) };
        series.byCode.set(code, byCode);
      }
      byCode.handled.inc();
      byCode.handling.observe(Number(process.hrtime.bigint() - startedAt) / 1e9);
    };
    series.started.inc();
    return new ServerInterceptingCall(call, {
      // grpc-js ends a call whose deadline passed without passing its status through here: the
      // client sees DEADLINE_EXCEEDED, and only a cancellation reaches this interceptor.
      start: (next) => next({ onCancel: () => finish(Date.now() >= (deadlineOf(call) ?? Number.POSITIVE_INFINITY) ? status.DEADLINE_EXCEEDED : status.CANCELLED) }),
      sendStatus: (sent, next) => {
        finish(sent.code);
        next(sent);
      },
    });
  };
}

/** "/aiaas.v1.GatewayService/Predict" as its service and method. */
function pathLabels(path: string): { readonly grpc_service: string; readonly grpc_method: string } {
  const [, service = 'unknown', method = 'unknown'] = path.split('/');
  return { grpc_service: service, grpc_method: method };
}

/** A status as go-grpc-prometheus names it (Go's codes.Code): "InvalidArgument", "OK". */
function codeName(code: status): string {
  const name = status[code];
  if (name === undefined) return String(code);
  if (name === 'OK') return 'OK';
  if (name === 'CANCELLED') return 'Canceled';
  return name.toLowerCase().replace(/(^|_)([a-z])/g, (_, _sep: string, letter: string) => letter.toUpperCase());
}
