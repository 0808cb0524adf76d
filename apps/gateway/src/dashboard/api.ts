import type { Dataset, Job, JobEvent, Model } from './api-types.js';
import { ServerSentEventParser } from './sse.js';

/** A call the gateway refused, with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** When the gateway said to come back (429's Retry-After), in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** Whether asking again later may succeed: over a limit, or a gateway fault rather than a refusal. */
  get retriable(): boolean {
    return this.status === 408 || this.status === 429 || this.status === 0 || this.status >= 500;
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as { error?: unknown };
  const message = typeof body.error === 'string' ? body.error : `${response.status} ${response.statusText}`;
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiError(response.status, message, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined);
}

/** The gateway's HTTP/JSON API, called with the key the user signed in with. */
export class GatewayApi {
  constructor(private readonly apiKey: () => string | undefined) {}

  async datasets(): Promise<readonly Dataset[]> {
    return (await this.get<{ datasets: Dataset[] }>('/v1/datasets')).datasets;
  }

  async jobs(): Promise<readonly Job[]> {
    return (await this.get<{ jobs: Job[] }>('/v1/jobs')).jobs;
  }

  job(jobId: string): Promise<Job> {
    return this.get(`/v1/jobs/${encodeURIComponent(jobId)}`);
  }

  async models(): Promise<readonly Model[]> {
    return (await this.get<{ models: Model[] }>('/v1/models')).models;
  }

  model(name: string): Promise<Model> {
    return this.get(`/v1/models/${encodeURIComponent(name)}`);
  }

  /**
   * The job's events after `afterSequence`, as the gateway streams them; ends after the job's
   * JobFinished event, or early when the connection drops (resume from the last sequence seen).
   */
  async *jobEvents(jobId: string, afterSequence: number, signal: AbortSignal): AsyncGenerator<JobEvent> {
    const response = await fetch(`/v1/jobs/${encodeURIComponent(jobId)}/events?after=${afterSequence}`, { headers: this.headers({ accept: 'text/event-stream' }), signal });
    if (!response.ok || !response.body) throw await errorOf(response);
    const parser = new ServerSentEventParser();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        for (const event of parser.push(value)) {
          const data = JSON.parse(event.data) as unknown;
          if (event.event === 'error') throw new ApiError(0, (data as { error?: string }).error ?? 'the event stream failed');
          yield data as JobEvent;
        }
      }
    } finally {
      // Ends the request when the caller stops early (a view closed); harmless once the stream is done.
      await reader.cancel().catch(() => undefined);
    }
  }

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(path, { headers: this.headers({ accept: 'application/json' }) });
    if (!response.ok) throw await errorOf(response);
    return (await response.json()) as T;
  }

  private headers(base: Record<string, string>): Record<string, string> {
    const key = this.apiKey();
    return key ? { ...base, authorization: `Bearer ${key}` } : base;
  }
}
