import { Metadata, type CallOptions, type ClientDuplexStream, type ClientReadableStream, type ClientWritableStream, type ServiceError } from '@grpc/grpc-js';
import { once } from 'node:events';
import { fromGrpcStatus, isServiceError } from '@aiaas/errors';

/** Starts a client-streaming call; the response arrives through the callback. */
export type ClientStreamStarter<Req, Res> = (
  metadata: Metadata,
  options: CallOptions,
  callback: (error: ServiceError | null, response?: Res) => void,
) => ClientWritableStream<Req>;

/**
 * Sends every message of `source` on a client-streaming call, honouring back-pressure, and
 * resolves with the response. Client streams are never retried: their input is consumed.
 * If `source` throws, the call is cancelled and the error is rethrown.
 */
export function invokeClientStream<Req, Res>(
  start: ClientStreamStarter<Req, Res>,
  source: AsyncIterable<Req> | Iterable<Req>,
  deadline: Date,
): Promise<Res> {
  return new Promise<Res>((resolve, reject) => {
    let sourceError: unknown;
    // Set once the server has answered: a server that rejected the input early (a bad line near
    // the start of a large file) must not be fed the rest of it.
    let answered = false;
    const call = start(new Metadata(), { deadline }, (error, response) => {
      answered = true;
      if (sourceError !== undefined) reject(sourceError);
      else if (error) reject(fromGrpcStatus(error));
      else resolve(response as Res);
    });
    void (async () => {
      try {
        for await (const message of source) {
          if (answered) return;
          if (!call.write(message)) await Promise.race([once(call, 'drain'), once(call, 'status')]);
        }
        call.end();
      } catch (error) {
        sourceError = error;
        call.cancel();
      }
    })();
  });
}

/** Yields the messages of a server-streaming call; statuses become platform errors. */
export async function* readServerStream<Res>(call: ClientReadableStream<Res>): AsyncGenerator<Res> {
  try {
    for await (const message of call) yield message as Res;
  } catch (error) {
    throw isServiceError(error) ? fromGrpcStatus(error) : error;
  } finally {
    call.cancel();
  }
}

/**
 * Runs a bidirectional-streaming call: sends every message of `source` (honouring
 * back-pressure, then half-closes) while yielding the server's messages; statuses become
 * platform errors. Stopping the iteration cancels the call. If `source` throws, the call is
 * cancelled and that error, not the cancellation, is what the iteration throws.
 */
export async function* invokeBidiStream<Req, Res>(call: ClientDuplexStream<Req, Res>, source: AsyncIterable<Req> | Iterable<Req>): AsyncGenerator<Res> {
  let sourceError: { readonly error: unknown } | undefined;
  void (async () => {
    try {
      for await (const message of source) {
        if (!call.write(message)) await Promise.race([once(call, 'drain'), once(call, 'status')]);
      }
      call.end();
    } catch (error) {
      sourceError = { error };
      call.cancel();
    }
  })();
  try {
    yield* readServerStream(call);
  } catch (error) {
    throw sourceError ? sourceError.error : error;
  }
}
