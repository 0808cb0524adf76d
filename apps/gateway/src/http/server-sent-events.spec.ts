import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatServerSentEvent, writeServerSentEvents, type ServerSentEvent } from './server-sent-events';

describe('Server-Sent Events', () => {
  it('formats an event as id, event and one line of JSON data', () => {
    expect(formatServerSentEvent({ id: '7', data: { text: 'two\nlines' } })).toBe('id: 7\ndata: {"text":"two\\nlines"}\n\n');
    expect(formatServerSentEvent({ event: 'error', data: { error: 'gone' } })).toBe('event: error\ndata: {"error":"gone"}\n\n');
  });

  describe('over HTTP', () => {
    let server: Server;
    let base: string;
    let source: () => AsyncIterable<ServerSentEvent>;

    beforeAll(async () => {
      server = createServer((_request, response) => void writeServerSentEvents(response, source(), (error) => ({ error: (error as Error).message })));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    it('streams every event, then ends the response', async () => {
      source = async function* () {
        for (let id = 1; id <= 3; id += 1) yield { id: String(id), data: { id } };
      };
      const response = await fetch(base);
      expect([response.status, response.headers.get('content-type'), response.headers.get('cache-control')]).toEqual([200, 'text/event-stream; charset=utf-8', 'no-store']);
      expect(await response.text()).toBe('id: 1\ndata: {"id":1}\n\nid: 2\ndata: {"id":2}\n\nid: 3\ndata: {"id":3}\n\n');
    });

    it('sends a failure of the source as an error event, after what came before it', async () => {
      source = async function* () {
        yield { id: '1', data: 'first' };
        throw new Error('the job store went away');
      };
      expect(await (await fetch(base)).text()).toBe('id: 1\ndata: "first"\n\nevent: error\ndata: {"error":"the job store went away"}\n\n');
    });

    it('stops reading the source when the client goes away', async () => {
      let stopped!: () => void;
      const sourceStopped = new Promise<void>((resolve) => (stopped = resolve));
      source = async function* () {
        try {
          for (let id = 1; ; id += 1) {
            yield { id: String(id), data: id };
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        } finally {
          stopped();
        }
      };
      const abort = new AbortController();
      const response = await fetch(base, { signal: abort.signal });
      const reader = response.body!.getReader();
      await reader.read();
      abort.abort();
      await expect(sourceStopped).resolves.toBeUndefined();
    });
  });
});
