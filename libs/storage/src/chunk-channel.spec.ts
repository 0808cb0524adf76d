import { ChunkChannel } from './chunk-channel';

const chunk = (text: string) => Buffer.from(text);

describe('ChunkChannel', () => {
  it('hands chunks over in order and ends when closed', async () => {
    const channel = new ChunkChannel(2);
    const writing = (async () => {
      for (const text of ['a', 'b', 'c', 'd']) await channel.push(chunk(text));
      channel.close();
    })();
    const read: string[] = [];
    for await (const piece of channel) read.push(piece.toString());
    await writing;
    expect(read).toEqual(['a', 'b', 'c', 'd']);
  });

  it('makes the writer wait while the reader is behind', async () => {
    const channel = new ChunkChannel(2);
    await channel.push(chunk('a'));
    let second = false;
    const pushing = channel.push(chunk('b')).then(() => (second = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(second).toBe(false);
    const iterator = channel[Symbol.asyncIterator]();
    await iterator.next();
    await pushing;
    expect(second).toBe(true);
  });

  it('passes a failure to the reader and rejects the writer instead of blocking it', async () => {
    const channel = new ChunkChannel(1);
    const blocked = channel.push(chunk('a'));
    channel.fail(new Error('bad upload'));
    await expect(blocked).rejects.toThrow('bad upload');
    await expect(channel.push(chunk('b'))).rejects.toThrow('bad upload');
    await expect(channel[Symbol.asyncIterator]().next()).rejects.toThrow('bad upload');
  });

  it('rejects the writer once the reader stops early', async () => {
    const channel = new ChunkChannel(1);
    const reading = (async () => {
      for await (const piece of channel) return piece.toString();
      return undefined;
    })();
    await channel.push(chunk('first'));
    await expect(reading).resolves.toBe('first');
    await expect(channel.push(chunk('second'))).rejects.toThrow('the reader stopped before the end of the data');
  });
});
