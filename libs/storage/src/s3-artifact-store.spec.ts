import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { describeArtifactStoreContract } from './artifact-store-contract.test-helpers';
import { S3ArtifactStore } from './s3-artifact-store';

// A real S3-compatible server (s3rver: the S3 REST API over HTTP, objects on disk), reached
// over TCP by the same SDK calls the store makes against MinIO or AWS.
let server: S3rver;
let endpoint: string;
let directory: string;
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'aiaas-s3rver-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

let bucketNumber = 0;

describeArtifactStoreContract('S3ArtifactStore', async () => {
  // A bucket per test, created by the store itself as on a fresh MinIO.
  const bucket = `aiaas-test-${process.pid}-${(bucketNumber += 1)}`;
  const store = await S3ArtifactStore.open({ bucket, prefix: 'platform/', endpoint, credentials });
  const s3 = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials });
  return {
    store,
    leftovers: async () => ((await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'platform/tmp/' }))).Contents ?? []).map((object) => object.Key ?? ''),
    close: async () => {
      s3.destroy();
      store.close();
    },
  };
});

describe('S3ArtifactStore when the store goes away mid-upload', () => {
  it('fails the write and closes the source, as the filesystem store does', async () => {
    const lostDirectory = mkdtempSync(join(tmpdir(), 'aiaas-s3rver-lost-'));
    const lost = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: lostDirectory });
    const { port } = await lost.run();
    const store = await S3ArtifactStore.open({ bucket: 'aiaas-lost', endpoint: `http://127.0.0.1:${port}`, credentials });
    let closed = false;
    let sent = 0;
    async function* endless() {
      try {
        for (;;) {
          sent += 1;
          // The server is stopped once the first part is on its way.
          if (sent === 160) await lost.close();
          yield Buffer.alloc(64 * 1024);
        }
      } finally {
        closed = true;
      }
    }
    try {
      await expect(store.putStream(endless())).rejects.toBeDefined();
      expect(closed).toBe(true);
    } finally {
      store.close();
      rmSync(lostDirectory, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('S3ArtifactStore.open', () => {
  it('opens a missing bucket from several services at once, as a fresh deployment starts', async () => {
    const options = { bucket: `aiaas-race-${process.pid}`, endpoint, credentials };
    const stores = await Promise.all(Array.from({ length: 4 }, () => S3ArtifactStore.open(options)));
    const { ref } = await stores[0]!.put('shared');
    await expect(stores[3]!.get(ref)).resolves.toEqual(Buffer.from('shared'));
    for (const store of stores) store.close();
  });

  it('names the bucket and endpoint when it cannot reach them', async () => {
    await expect(S3ArtifactStore.open({ bucket: 'aiaas', endpoint: 'http://127.0.0.1:9', credentials })).rejects.toThrow(/^cannot reach S3 bucket "aiaas" at http:\/\/127\.0\.0\.1:9: /);
  });
});
