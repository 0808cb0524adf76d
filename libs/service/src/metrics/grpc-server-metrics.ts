import { ServerInterceptingCall, status, type ServerInterceptor } from '@grpc/grpc-js';
import { Counter, Histogram, type Registry } from 'prom-client';

/** From a millisecond to a minute: unary calls sit low, streams (WatchJob, uploads) high. */
const HANDLING_SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

type CallType = 'unary' | 'client_stream' | 'server_stream' | 'bidi_stream';

function callType(requestStream: boolean, responseStream: boolean): CallType {
  if (requestStream) return responseStream ? 'bidi_stream' : 'client_stream';
  return responseStream ? 'server_stream' : 'unary';
}

/**
 * A server interceptor counting every call and timing it to its status, with the labels of
 * go-grpc-prometheus (`grpc_type`, `grpc_service`, `grpc_method`, `grpc_code`) so existing
 * dashboards and alerts apply. A call the client abandons counts as CANCELLED.
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
  return (descriptor, call) => {
    const labels = { grpc_type: callType(descriptor.requestStream, descriptor.responseStream), ...pathLabels(descriptor.path) };
    const startedAt = process.hrtime.bigint();
    let finished = false;
    const finish = (code: status) => {
      if (finished) return;
      finished = true;
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      const withCode = { ...labels, grpc_code: status[code] ?? String(code) };
      handled.inc(withCode);
      handling.observe(withCode, seconds);
    };
    started.inc(labels);
    return new ServerInterceptingCall(call, {
      start: (next) => next({ onCancel: () => finish(status.CANCELLED) }),
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
