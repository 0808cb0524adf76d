import type { ArtifactStore } from './artifact-store';
import { FsArtifactStore } from './fs-artifact-store';
import { S3ArtifactStore } from './s3-artifact-store';

/** Where artifacts live, as the services' environment says (`artifactEnv` in @aiaas/config). */
export interface ArtifactStoreSettings {
  readonly artifactStore: 'fs' | 's3';
  readonly artifactDir: string;
  readonly s3Bucket?: string | undefined;
  readonly s3Prefix?: string | undefined;
  readonly s3Region?: string | undefined;
  readonly s3Endpoint?: string | undefined;
  readonly s3AccessKeyId?: string | undefined;
  readonly s3SecretAccessKey?: string | undefined;
}

export interface OpenedArtifactStore {
  readonly store: ArtifactStore;
  /** For the start-up log: the directory, or s3://bucket/prefix and the endpoint. */
  readonly location: string;
  close(): void;
}

/** Opens the configured artifact store; an S3 store is reached (and its bucket made) before this resolves. */
export async function openArtifactStore(settings: ArtifactStoreSettings): Promise<OpenedArtifactStore> {
  if (settings.artifactStore === 'fs') return { store: new FsArtifactStore(settings.artifactDir), location: settings.artifactDir, close: () => undefined };
  if (!settings.s3Bucket) throw new Error('ARTIFACT_STORE=s3 needs S3_BUCKET: the bucket that holds the artifacts');
  if (Boolean(settings.s3AccessKeyId) !== Boolean(settings.s3SecretAccessKey)) throw new Error('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together: set both, or neither for the AWS SDK default chain');
  // The keys are read by the SDK's own environment provider, with AWS_SESSION_TOKEN when
  // temporary; they are declared (and checked above) so the manifests can be checked too.
  const store = await S3ArtifactStore.open({
    bucket: settings.s3Bucket,
    ...(settings.s3Region ? { region: settings.s3Region } : {}),
    ...(settings.s3Prefix ? { prefix: settings.s3Prefix } : {}),
    ...(settings.s3Endpoint ? { endpoint: settings.s3Endpoint } : {}),
  });
  return { store, location: `s3://${settings.s3Bucket}/${settings.s3Prefix ?? ''}${settings.s3Endpoint ? ` at ${settings.s3Endpoint}` : ''}`, close: () => store.close() };
}
