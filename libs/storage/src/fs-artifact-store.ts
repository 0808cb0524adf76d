import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { NotFoundError, UnavailableError } from '@aiaas/errors';
import { artifactPathOf, refOf, refOfDigest, type ArtifactRef, type ArtifactStore, type ByteRange, type StoredArtifact } from './artifact-store';

/**
 * Artifact store on a local (or mounted) filesystem: `<root>/sha256/<2 hex>/<62 hex>`.
 * Writes go to a temporary file in the same directory tree and are then hard-linked into
 * place, which is atomic and never replaces an existing file.
 */
export class FsArtifactStore implements ArtifactStore {
  constructor(private readonly root: string) {}

  async put(data: Uint8Array | string): Promise<StoredArtifact> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const ref = refOf(bytes);
    const temporary = await this.temporaryPath();
    try {
      await writeFile(temporary, bytes);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw this.writeFailure(error);
    }
    await this.commit(temporary, ref);
    return { ref, sizeBytes: bytes.byteLength };
  }

  async putStream(source: AsyncIterable<Uint8Array>): Promise<StoredArtifact> {
    const temporary = await this.temporaryPath();
    const hash = createHash('sha256');
    const file = createWriteStream(temporary);
    let sizeBytes = 0;
    try {
      for await (const chunk of source) {
        hash.update(chunk);
        sizeBytes += chunk.byteLength;
        if (!file.write(chunk)) await once(file, 'drain');
      }
      file.end();
      await finished(file);
    } catch (error) {
      // Wait for the stream to release the file before removing it, or the unlink can race
      // the still-pending open and leave the temporary file behind.
      file.destroy();
      await finished(file).catch(() => undefined);
      await unlink(temporary).catch(() => undefined);
      throw this.writeFailure(error);
    }
    const ref = refOfDigest(hash);
    await this.commit(temporary, ref);
    return { ref, sizeBytes };
  }

  async get(ref: ArtifactRef): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(ref));
    } catch (error) {
      throw this.missing(ref, error);
    }
  }

  async getStream(ref: ArtifactRef, range?: ByteRange): Promise<AsyncIterable<Buffer>> {
    const path = this.pathOf(ref);
    await access(path).catch((error: unknown) => {
      throw this.missing(ref, error);
    });
    if (range && range.end <= range.start) return Readable.from([]);
    // createReadStream's end is inclusive.
    return createReadStream(path, range ? { start: range.start, end: range.end - 1 } : {});
  }

  async has(ref: ArtifactRef): Promise<boolean> {
    return access(this.pathOf(ref)).then(
      () => true,
      () => false,
    );
  }

  private pathOf(ref: ArtifactRef): string {
    return join(this.root, ...artifactPathOf(ref));
  }

  private async temporaryPath(): Promise<string> {
    const directory = join(this.root, 'tmp');
    await mkdir(directory, { recursive: true });
    return join(directory, randomUUID());
  }

  private async commit(temporary: string, ref: ArtifactRef): Promise<void> {
    const target = this.pathOf(ref);
    await mkdir(dirname(target), { recursive: true });
    try {
      await link(temporary, target);
    } catch (error) {
      // Same name means same bytes: someone stored this artifact already.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(temporary).catch(() => undefined);
    }
  }

  /** A full or read-only disk as UNAVAILABLE, naming it; anything else (the source's own error) as it was. */
  private writeFailure(error: unknown): unknown {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') return new UnavailableError(`the artifact store could not store an artifact: the disk under ${this.root} is full (${code})`, { cause: error });
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new UnavailableError(`the artifact store could not store an artifact: ${this.root} is not writable (${code})`, { cause: error });
    return error;
  }

  private missing(ref: ArtifactRef, error: unknown): Error {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return NotFoundError.of('artifact', ref);
    return error as Error;
  }
}
