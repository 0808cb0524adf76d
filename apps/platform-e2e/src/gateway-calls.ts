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

export function toRecord(fields: Record<string, string | number | null>): RecordMessage {
  return { fields: Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, toValue(value)])) };
}

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
