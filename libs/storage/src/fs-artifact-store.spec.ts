import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotFoundError } from '@aiaas/errors';
import { getJson, putJson } from './artifact-store';
import { FsArtifactStore } from './fs-artifact-store';

describe('FsArtifactStore', () => {
  let root: string;
  let store: FsArtifactStore;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'aiaas-artifacts-'));
    store = new FsArtifactStore(root);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('addresses artifacts by the SHA-256 of their bytes', async () => {
    const stored = await store.put('hello');
    expect(stored).toEqual({ ref: `sha256:${createHash('sha256').update('hello').digest('hex')}`, sizeBytes: 5 });
    await expect(store.get(stored.ref)).resolves.toEqual(Buffer.from('hello'));
  });

  it('stores the same bytes once, however often they are written', async () => {
    const first = await store.put(Buffer.from([1, 2, 3]));
    const second = await store.put(Buffer.from([1, 2, 3]));
    expect(second.ref).toBe(first.ref);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  it('streams a large input to disk and back', async () => {
    async function* chunks() {
      for (let i = 0; i < 64; i++) yield Buffer.alloc(64 * 1024, i);
    }
    const stored = await store.putStream(chunks());
    expect(stored.sizeBytes).toBe(64 * 64 * 1024);
    let read = 0;
    for await (const chunk of await store.getStream(stored.ref)) read += chunk.length;
    expect(read).toBe(stored.sizeBytes);
  });

  it('streams just the bytes of a range', async () => {
    const stored = await store.put('0123456789');
    const read = async (start: number, end: number) => {
      const chunks: Buffer[] = [];
      for await (const chunk of await store.getStream(stored.ref, { start, end })) chunks.push(chunk);
      return Buffer.concat(chunks).toString();
    };
    expect(await read(2, 5)).toBe('234');
    expect(await read(7, 10)).toBe('789');
    expect(await read(4, 4)).toBe('');
  });

  it('stores nothing when the source fails part way', async () => {
    async function* failing() {
      yield Buffer.from('partial');
      throw new Error('client went away');
    }
    await expect(store.putStream(failing())).rejects.toThrow('client went away');
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    await expect(store.has(`sha256:${createHash('sha256').update('partial').digest('hex')}`)).resolves.toBe(false);
  });

  it('reports a missing artifact as NotFoundError', async () => {
    const ref = `sha256:${'0'.repeat(64)}` as const;
    await expect(store.get(ref)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.getStream(ref)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('round-trips JSON through a validating parser', async () => {
    const { ref } = await putJson(store, { classes: ['a', 'b'] });
    await expect(getJson(store, ref, (value) => (value as { classes: string[] }).classes)).resolves.toEqual(['a', 'b']);
  });
});
