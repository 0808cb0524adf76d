import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { penguinsCsv } from '@aiaas/datasets';
import { collect, GENTOO_FIELDS, toRecord, uploadMessages } from './gateway-calls';
import { S3RVER_CREDENTIALS, startS3Server } from './s3-server';
import { startTestPlatform, stopTestPlatform, type TestPlatform } from './test-platform';

const credentials = S3RVER_CREDENTIALS;

describe('the platform on an S3-compatible artifact store', () => {
  let s3Directory: string;
  let s3Server: Awaited<ReturnType<typeof startS3Server>>;
  let test: TestPlatform;

  beforeAll(async () => {
    s3Directory = mkdtempSync(join(tmpdir(), 'aiaas-e2e-s3-'));
    s3Server = await startS3Server(s3Directory);
    test = await startTestPlatform({
      ARTIFACT_STORE: 's3',
      S3_BUCKET: 'aiaas-e2e',
      S3_PREFIX: 'platform/',
      S3_ENDPOINT: s3Server.endpoint,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    });
  }, 90_000);

  afterAll(async () => {
    await stopTestPlatform(test);
    s3Server?.process.kill('SIGTERM');
    rmSync(s3Directory, { recursive: true, force: true });
  }, 60_000);

  it('uploads, preprocesses, trains, evaluates and serves with every artifact in the bucket and none on disk', async () => {
    const gateway = test.gatewayClient();
    const dataset = await gateway.uploadDataset(uploadMessages(penguinsCsv(), 'penguins', 16_384));
    const job = await gateway.startPipeline({ dataset_id: dataset.id, target_column: 'species', model_name: 'penguins', min_accuracy: 0.5, training: { epochs: 3 } });
    const events = await collect(gateway, job.id);
    expect(events[events.length - 1]!.job_finished).toMatchObject({ state: 'JOB_STATE_SUCCEEDED' });
    const bird = toRecord(GENTOO_FIELDS);
    expect((await gateway.predict({ model_name: 'penguins', records: { records: [bird] } })).predicted_labels).toEqual(['Gentoo']);
    gateway.close();

    const s3 = new S3Client({ region: 'us-east-1', endpoint: s3Server.endpoint, forcePathStyle: true, credentials });
    try {
      const keys = ((await s3.send(new ListObjectsV2Command({ Bucket: 'aiaas-e2e' }))).Contents ?? []).map((object) => object.Key!);
      // The dataset, its shards and splits, the transform, the model's weights and its ONNX export, the report...
      expect(keys.filter((key) => /^platform\/sha256\/[0-9a-f]{2}\/[0-9a-f]{62}$/.test(key)).length).toBeGreaterThanOrEqual(5);
      expect(keys.filter((key) => !key.startsWith('platform/sha256/'))).toEqual([]);
    } finally {
      s3.destroy();
    }
    expect(existsSync(join(test.artifactDir, 'sha256'))).toBe(false);
    expect(test.lines.some((line) => line.includes('"msg":"artifact store"') && line.includes('s3://aiaas-e2e/platform/'))).toBe(true);
  });
});
