import type { IncomingMessage } from 'node:http';

/** A failure that is HTTP's own (routing, body, JSON), with its status and any headers to send. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** A percent-encoded URL path segment, decoded; 400 naming `what` when it is not valid percent-encoding. */
export function decodeSegment(segment: string, what: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, `the ${what} in the URL is not valid percent-encoding`);
  }
}

/**
 * The request body parsed as JSON, refused with 413 past `limit` bytes (the connection then
 * closed); `limitHint` follows the limit in that message, e.g. the setting that raises it.
 */
export async function readJsonBody(request: IncomingMessage, limit: number, limitHint: string): Promise<unknown> {
  const tooLarge = (bytes: string) => new HttpError(413, `the request body is ${bytes} bytes; the limit is ${limit} ${limitHint}`, { connection: 'close' });
  const declared = Number(request.headers['content-length']);
  if (declared > limit) throw tooLarge(String(declared));
  // Not `for await`: leaving that loop early destroys the socket, and the 413 with it. Past
  // the limit the rest is read and dropped until the reply closes the connection.
  const chunks = await new Promise<Buffer[]>((resolve, reject) => {
    const received: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve(received);
    };
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      bytes += chunk.length;
      if (bytes > limit) settle(tooLarge(`over ${limit}`));
      else received.push(chunk);
    });
    request.once('end', () => settle());
    request.on('error', (error) => settle(error));
    request.once('close', () => settle(new HttpError(400, 'the client closed the request before sending all of its body')));
  });
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, `the request body is not valid JSON: ${(error as Error).message}`);
  }
}
