import type { ArtifactStore, StoredArtifact } from './artifact-store';
import { ChunkChannel } from './chunk-channel';

/**
 * Writes one artifact a chunk at a time, for producers that push (a loop filling buffers) rather
 * than pull: `write` waits while the store is behind, so memory stays bounded. Nothing is stored
 * unless `finish` is called; `abort` discards what was written.
 */
export class ArtifactWriter {
  private readonly channel = new ChunkChannel();
  private readonly storing: Promise<StoredArtifact>;

  constructor(store: ArtifactStore) {
    this.storing = store.putStream(this.channel);
    // Surfaced by write/finish; this keeps an early failure from counting as unhandled.
    this.storing.catch(() => undefined);
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (chunk.length === 0) return;
    // Copy: the caller may reuse its buffer as soon as this resolves.
    await Promise.race([this.channel.push(Buffer.from(chunk)), this.storing.then(() => undefined)]);
  }

  async finish(): Promise<StoredArtifact> {
    this.channel.close();
    return this.storing;
  }

  async abort(reason: Error): Promise<void> {
    this.channel.fail(reason);
    await this.storing.catch(() => undefined);
  }
}
