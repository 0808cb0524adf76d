import { status } from '@grpc/grpc-js';
import { createHash } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { penguinsCsv } from '@aiaas/datasets';
import { collect, codeOf, failure, uploadMessages } from './gateway-calls';
import { startS3Server, type S3Server } from './s3-server';
import { startTestPlatform, stopTestPlatform, type TestPlatform } from './test-platform';

/**
 * A proxy in front of the store that, once `full` is set, refuses every write as a full MinIO
 * does (507 XMinioStorageFull) while reads still pass: a disk that filled up mid-run.
 */
async function startFillingProxy(upstream: string): Promise<{ readonly endpoint: string; full: boolean; close(): Promise<void> }> {
  const target = new URL(upstream);
  const state = { full: false };
  const server: Server = createServer((incoming, outgoing) => {
    const writes = incoming.method === 'PUT' || incoming.method === 'POST';
    if (state.full && writes) {
      incoming.resume();
      outgoing
        .writeHead(507, { 'content-type': 'application/xml' })
        .end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>XMinioStorageFull</Code><Message>Storage backend has reached its minimum free drive threshold. Please delete a few objects to proceed.</Message></Error>');
      return;
    }
    const forwarded = request({ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get full() {
      return state.full;
    },
    set full(value: boolean) {
      state.full = value;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('an artifact store that fills up mid-run', () => {
  let s3Server: S3Server;
  let proxy: Awaited<ReturnType<typeof startFillingProxy>>;
  let test: TestPlatform;

  beforeAll(async () => {
    s3Server = await startS3Server();
    proxy = await startFillingProxy(s3Server.endpoint);
    test = await startTestPlatform({
      ...s3Server.platformEnv('aiaas-full', proxy.endpoint),
      // Two attempts per stage: the second also finds the store full.
      STAGE_ATTEMPTS: '2',
    });
  }, 90_000);

  afterAll(async () => {
    await stopTestPlatform(test);
    await proxy?.close();
    await s3Server?.stop();
  }, 60_000);

  it('fails the job with an error that says the store is full, registers no version, and leaves no partial artifact', async () => {
    const gateway = test.gatewayClient();
    const dataset = await gateway.uploadDataset(uploadMessages(penguinsCsv(), 'penguins', 16_384));
    proxy.full = true;

    // An upload now fails at once, naming the cause.
    const refused = await failure(gateway.uploadDataset(uploadMessages('a,b\n1,2\n', 'late')));
    expect([codeOf(refused), refused.message]).toEqual([status.UNAVAILABLE, expect.stringMatching(/^the artifact store could not store .*minimum free drive threshold/)]);

    const job = await gateway.startPipeline({ dataset_id: dataset.id, target_column: 'species', model_name: 'penguins', training: { epochs: 2 } });
    const events = await collect(gateway, job.id);
    const finished = events.at(-1)!.job_finished!;
    expect(finished.state).toBe('JOB_STATE_FAILED');
    expect(finished.error).toContain('minimum free drive threshold');
    // Every attempt was refused the same way, and said so.
    const failures = events.filter((event) => event.stage_failed).map((event) => event.stage_failed!);
    expect(failures.length).toBe(2);
    expect(failures.every((stageFailure) => stageFailure.error.includes('minimum free drive threshold'))).toBe(true);
    const model = await failure(gateway.getModel('penguins'));
    expect(model.message).toMatch(/penguins/);

    // Every object the store holds under an artifact key is whole: its bytes hash to its name.
    const keys = await s3Server.listKeys('aiaas-full');
    const s3 = s3Server.client();
    try {
      expect(keys.filter((key) => !key.startsWith('sha256/'))).toEqual([]);
      for (const key of keys) {
        const bytes = Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: 'aiaas-full', Key: key }))).Body!.transformToByteArray());
        expect(`sha256/${createHash('sha256').update(bytes).digest('hex').replace(/^(..)/, '$1/')}`).toBe(key);
      }
      expect(keys.length).toBeGreaterThanOrEqual(1);
    } finally {
      s3.destroy();
    }
    gateway.close();
  }, 120_000);
});
