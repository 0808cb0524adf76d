import { z } from 'zod';
import { getJson, isArtifactRef, putJson, type ArtifactRef, type ArtifactStore } from '@aiaas/storage';
import { bytesToFloat32, bytesToInt32, float32ToBytes, int32ToBytes } from '@aiaas/tensor';

const refSchema = z.string().refine(isArtifactRef, 'expected a sha256: artifact reference') as unknown as z.ZodType<ArtifactRef>;

const splitSchema = z.object({
  rows: z.number().int().nonnegative(),
  /** float32 little-endian, row-major [rows, featureCount]. */
  features: refSchema,
  /** int32 little-endian class indices, [rows]. */
  labels: refSchema,
});

/** Manifest of the processed train and test splits of one preprocessing run. */
export const splitsManifestSchema = z.object({
  format: z.literal('aiaas.processed-splits/v1'),
  featureCount: z.number().int().positive(),
  classLabels: z.array(z.string()),
  train: splitSchema,
  test: splitSchema,
});
export type SplitsManifest = z.infer<typeof splitsManifestSchema>;

/** One split in memory. */
export interface Split {
  readonly rows: number;
  readonly features: Float32Array;
  readonly labels: Int32Array;
}

async function storeSplit(store: ArtifactStore, split: Split) {
  const [features, labels] = await Promise.all([store.put(float32ToBytes(split.features)), store.put(int32ToBytes(split.labels))]);
  return { rows: split.rows, features: features.ref, labels: labels.ref };
}

/** Stores both splits and their manifest; returns the manifest's reference. */
export async function storeSplits(
  store: ArtifactStore,
  splits: { readonly featureCount: number; readonly classLabels: readonly string[]; readonly train: Split; readonly test: Split },
): Promise<ArtifactRef> {
  const [train, test] = await Promise.all([storeSplit(store, splits.train), storeSplit(store, splits.test)]);
  const manifest: SplitsManifest = {
    format: 'aiaas.processed-splits/v1',
    featureCount: splits.featureCount,
    classLabels: [...splits.classLabels],
    train,
    test,
  };
  return (await putJson(store, manifest)).ref;
}

export async function loadSplitsManifest(store: ArtifactStore, ref: ArtifactRef): Promise<SplitsManifest> {
  return getJson(store, ref, (value) => splitsManifestSchema.parse(value));
}

/** Reads one split of a manifest back into memory. */
export async function loadSplit(store: ArtifactStore, manifest: SplitsManifest, which: 'train' | 'test'): Promise<Split> {
  const entry = manifest[which];
  const [features, labels] = await Promise.all([store.get(entry.features), store.get(entry.labels)]);
  return { rows: entry.rows, features: bytesToFloat32(features), labels: bytesToInt32(labels) };
}
