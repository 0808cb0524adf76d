import { ServerSentEventParser } from './sse';

describe('ServerSentEventParser', () => {
  it('parses events split anywhere between chunks, with any line ending', () => {
    const stream = 'id: 1\ndata: {"a":1}\n\n: keep-alive\n\nid: 2\r\nevent: error\r\ndata: first\r\ndata:second\r\n\r\ndata: no id\r\n\n';
    const whole = new ServerSentEventParser().push(stream);
    expect(whole).toEqual([
      { id: '1', event: 'message', data: '{"a":1}' },
      { id: '2', event: 'error', data: 'first\nsecond' },
      // The last id stays in force, as in a browser's EventSource.
      { id: '2', event: 'message', data: 'no id' },
    ]);
    for (let size = 1; size <= 7; size += 1) {
      const parser = new ServerSentEventParser();
      const events = [];
      for (let offset = 0; offset < stream.length; offset += size) events.push(...parser.push(stream.slice(offset, offset + size)));
      expect(events).toEqual(whole);
    }
  });

  it('dispatches nothing for an event without data or before its blank line', () => {
    const parser = new ServerSentEventParser();
    expect(parser.push('event: ping\n\nid: 4\ndata: pending')).toEqual([]);
    expect(parser.push('\n\n')).toEqual([{ id: '4', event: 'message', data: 'pending' }]);
  });
});
