import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { HTTP_STATUS_OF_KIND, PlatformError, toGrpcStatus } from '@aiaas/errors';
import type { Logger } from '@aiaas/observability';
import { decodeSegment, HttpError, readJsonBody } from '@aiaas/service';
import { inferRequestFromJson, inferResultToJson } from './oip-json';
import { BatchTooLargeError, type OpenInference } from './open-inference';

/** Where and how the OIP HTTP/JSON server listens. */
export interface OipHttpServerOptions {
  /** Interface to bind (the service binds GRPC_HOST's). */
  readonly host: string;
  /** 0 picks a free port; `OipHttpServer.port` tells which. */
  readonly port: number;
  /** The protocol's semantics, shared with the gRPC service. */
  readonly oip: OpenInference;
  /** Largest request body; a larger one is refused with 413 before it is parsed. */
  readonly maxBodyBytes: number;
  /** Logs the bound port, rejections at debug, bugs at error. */
  readonly logger: Logger;
}

function statusOf(error: unknown): number {
  if (error instanceof HttpError) return error.status;
  if (error instanceof BatchTooLargeError) return 413;
  if (error instanceof PlatformError) return HTTP_STATUS_OF_KIND[error.kind];
  return 500;
}

/** What a route answers: a status and a JSON body. */
interface Reply {
  readonly status: number;
  readonly body: unknown;
}

/** A matched route: the methods it takes and what it does. */
interface Route {
  readonly method: 'GET' | 'POST';
  readonly handle: (request: IncomingMessage) => Promise<Reply>;
}

const ok = (body: unknown): Reply => ({ status: 200, body });

/**
 * The Open Inference Protocol v2 in its HTTP/JSON form (KServe/Triton REST), on node:http:
 * `GET /v2/health/live`, `GET /v2/health/ready`, `GET /v2`, `GET /v2/models/{name}[/versions/{v}]`,
 * `GET …/ready` and `POST …/infer`. Errors answer `{"error": "…"}` with 400 for a client's
 * mistake, 404 for an unknown model, version or route, 413 for a body or batch over the
 * limits, 429 for other limits, and 500 (with only a reference; the cause is logged) for bugs.
 * Health answers 200 for true and 400 for false, as the protocol says.
 */
export class OipHttpServer {
  private closing = false;
  private boundPort = 0;
  private readonly server: Server;

  private constructor(private readonly options: OipHttpServerOptions) {
    this.server = createServer((request, response) => {
      this.serve(request, response).catch((error: unknown) => {
        // Only a failure to write the reply gets here; the client has gone or the socket broke.
        this.options.logger.warn('http reply failed', { method: request.method, url: request.url, err: error });
        response.destroy();
      });
    });
  }

  /** The port actually bound. */
  get port(): number {
    return this.boundPort;
  }

  /** Binds and starts serving; logs "oip http listening" with the port. */
  static async start(options: OipHttpServerOptions): Promise<OipHttpServer> {
    const instance = new OipHttpServer(options);
    const { server } = instance;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    instance.boundPort = (server.address() as AddressInfo).port;
    // Tests and operators read the bound port from this line (not "listening": launchers wait for the gRPC one).
    options.logger.info('oip http listening', { host: options.host, port: instance.boundPort });
    return instance;
  }

  /**
   * Stops accepting connections, lets requests in flight finish, and closes what is still
   * open after `graceMs`. Safe to call twice.
   */
  async close(graceMs: number): Promise<'drained' | 'forced'> {
    this.closing = true;
    const drained = new Promise<'drained'>((resolve) => this.server.close(() => resolve('drained')));
    this.server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const forced = new Promise<'forced'>((resolve) => {
      timer = setTimeout(() => resolve('forced'), graceMs);
    });
    const outcome = await Promise.race([drained, forced]);
    clearTimeout(timer);
    if (outcome === 'forced') this.server.closeAllConnections();
    return outcome;
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let reply: Reply;
    let headers: Readonly<Record<string, string>> = {};
    try {
      const route = this.route(request);
      if (route.method !== request.method) {
        throw new HttpError(405, `${request.method ?? '?'} is not allowed here; use ${route.method}`, { allow: route.method });
      }
      reply = await route.handle(request);
    } catch (error) {
      const status = statusOf(error);
      if (error instanceof HttpError) headers = error.headers;
      reply = { status, body: { error: this.messageOf(error, status, request) } };
    }
    this.send(response, reply, headers);
  }

