/**
 * Immutable, content-addressed artifact storage (datasets, transforms, splits, model weights),
 * on a filesystem or in S3 / an S3-compatible store (MinIO).
 *
 * @example
 * ```ts
 * import { FsArtifactStore, getJson, putJson } from '@aiaas/storage';
 * const store = new FsArtifactStore('./data/artifacts');
 * const { ref } = await putJson(store, { hello: 'world' });
 * const value = await getJson(store, ref, (json) => json as { hello: string });
 * ```
 */
export { artifactRefSchema, getJson, isArtifactRef, putJson } from './artifact-store';
export type { ArtifactRef, ArtifactStore, ByteRange, StoredArtifact } from './artifact-store';
export { ArtifactWriter } from './artifact-writer';
export { ChunkChannel } from './chunk-channel';
export { FsArtifactStore } from './fs-artifact-store';
export { openArtifactStore } from './open-artifact-store';
export type { ArtifactStoreSettings, OpenedArtifactStore } from './open-artifact-store';
