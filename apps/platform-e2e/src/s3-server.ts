import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';

/** The keys s3rver accepts. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface S3Server {
  readonly endpoint: string;
  /** The settings that put a platform's artifacts in `bucket` here, or through `endpoint` (a proxy in front of it). */
  platformEnv(bucket: string, endpoint?: string): NodeJS.ProcessEnv;
  /** A client of this server; the caller destroys it. */
  client(): S3Client;
  /** Every key `bucket` holds. */
  listKeys(bucket: string): Promise<string[]>;
  /** Stops the server, waits for it to exit, and removes its objects. */
  stop(): Promise<void>;
}

/**
 * An S3-compatible server (s3rver: the S3 REST API over HTTP, objects in a temporary directory
 * of its own) as a process of its own, on a free port.
 */
export async function startS3Server(): Promise<S3Server> {
  const directory = mkdtempSync(join(tmpdir(), 'aiaas-e2e-s3-'));
  const script = `
    const S3rver = require('s3rver');
    new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.argv[1] }).run().then(({ port }) => console.log(JSON.stringify({ port })));
  `;
  const child = spawn(process.execPath, ['-e', script, directory], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const endpoint = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;
  const client = () => new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
  return {
    endpoint,
    platformEnv: (bucket, through = endpoint) => ({
      ARTIFACT_STORE: 's3',
      S3_BUCKET: bucket,
      S3_ENDPOINT: through,
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    }),
    client,
    listKeys: async (bucket) => {
      const s3 = client();
      try {
        return ((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((object) => object.Key!);
      } finally {
        s3.destroy();
      }
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
