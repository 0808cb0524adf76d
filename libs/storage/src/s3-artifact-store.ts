import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { InvalidArgumentError, NotFoundError } from '@aiaas/errors';
import { isArtifactRef, type ArtifactRef, type ArtifactStore, type ByteRange, type StoredArtifact } from './artifact-store';

export interface S3ArtifactStoreOptions {
  readonly bucket: string;
  /** Prepended to every key, e.g. "aiaas/" to share a bucket. */
  readonly prefix?: string;
  readonly region: string;
  /** An S3-compatible endpoint such as MinIO's (http://minio:9000); path-style addressing then. Unset: AWS S3. */
  readonly endpoint?: string;
  /** Unset: the AWS SDK's default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, web identity, instance roles). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/** Multipart part size for streams; S3's smallest allowed is 5 MiB. */
const PART_BYTES = 8 * 1024 * 1024;

const isNotFound = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/**
 * Artifact store on S3 or an S3-compatible object store (MinIO): `<prefix>sha256/<2 hex>/<62 hex>`.
 * An object appears whole or not at all, so `put` writes straight to its key. A stream's digest
 * is known only at its end, so `putStream` uploads to `<prefix>tmp/<uuid>` (in parts), then
 * copies server-side to the artifact's key and deletes the temporary object; a failed source
 * aborts the upload and leaves nothing behind. Server-side copy takes objects up to 5 GiB.
 */
export class S3ArtifactStore implements ArtifactStore {
  private constructor(
    private readonly s3: S3Client,
    private readonly options: S3ArtifactStoreOptions,
  ) {}

  /** Connects, and creates the bucket when it does not exist (a fresh MinIO); fails naming the bucket when it cannot. */
  static async open(options: S3ArtifactStoreOptions): Promise<S3ArtifactStore> {
    // The platform runs on Node 20 by design; the SDK's notice about its own future releases
    // (which will need Node 22) is for whoever upgrades it, not for every service's log.
    process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
    const config: S3ClientConfig = {
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
      ...(options.credentials ? { credentials: { ...options.credentials } } : {}),
    };
    const s3 = new S3Client(config);
    try {
      await s3.send(new HeadBucketCommand({ Bucket: options.bucket }));
    } catch (error) {
      if (!isNotFound(error)) throw new Error(`cannot reach S3 bucket "${options.bucket}"${options.endpoint ? ` at ${options.endpoint}` : ''}: ${(error as Error).message || (error as Error).name}`, { cause: error });
      await s3.send(new CreateBucketCommand({ Bucket: options.bucket })).catch(async (creation: unknown) => {
        // Every service of a fresh deployment starts at once, and stores answer a lost race
        // differently (BucketAlreadyOwnedByYou, BucketAlreadyExists): what counts is whether the
        // bucket is there now.
        const there = await s3.send(new HeadBucketCommand({ Bucket: options.bucket })).then(
          () => true,
          () => false,
        );
        if (!there) throw new Error(`S3 bucket "${options.bucket}" does not exist and could not be created: ${(creation as Error).message}`, { cause: creation });
      });
    }
    return new S3ArtifactStore(s3, options);
  }

  async put(data: Uint8Array | string): Promise<StoredArtifact> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const ref: ArtifactRef = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    // Same key, same bytes: a retried job's second write is skipped.
    if (!(await this.has(ref))) await this.s3.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(ref), Body: bytes }));
    return { ref, sizeBytes: bytes.byteLength };
  }

  async putStream(source: AsyncIterable<Uint8Array>): Promise<StoredArtifact> {
    const hash = createHash('sha256');
    let sizeBytes = 0;
    let sourceError: { readonly error: unknown } | undefined;
    async function* hashed(): AsyncGenerator<Uint8Array> {
      try {
        for await (const chunk of source) {
          hash.update(chunk);
          sizeBytes += chunk.byteLength;
          yield chunk;
        }
      } catch (error) {
        sourceError = { error };
        throw error;
      }
    }
    const temporary = `${this.options.prefix ?? ''}tmp/${randomUUID()}`;
    const upload = new Upload({ client: this.s3, params: { Bucket: this.options.bucket, Key: temporary, Body: Readable.from(hashed()) }, partSize: PART_BYTES, leavePartsOnError: false });
    try {
      await upload.done();
    } catch (error) {
      // The upload aborted its parts; what failed first is what the caller hears.
      throw sourceError ? sourceError.error : error;
    }
    const ref: ArtifactRef = `sha256:${hash.digest('hex')}`;
    try {
      if (!(await this.has(ref))) {
        await this.s3.send(new CopyObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(ref), CopySource: `${this.options.bucket}/${temporary}` }));
      }
    } finally {
      await this.s3.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: temporary })).catch(() => undefined);
    }
    return { ref, sizeBytes };
  }

  async get(ref: ArtifactRef): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.getStream(ref)) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  async getStream(ref: ArtifactRef, range?: ByteRange): Promise<AsyncIterable<Buffer>> {
    const key = this.keyOf(ref);
    if (range && range.end <= range.start) {
      if (!(await this.has(ref))) throw NotFoundError.of('artifact', ref);
      return Readable.from([]);
    }
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key, ...(range ? { Range: `bytes=${range.start}-${range.end - 1}` } : {}) }));
      return object.Body as Readable;
    } catch (error) {
      throw isNotFound(error) || (error as { name?: string }).name === 'NoSuchKey' ? NotFoundError.of('artifact', ref) : error;
    }
  }

  async has(ref: ArtifactRef): Promise<boolean> {
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(ref) }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /** Closes the client's connections. */
  close(): void {
    this.s3.destroy();
  }

  private keyOf(ref: ArtifactRef): string {
    if (!isArtifactRef(ref)) throw new InvalidArgumentError('artifact', `"${String(ref)}" is not a sha256: reference`);
    const hex = ref.slice('sha256:'.length);
    return `${this.options.prefix ?? ''}sha256/${hex.slice(0, 2)}/${hex.slice(2)}`;
  }
}
