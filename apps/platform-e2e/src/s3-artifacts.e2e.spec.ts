import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { penguinsCsv } from '@aiaas/datasets';
import { collect, GENTOO_FIELDS, toRecord, uploadMessages } from './gateway-calls';
import { startS3Server, type S3Server } from './s3-server';
import { startTestPlatform, stopTestPlatform, type TestPlatform } from './test-platform';

describe('the platform on an S3-compatible artifact store', () => {
  let s3Server: S3Server;
  let test: TestPlatform;

  beforeAll(async () => {
    s3Server = await startS3Server();
    test = await startTestPlatform({ ...s3Server.platformEnv('aiaas-e2e'), S3_PREFIX: 'platform/' });
  }, 90_000);

  afterAll(async () => {
    await stopTestPlatform(test);
    await s3Server?.stop();
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

    const keys = await s3Server.listKeys('aiaas-e2e');
    // The dataset, its shards and splits, the transform, the model's weights and its ONNX export, the report...
    expect(keys.filter((key) => /^platform\/sha256\/[0-9a-f]{2}\/[0-9a-f]{62}$/.test(key)).length).toBeGreaterThanOrEqual(5);
    expect(keys.filter((key) => !key.startsWith('platform/sha256/'))).toEqual([]);
    expect(existsSync(join(test.artifactDir, 'sha256'))).toBe(false);
    expect(test.lines.some((line) => line.includes('"msg":"artifact store"') && line.includes('s3://aiaas-e2e/platform/'))).toBe(true);
  });
});
