import type { status } from '@grpc/grpc-js';
import type { PlatformError } from '@aiaas/errors';
import type { GatewayClient, JobEvent__Output, Record as RecordMessage, UploadDatasetHeader, UploadDatasetRequest, Value } from '@aiaas/proto';

/** An upload as a client sends it: the header, then the file in chunks of `chunkSize` bytes. */
export function uploadMessages(file: string | Buffer, name: string, chunkSize = 1_000, header: Partial<UploadDatasetHeader> = {}): UploadDatasetRequest[] {
  const bytes = Buffer.isBuffer(file) ? file : Buffer.from(file);
  const messages: UploadDatasetRequest[] = [{ header: { name, ...header } }];
  for (let offset = 0; offset < bytes.length; offset += chunkSize) messages.push({ chunk: bytes.subarray(offset, offset + chunkSize) });
  return messages;
}

export function toValue(value: string | number | null): Value {
  if (value === null) return { null_value: true };
  return typeof value === 'number' ? { number_value: value } : { string_value: value };
}

export function toRecord(fields: Readonly<Record<string, string | number | null>>): RecordMessage {
  return { fields: Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, toValue(value)])) };
}

/** One Gentoo penguin as raw fields: what the suites ask a penguins model to classify. */
export const GENTOO_FIELDS = { island: 'Biscoe', beak_length_mm: 47.5, beak_depth_mm: 14.2, flipper_length_mm: 217, body_mass_g: 5200, sex: 'MALE' } as const;

/** The gRPC status code a client call failed with. */
export function codeOf(error: unknown): status | undefined {
  return ((error as PlatformError).cause as { code?: status } | undefined)?.code;
}

export async function failure(promise: Promise<unknown>): Promise<PlatformError> {
  try {
    await promise;
  } catch (error) {
    return error as PlatformError;
  }
  throw new Error('expected the call to fail');
}

/** Every event of a job, until it finishes. */
export async function collect(gateway: GatewayClient, jobId: string): Promise<JobEvent__Output[]> {
  const events: JobEvent__Output[] = [];
  for await (const event of gateway.watchJob(jobId)) events.push(event);
  return events;
}

/**
 * A job's events, followed in the background as they happen: `until` waits for the events so
 * far to meet a condition (to act in the middle of a job), `finished` for the job's end.
 */
export class JobFollower {
  /** Every event received so far, in order. */
  readonly events: JobEvent__Output[] = [];
  /** Resolves with every event once the job has finished. */
  readonly finished: Promise<JobEvent__Output[]>;
  private ended = false;
  private wake: () => void = () => undefined;

  constructor(gateway: GatewayClient, readonly jobId: string) {
    this.finished = (async () => {
      try {
        for await (const event of gateway.watchJob(jobId)) {
          this.events.push(event);
          this.wake();
        }
        return this.events;
      } finally {
        this.ended = true;
        this.wake();
      }
    })();
    // `until` reports a failed watch; this keeps it from also being an unhandled rejection.
    this.finished.catch(() => undefined);
  }

  /** Resolves once `condition` holds for the events so far; rejects when the job ends first, or after `timeoutMs`. */
  async until(description: string, condition: (events: readonly JobEvent__Output[]) => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition(this.events)) {
      if (this.ended) {
        await this.finished;
        throw new Error(`job ${this.jobId} finished before ${description}; its last event: ${JSON.stringify(this.events.at(-1))}`);
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${description} within ${timeoutMs} ms; the last event: ${JSON.stringify(this.events.at(-1))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
