import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArtifactWriter } from './artifact-writer';
import { FsArtifactStore } from './fs-artifact-store';

describe('ArtifactWriter', () => {
  let root: string;
  let store: FsArtifactStore;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'aiaas-writer-'));
    store = new FsArtifactStore(root);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores what was written, chunk by chunk, even when the caller reuses its buffer', async () => {
    const writer = new ArtifactWriter(store);
    const buffer = Buffer.alloc(4);
    for (let index = 0; index < 100; index++) {
      buffer.writeUInt32LE(index);
      await writer.write(buffer);
    }
    const stored = await writer.finish();
    const bytes = await store.get(stored.ref);
    expect(bytes.length).toBe(400);
    expect(bytes.readUInt32LE(4 * 99)).toBe(99);
  });

  it('stores nothing when aborted', async () => {
    const writer = new ArtifactWriter(store);
    await writer.write(Buffer.from('partial'));
    await writer.abort(new Error('stop'));
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    await expect(store.has(`sha256:${'0'.repeat(64)}`)).resolves.toBe(false);
  });
});
