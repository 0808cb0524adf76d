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
  type BucketLocationConstraint,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { NotFoundError, PlatformError, UnavailableError } from '@aiaas/errors';
import { artifactPathOf, refOf, refOfDigest, type ArtifactRef, type ArtifactStore, type ByteRange, type StoredArtifact } from './artifact-store';

export interface S3ArtifactStoreOptions {
  readonly bucket: string;
  /** Prepended to every key, e.g. "aiaas/" to share a bucket. */
  readonly prefix?: string;
  /** Unset: AWS_REGION and the SDK's default chain; with an `endpoint` (MinIO, which ignores it), us-east-1. */
  readonly region?: string;
  /** An S3-compatible endpoint such as MinIO's (http://minio:9000); path-style addressing then. Unset: AWS S3. */
  readonly endpoint?: string;
  /** Unset: the AWS SDK's default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, web identity, instance roles). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/** Multipart part size for streams; S3's smallest allowed is 5 MiB. */
const PART_BYTES = 8 * 1024 * 1024;

/** The digest of no bytes: the only artifact that is empty, since artifacts are content-addressed. */
const EMPTY_REF = refOf(new Uint8Array());

/**
 * The store's own failure (full, down, refusing) as UNAVAILABLE, saying what could not be done
 * and what the store answered; the platform's errors (NotFound, bad references) pass through.
 */
function storeFailure(doing: string, error: unknown): Error {
  if (error instanceof PlatformError) return error;
  const { name, message } = error as Error;
  return new UnavailableError(`the artifact store could not ${doing}: ${message || name}`, { cause: error });
}

const httpStatusOf = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
const isNotFound = (error: unknown) => httpStatusOf(error) === 404;

/**
 * Artifact store on S3 or an S3-compatible object store (MinIO): `<prefix>sha256/<2 hex>/<62 hex>`.
 * An object appears whole or not at all, so `put` writes straight to its key. A stream's digest
 * is known only at its end, so `putStream` uploads to `<prefix>tmp/<uuid>` (in parts), then
 * copies server-side to the artifact's key and deletes the temporary object; a failed source
 * aborts the upload and leaves nothing behind. Server-side copy takes objects up to 5 GiB.
 *
 * Needs s3:GetObject, s3:PutObject, s3:DeleteObject, s3:AbortMultipartUpload and s3:ListBucket
 * (without it, S3 answers a missing key with 403, not 404). A crash between upload and copy can
 * leave a `tmp/` object or an incomplete multipart upload: give the bucket a lifecycle rule
 * expiring `<prefix>tmp/` and aborting incomplete uploads after a day.
 */
export class S3ArtifactStore implements ArtifactStore {
  private constructor(
    private readonly s3: S3Client,
    private readonly options: S3ArtifactStoreOptions,
  ) {}

  /** Connects, and creates the bucket when it does not exist (a fresh MinIO); fails naming the bucket when it cannot. */
  static async open(options: S3ArtifactStoreOptions): Promise<S3ArtifactStore> {
    const region = options.region ?? (options.endpoint ? 'us-east-1' : undefined);
    const config: S3ClientConfig = {
      ...(region ? { region } : {}),
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
      ...(options.credentials ? { credentials: { ...options.credentials } } : {}),
      // A store that stops answering fails the call (and the job retries) instead of hanging it.
      requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
    };
    const s3 = new S3Client(config);
    try {
      await s3.send(new HeadBucketCommand({ Bucket: options.bucket }));
    } catch (error) {
      if (!isNotFound(error)) throw new Error(`cannot reach S3 bucket "${options.bucket}"${options.endpoint ? ` at ${options.endpoint}` : ''}: ${(error as Error).message || (error as Error).name}`, { cause: error });
      // us-east-1 is S3's default location, and the one region that refuses being named.
      const location = region && region !== 'us-east-1' ? { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } } : {};
      await s3.send(new CreateBucketCommand({ Bucket: options.bucket, ...location })).catch(async (creation: unknown) => {
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
    const ref = refOf(bytes);
    // Same key, same bytes: a retried job's second write is skipped.
    if (!(await this.has(ref))) {
      await this.s3.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(ref), Body: bytes })).catch((error: unknown) => {
        throw storeFailure(`store an artifact of ${bytes.byteLength} bytes`, error);
      });
    }
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
    const body = Readable.from(hashed());
    const upload = new Upload({ client: this.s3, params: { Bucket: this.options.bucket, Key: temporary, Body: body }, partSize: PART_BYTES, leavePartsOnError: false });
    try {
      await upload.done();
    } catch (error) {
      // The upload aborted its parts. Ending the body ends `source` too, as the fs store does
      // when its write fails; what failed first is what the caller hears.
      body.destroy();
      throw sourceError ? sourceError.error : storeFailure('store a streamed artifact', error);
    }
    const ref = refOfDigest(hash);
    try {
      if (!(await this.has(ref))) {
        const copySource = [this.options.bucket, ...temporary.split('/')].map(encodeURIComponent).join('/');
        await this.s3.send(new CopyObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(ref), CopySource: copySource })).catch((error: unknown) => {
          throw storeFailure(`store a streamed artifact of ${sizeBytes} bytes`, error);
        });
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
    // No bytes to ask for (an empty range, or the one artifact with no bytes, whose ranges
    // stores answer in their own ways): answer from whether it exists.
    if ((range && range.end <= range.start) || (range && ref === EMPTY_REF)) {
      if (!(await this.has(ref))) throw NotFoundError.of('artifact', ref);
      return Readable.from([]);
    }
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key, ...(range ? { Range: `bytes=${range.start}-${range.end - 1}` } : {}) }));
      return object.Body as Readable;
    } catch (error) {
      if (isNotFound(error) || (error as { name?: string }).name === 'NoSuchKey') throw NotFoundError.of('artifact', ref);
      // A range past the end: no bytes, as the filesystem store answers, when the artifact exists.
      if (range && httpStatusOf(error) === 416) return Readable.from([]);
      throw storeFailure(`read artifact ${ref}`, error);
    }
  }

  async has(ref: ArtifactRef): Promise<boolean> {
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(ref) }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw storeFailure(`look up artifact ${ref}`, error);
    }
  }

  /** Closes the client's connections. */
  close(): void {
    this.s3.destroy();
  }

  private keyOf(ref: ArtifactRef): string {
    return `${this.options.prefix ?? ''}${artifactPathOf(ref).join('/')}`;
  }
}
