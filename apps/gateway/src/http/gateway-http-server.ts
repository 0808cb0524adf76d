import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChannelCredentials } from '@grpc/grpc-js';
import { HTTP_STATUS_OF_KIND, InvalidArgumentError, NotFoundError, PlatformError, ResourceExhaustedError } from '@aiaas/errors';
import type { Logger } from '@aiaas/observability';
import { decodeSegment, HttpError, readJsonBody } from '@aiaas/service';
import { GatewayClient } from '@aiaas/proto';
import type { DashboardAssets } from './dashboard-assets';
import { messageToJson, recordsFromJson, tensorToJson } from './json-form';
import { writeServerSentEvents, type ServerSentEvent } from './server-sent-events';

export interface GatewayHttpServerOptions {
  readonly host: string;
  readonly port: number;
  /** The gateway's own gRPC server, which every HTTP call goes through. */
  readonly grpcAddress: string;
  /** To reach it when it speaks TLS. */
  readonly credentials?: ChannelCredentials;
  readonly maxBodyBytes: number;
  /** The web dashboard, served at /dashboard/; none when it is switched off. */
  readonly dashboard?: DashboardAssets;
  readonly logger: Logger;
}

interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

function keyOf(request: IncomingMessage): string | undefined {
  const authorization = request.headers.authorization;
  const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization.trim()) : null;
  if (match) return match[1];
  const header = request.headers['x-api-key'];
  return typeof header === 'string' ? header : undefined;
}

/** `after` of a job's event stream: the Last-Event-ID a reconnecting browser sends, else `?after=`. */
function afterSequenceOf(request: IncomingMessage, url: URL): number {
  const header = request.headers['last-event-id'];
  const given = typeof header === 'string' ? header : url.searchParams.get('after');
  if (given === null || given === '') return 0;
  if (!/^\d{1,15}$/.test(given)) throw new InvalidArgumentError('after', `must be an event sequence number (0 or more), got "${given.slice(0, 40)}"`);
  return Number(given);
}

/**
 * The public API's main calls as HTTP/JSON, beside gRPC, for callers without a gRPC stack:
 * `GET /v1/health`, `GET /v1/datasets`, `GET /v1/models`, `GET /v1/models/{name}`,
 * `POST /v1/models/{name}/predict`, `GET /v1/jobs`, `GET /v1/jobs/{id}` and
 * `GET /v1/jobs/{id}/events` (Server-Sent Events). Each call goes through the gateway's own gRPC
 * server with the caller's key (`Authorization: Bearer …`), so keys, roles, tenants, limits and
 * validation are exactly the gRPC ones; errors answer `{"error", "field"?}` with the matching
 * HTTP status (401, 403, 404, 429 with Retry-After, …). The web dashboard, a static page that
 * calls these endpoints with the key its user gives it, is served at `/dashboard/`.
 */
export class GatewayHttpServer {
  private readonly server: Server;
  private readonly keys = new AsyncLocalStorage<string | undefined>();
  private readonly gateway: GatewayClient;
  private boundPort = 0;
  private closing = false;
  /** Open event streams, ended at close rather than waited for. */
  private readonly streams = new Set<AbortController>();