  /** The error's message for the client; a bug's cause stays in the log, under the reference the client sees. */
  private messageOf(error: unknown, status: number, request: IncomingMessage): string {
    if (error instanceof HttpError) {
      this.options.logger.debug('http request rejected', { method: request.method, url: request.url, status, error: error.message });
      return error.message;
    }
    const reference = randomUUID().slice(0, 8);
    const details = toGrpcStatus(error, reference).details ?? `internal error (reference ${reference})`;
    if (status >= 500 && !(error instanceof PlatformError && error.kind !== 'internal')) {
      this.options.logger.error('http request failed', { method: request.method, url: request.url, reference, err: error });
    } else {
      this.options.logger.debug('http request rejected', { method: request.method, url: request.url, status, error: details });
    }
    return details;
  }

  private send(response: ServerResponse, reply: Reply, headers: Readonly<Record<string, string>>): void {
    if (response.headersSent || response.destroyed) return;
    const body = Buffer.from(JSON.stringify(reply.body));
    response.writeHead(reply.status, {
      'content-type': 'application/json',
      'content-length': String(body.length),
      ...(this.closing ? { connection: 'close' } : {}),
      ...headers,
    });
    response.end(body);
  }

  private route(request: IncomingMessage): Route {
    const { oip } = this.options;
    let path: string;
    try {
      path = new URL(request.url ?? '/', 'http://localhost').pathname;
    } catch {
      throw new HttpError(400, 'the request URL is malformed');
    }
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    const parts = path.split('/').slice(1);
    const notFound = () => new HttpError(404, `no such endpoint: ${path}; see /v2/health/live, /v2/health/ready, /v2, /v2/models/{name}[/versions/{version}][/ready|/infer]`);
    if (parts[0] !== 'v2') throw notFound();
    if (parts.length === 1) return { method: 'GET', handle: async () => ok(oip.serverMetadata()) };
    if (parts[1] === 'health' && parts.length === 3) {
      if (parts[2] === 'live') return { method: 'GET', handle: async () => ok({ live: oip.live() }) };
      if (parts[2] === 'ready') {
        return {
          method: 'GET',
          handle: async () => {
            const ready = await oip.ready();
            return { status: ready ? 200 : 400, body: { ready } };
          },
        };
      }
    }
    if (parts[1] !== 'models' || parts.length < 3 || parts[2] === '') throw notFound();
    const name = decodeSegment(parts[2]!, 'model name');
    let rest = parts.slice(3);
    let version = '';
    if (rest[0] === 'versions') {
      if (rest.length < 2 || rest[1] === '') throw notFound();
      version = decodeSegment(rest[1]!, 'model version');
      rest = rest.slice(2);
    }
    if (rest.length === 0) return { method: 'GET', handle: async () => ok(await oip.modelMetadata(name, version)) };
    if (rest.length === 1 && rest[0] === 'ready') {
      return {
        method: 'GET',
        handle: async () => {
          const ready = await oip.modelReady(name, version);
          return { status: ready ? 200 : 400, body: { name, ready } };
        },
      };
    }
    if (rest.length === 1 && rest[0] === 'infer') {
      return {
        method: 'POST',
        handle: async (request) => {
          if (request.headers['inference-header-content-length'] !== undefined) {
            throw new HttpError(400, 'the binary tensor data extension (Inference-Header-Content-Length) is not supported; send the tensors as JSON "data"');
          }
          const body = await readJsonBody(request, this.options.maxBodyBytes, '(INFERENCE_HTTP_MAX_BODY): split the batch');
          return ok(inferResultToJson(await oip.infer(inferRequestFromJson(body, name, version))));
        },
      };
    }
    throw notFound();
  }
}
