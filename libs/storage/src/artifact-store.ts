import { createHash, type Hash } from 'node:crypto';
import { InvalidArgumentError } from '@aiaas/errors';
import { z } from 'zod';

/**
 * Reference to a stored artifact: `sha256:` and the hex digest of its bytes. Artifacts are
 * content-addressed, so a reference always means the same bytes and writing the same bytes
 * twice (a retried job) is harmless.
 */
export type ArtifactRef = `sha256:${string}`;

/** Bytes [start, end) of an artifact. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/** What a write stored. */
export interface StoredArtifact {
  readonly ref: ArtifactRef;
  readonly sizeBytes: number;
}

/**
 * Immutable, content-addressed blob storage for datasets, fitted transforms, processed splits
 * and model weights. Implementations write atomically: a reader never sees a partial artifact.
 */
export interface ArtifactStore {
  /** Stores bytes (strings as UTF-8). */
  put(data: Uint8Array | string): Promise<StoredArtifact>;
  /**
   * Stores everything `source` yields without holding it in memory. If `source` throws,
   * nothing is stored and the error is rethrown.
   */
  putStream(source: AsyncIterable<Uint8Array>): Promise<StoredArtifact>;
  /** The artifact's bytes; NotFoundError when there is none. */
  get(ref: ArtifactRef): Promise<Buffer>;
  /**
   * The artifact's bytes as a stream, or only the bytes of `range`; NotFoundError when there
   * is none.
   */
  getStream(ref: ArtifactRef, range?: ByteRange): Promise<AsyncIterable<Buffer>>;
  has(ref: ArtifactRef): Promise<boolean>;
}

const REF_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** Checks that a string read from elsewhere (a queue payload, Redis) is a well-formed reference. */
export function isArtifactRef(value: string): value is ArtifactRef {
  return REF_PATTERN.test(value);
}

/** The reference of `bytes`: what every store files them under. */
export function refOf(bytes: Uint8Array): ArtifactRef {
  return refOfDigest(createHash('sha256').update(bytes));
}

/** The reference of bytes hashed as they streamed past (a sha256 `Hash` fed every chunk). */
export function refOfDigest(hash: Hash): ArtifactRef {
  return `sha256:${hash.digest('hex')}`;
}

/**
 * Where every store keeps an artifact: `sha256/<2 hex>/<62 hex>` (a path under the filesystem
 * store's root, a key under the S3 store's prefix); INVALID_ARGUMENT for a malformed reference.
 */
export function artifactPathOf(ref: ArtifactRef): readonly [string, string, string] {
  if (!isArtifactRef(ref)) throw new InvalidArgumentError('artifact', `"${String(ref)}" is not a sha256: reference`);
  const hex = ref.slice('sha256:'.length);
  return ['sha256', hex.slice(0, 2), hex.slice(2)];
}

/** An artifact reference inside a validated record, payload or manifest. */
export const artifactRefSchema = z.string().refine(isArtifactRef, 'expected a sha256: artifact reference') as unknown as z.ZodType<ArtifactRef>;

/** Stores `value` as JSON. */
export async function putJson(store: ArtifactStore, value: unknown): Promise<StoredArtifact> {
  return store.put(JSON.stringify(value));
}

/** Reads an artifact stored with `putJson`; `parse` validates its shape. */
export async function getJson<T>(store: ArtifactStore, ref: ArtifactRef, parse: (value: unknown) => T): Promise<T> {
  return parse(JSON.parse((await store.get(ref)).toString('utf8')));
}
