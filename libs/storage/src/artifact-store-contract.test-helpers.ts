import { createHash } from 'node:crypto';
import { NotFoundError } from '@aiaas/errors';
import { getJson, putJson, type ArtifactStore } from './artifact-store';

/** A store under test, and a way to see what a failed or finished write left behind. */
export interface StoreUnderTest {
  readonly store: ArtifactStore;
  /** Temporary objects or files still present (none may outlive a write). */
  leftovers(): Promise<string[]>;
  close(): Promise<void>;
}

const sha256 = (bytes: string | Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}` as const;

/** What every ArtifactStore must do, run against one implementation. */
export function describeArtifactStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`${name} (the ArtifactStore contract)`, () => {
    let subject: StoreUnderTest;
    let store: ArtifactStore;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });

    afterEach(async () => {
      await subject.close();
    });

    it('addresses artifacts by the SHA-256 of their bytes', async () => {
      const stored = await store.put('hello');
      expect(stored).toEqual({ ref: sha256('hello'), sizeBytes: 5 });
      await expect(store.get(stored.ref)).resolves.toEqual(Buffer.from('hello'));
      await expect(store.has(stored.ref)).resolves.toBe(true);
    });

    it('stores the same bytes once, however often they are written, and leaves nothing temporary', async () => {
      const first = await store.put(Buffer.from([1, 2, 3]));
      const second = await store.put(Buffer.from([1, 2, 3]));
      async function* again() {
        yield Buffer.from([1, 2]);
        yield Buffer.from([3]);
      }
      const streamed = await store.putStream(again());
      expect([second.ref, streamed.ref]).toEqual([first.ref, first.ref]);
      expect(await subject.leftovers()).toEqual([]);
    });

    it('streams a large input in and back out', async () => {
      // More than one multipart part for stores that upload in parts.
      async function* chunks() {
        for (let i = 0; i < 20; i++) yield Buffer.alloc(512 * 1024, i);
      }
      const stored = await store.putStream(chunks());
      expect(stored.sizeBytes).toBe(20 * 512 * 1024);
      const hash = createHash('sha256');
      let read = 0;
      for await (const chunk of await store.getStream(stored.ref)) {
        hash.update(chunk);
        read += chunk.length;
      }
      expect([read, `sha256:${hash.digest('hex')}`]).toEqual([stored.sizeBytes, stored.ref]);
      expect(await subject.leftovers()).toEqual([]);
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
      // Past the end, and on an empty artifact: no bytes, not an error.
      expect(await read(10, 20)).toBe('');
      const empty = await store.put('');
      const chunks: Buffer[] = [];
      for await (const chunk of await store.getStream(empty.ref, { start: 0, end: 5 })) chunks.push(chunk);
      expect(Buffer.concat(chunks).length).toBe(0);
    });

    it.each([
      ['a few bytes', 1],
      // Past one multipart part, for stores that upload in parts.
      ['several megabytes', 12],
    ])('stores nothing when the source fails after %s, says why, and closes the source', async (_what, mebibytes) => {
      let closed = false;
      async function* failing() {
        try {
          for (let i = 0; i < mebibytes; i++) yield Buffer.alloc(1024 * 1024, i);
          throw new Error('client went away');
        } finally {
          closed = true;
        }
      }
      await expect(store.putStream(failing())).rejects.toThrow('client went away');
      expect(closed).toBe(true);
      expect(await subject.leftovers()).toEqual([]);
    });

    it('reports a missing artifact as NotFoundError', async () => {
      const ref = `sha256:${'0'.repeat(64)}` as const;
      await expect(store.get(ref)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.getStream(ref)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.getStream(ref, { start: 0, end: 0 })).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.has(ref)).resolves.toBe(false);
    });

    it('round-trips JSON through a validating parser', async () => {
      const { ref } = await putJson(store, { classes: ['a', 'b'] });
      await expect(getJson(store, ref, (value) => (value as { classes: string[] }).classes)).resolves.toEqual(['a', 'b']);
    });
  });
}