  private constructor(private readonly options: GatewayHttpServerOptions) {
    this.gateway = new GatewayClient(options.grpcAddress, {
      apiKey: () => this.keys.getStore(),
      policy: { maxAttempts: 1 },
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
    this.server = createServer((request, response) => {
      void this.keys.run(keyOf(request), () => this.serve(request, response));
    });
  }

  get port(): number {
    return this.boundPort;
  }

  /** Binds; logs "gateway http listening" with the port. */
  static async start(options: GatewayHttpServerOptions): Promise<GatewayHttpServer> {
    const instance = new GatewayHttpServer(options);
    await new Promise<void>((resolve, reject) => {
      instance.server.once('error', reject);
      instance.server.listen(options.port, options.host, () => resolve());
    });
    instance.boundPort = (instance.server.address() as AddressInfo).port;
    // Not "listening": launchers wait for the gRPC server's line.
    options.logger.info('gateway http listening', { host: options.host, port: instance.boundPort });
    return instance;
  }

  async close(graceMs: number): Promise<void> {
    this.closing = true;
    for (const stream of this.streams) stream.abort();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    const timer = setTimeout(() => this.server.closeAllConnections(), graceMs);
    await closed;
    clearTimeout(timer);
    this.gateway.close();
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let reply: Reply | undefined;
    try {
      reply = await this.route(request, response);
    } catch (error) {
      reply = this.errorReply(error, request);
    }
    if (reply === undefined || response.headersSent || response.destroyed) return;
    const body = Buffer.from(JSON.stringify(reply.body));
    response.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': String(body.length), ...(this.closing ? { connection: 'close' } : {}), ...reply.headers });
    response.end(body);
  }

  private errorReply(error: unknown, request: IncomingMessage): Reply {
    if (error instanceof HttpError) return { status: error.status, body: { error: error.message }, headers: error.headers };
    if (error instanceof PlatformError && error.kind !== 'internal') {
      const retryAfterMs = error instanceof ResourceExhaustedError ? error.retryAfterMs : undefined;
      return {
        status: HTTP_STATUS_OF_KIND[error.kind],
        body: { error: error.message, ...(error instanceof InvalidArgumentError ? { field: error.field } : {}) },
        ...(retryAfterMs === undefined ? {} : { headers: { 'retry-after': String(Math.ceil(retryAfterMs / 1000)) } }),
      };
    }
    // The gRPC call already hid a bug behind a reference; anything else is a bug here.
    this.options.logger.error('http request failed', { method: request.method, url: request.url, err: error });
    return { status: 500, body: { error: error instanceof PlatformError ? error.message : 'internal error' } };
  }

  /** Answers the request: a JSON reply to send, or `undefined` when it was answered already (an asset, an event stream). */
  private async route(request: IncomingMessage, response: ServerResponse): Promise<Reply | undefined> {
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://localhost');
    } catch {
      throw new HttpError(400, 'the request URL is malformed');
    }
    const path = url.pathname.replace(/\/+$/, '');
    const parts = path.split('/').slice(1).map((part) => decodeSegment(part, `segment "${part}"`));
    // HEAD is served as GET (without the body) except where a GET does work, like a stream.
    const method = (expected: 'GET' | 'POST', headToo = expected === 'GET') => {
      if (request.method !== expected && !(headToo && request.method === 'HEAD')) {
        throw new HttpError(405, `${request.method ?? '?'} is not allowed on ${path || '/'}; use ${expected}`);
      }
    };
    const ok = (body: unknown): Reply => ({ status: 200, body });
    const { dashboard } = this.options;
    if (dashboard && (path === '' || parts[0] === 'dashboard')) {
      method('GET');
      if (!dashboard.built) throw new HttpError(404, 'the dashboard is not built; run `npm run build`');
      if (path === '') return { status: 302, body: { location: '/dashboard/' }, headers: { location: '/dashboard/' } };
      if (parts.length <= 2 && dashboard.serve(parts[1] ?? '', request, response)) return undefined;
      throw new NotFoundError(`the dashboard has no file ${path}`);
    }
    if (parts[0] === 'v1' && parts[1] === 'health' && parts.length === 2) {
      method('GET');
      return ok({ status: this.closing ? 'NOT_SERVING' : 'SERVING' });
    }
    if (parts[0] === 'v1' && parts[1] === 'models' && parts.length === 2) {
      method('GET');
      return ok({ models: messageToJson(await this.gateway.listModels()) });
    }
    if (parts[0] === 'v1' && parts[1] === 'models' && parts.length === 3) {
      method('GET');
      return ok(messageToJson(await this.gateway.getModel(parts[2]!)));
    }
    if (parts[0] === 'v1' && parts[1] === 'models' && parts.length === 4 && parts[3] === 'predict') {
      method('POST');
      return ok(await this.predict(parts[2]!, await this.jsonBody(request)));
    }
    if (parts[0] === 'v1' && parts[1] === 'datasets' && parts.length === 2) {
      method('GET');
      return ok({ datasets: messageToJson(await this.gateway.listDatasets()) });
    }
    if (parts[0] === 'v1' && parts[1] === 'jobs' && parts.length === 2) {
      method('GET');
      return ok({ jobs: messageToJson(await this.gateway.listJobs()) });
    }
    if (parts[0] === 'v1' && parts[1] === 'jobs' && parts.length === 3) {
      method('GET');
      return ok(messageToJson(await this.gateway.getJob(parts[2]!)));
    }
    if (parts[0] === 'v1' && parts[1] === 'jobs' && parts.length === 4 && parts[3] === 'events') {
      method('GET', false);
      await this.streamJobEvents(parts[2]!, afterSequenceOf(request, url), response);
      return undefined;
    }
    throw new NotFoundError(`no such endpoint: ${path}; see /v1/health, /v1/datasets, /v1/models[/{name}[/predict]], /v1/jobs[/{id}[/events]]`);
  }

  /**
   * A job's events as Server-Sent Events, `id` being each event's sequence so a reconnecting
   * EventSource resumes where it left off; the stream ends after the job's JobFinished event.
   */
  private async streamJobEvents(jobId: string, afterSequence: number, response: ServerResponse): Promise<void> {
    const abort = new AbortController();
    response.once('close', () => abort.abort());
    // Asked first so a missing job, a wrong key or another tenant's job gets its HTTP status,
    // which a stream already begun could no longer carry.
    await this.gateway.getJob(jobId);
    if (abort.signal.aborted || this.closing) return;
    this.streams.add(abort);
    const events = this.gateway.watchJob(jobId, afterSequence, abort.signal);
    async function* asServerSentEvents(): AsyncGenerator<ServerSentEvent> {
      for await (const event of events) yield { id: String(event.sequence), data: messageToJson(event) };
    }
    try {
      await writeServerSentEvents(response, asServerSentEvents(), (error) => this.errorReply(error, response.req).body);
    } finally {
      this.streams.delete(abort);
      // At shutdown the stream's keep-alive socket is idle only now, after closeIdleConnections ran.
      if (this.closing) {
        const closeIdle = () => setImmediate(() => this.server.closeIdleConnections());
        if (response.writableFinished) closeIdle();
        else response.once('finish', closeIdle);
      }
    }
  }

  private async predict(modelName: string, body: Record<string, unknown>): Promise<unknown> {
    const { version, alias } = body;
    if (version !== undefined && !(Number.isInteger(version) && (version as number) > 0)) throw new InvalidArgumentError('version', 'must be a version number (1 or more)');
    if (alias !== undefined && typeof alias !== 'string') throw new InvalidArgumentError('alias', 'must be a string');
    const answer = await this.gateway.predict({
      model_name: modelName,
      records: { records: recordsFromJson(body['records']) },
      ...(version !== undefined ? { version: version as number } : alias !== undefined ? { alias: alias as string } : {}),
    });
    return {
      model_name: answer.model_name,
      version: answer.version,
      class_labels: answer.class_labels,
      probabilities: tensorToJson(answer.probabilities),
      predicted_labels: answer.predicted_labels,
      values: tensorToJson(answer.values),
      decoded_texts: answer.decoded_texts,
    };
  }

  private async jsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
    const body = await readJsonBody(request, this.options.maxBodyBytes, '(GATEWAY_HTTP_MAX_BODY)');
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'the body must be a JSON object');
    return body as Record<string, unknown>;
  }
}
