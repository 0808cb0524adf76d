import { once } from 'node:events';
import type { ServerResponse } from 'node:http';

/** How often a comment line is sent on an idle stream, so proxies and browsers keep it open. */
const HEARTBEAT_MS = 15_000;

/** One Server-Sent Event; `data` is sent as one line of JSON. */
export interface ServerSentEvent {
  readonly id?: string;
  readonly event?: string;
  readonly data: unknown;
}

/** The wire form of one event (JSON never holds a raw newline, so `data` is one line). */
export function formatServerSentEvent({ id, event, data }: ServerSentEvent): string {
  return `${id === undefined ? '' : `id: ${id}\n`}${event === undefined ? '' : `event: ${event}\n`}data: ${JSON.stringify(data)}\n\n`;
}

/**
 * Writes `events` to `response` as a `text/event-stream`, waiting when the client reads slowly
 * and sending a heartbeat comment while nothing happens. Resolves when the events end or the
 * client goes away; an error thrown by `events` is sent as an `error` event built by `describeError`.
 */
export async function writeServerSentEvents(
  response: ServerResponse,
  events: AsyncIterable<ServerSentEvent>,
  describeError: (error: unknown) => unknown,
): Promise<void> {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // Tells nginx-style proxies not to hold the stream back in a buffer.
    'x-accel-buffering': 'no',
  });
  response.flushHeaders();
  const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const send = async (text: string) => {
    if (response.write(text)) return;
    // Whichever comes first; the other listener is removed, so a slow reader does not pile them up.
    const settled = new AbortController();
    await Promise.race([once(response, 'drain', { signal: settled.signal }), once(response, 'close', { signal: settled.signal })]).finally(() => settled.abort());
  };
  try {
    for await (const event of events) {
      if (response.destroyed) break;
      await send(formatServerSentEvent(event));
    }
  } catch (error) {
    if (!response.destroyed) await send(formatServerSentEvent({ event: 'error', data: describeError(error) }));
  } finally {
    clearInterval(heartbeat);
    response.end();
  }
}
