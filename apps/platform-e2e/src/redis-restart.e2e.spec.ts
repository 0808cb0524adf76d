import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { penguinsCsv } from '@aiaas/datasets';
import { freePort, startRedisServer, type LocalRedis } from '@aiaas/launcher';
import type { GatewayClient, JobEvent__Output } from '@aiaas/proto';
import { uploadMessages } from './gateway-calls';
import { startTestPlatform, stopTestPlatform, type TestPlatform } from './test-platform';

/**
 * A WatchJob client that resumes: when the stream breaks it watches again after the last
 * sequence it saw, until the job's JobFinished event. Counts the resumptions.
 */
class ResumingWatcher {
  readonly events: JobEvent__Output[] = [];
  resumptions = 0;
  readonly finished: Promise<JobEvent__Output[]>;

  constructor(gateway: GatewayClient, jobId: string) {
    this.finished = (async () => {
      const deadline = Date.now() + 120_000;
      while (!this.events.some((event) => event.job_finished)) {
        if (Date.now() > deadline) throw new Error(`job ${jobId} did not finish within 2 minutes; saw ${this.events.length} events`);
        try {
          for await (const event of gateway.watchJob(jobId, this.events.at(-1)?.sequence ?? 0)) this.events.push(event);
        } catch {
          this.resumptions += 1;
          await sleep(250);
        }
      }
      return this.events;
    })();
  }
}

describe('a Redis restart (AOF on) while jobs are queued and running', () => {
  let dataDir: string;
  let port: number;
  let redis: LocalRedis;
  let test: TestPlatform;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'aiaas-e2e-redis-'));
    port = await freePort();
    redis = await startRedisServer({ dataDir, port });
    test = await startTestPlatform({ REDIS_URL: redis.url });
  }, 90_000);

  afterAll(async () => {
    await stopTestPlatform(test);
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('loses no job: the services reconnect by themselves, both jobs finish, and watchers resume without a gap', async () => {
    const gateway = test.gatewayClient();
    const dataset = await gateway.uploadDataset(uploadMessages(penguinsCsv(), 'penguins', 16_384));
    // Small batches and many epochs keep the first job training through the restart; the second waits behind it.
    const running = await gateway.startPipeline({ dataset_id: dataset.id, target_column: 'species', model_name: 'penguins-a', training: { epochs: 120, batch_size: 4 } });
    const queued = await gateway.startPipeline({ dataset_id: dataset.id, target_column: 'species', model_name: 'penguins-b', training: { epochs: 5 } });
    const watchers = [new ResumingWatcher(gateway, running.id), new ResumingWatcher(gateway, queued.id)];

    const training = async () => {
      for (let waited = 0; waited < 60_000; waited += 100) {
        if (watchers[0]!.events.filter((event) => event.epoch_ended).length >= 3) return;
        await sleep(100);
      }
      throw new Error('the first job never reached its third epoch');
    };
    await training();
    // SIGTERM: Redis writes its AOF out and stops; the same directory and port bring it back.
    await redis.stop();
    const epochsBeforeOutage = watchers[0]!.events.filter((event) => event.epoch_ended).length;
    await sleep(1_000);
    redis = await startRedisServer({ dataDir, port });

    const finished = await Promise.all(watchers.map((watcher) => watcher.finished));
    for (const events of finished) {
      expect(events.at(-1)!.job_finished).toMatchObject({ state: 'JOB_STATE_SUCCEEDED' });
      // Resumed after the last event seen: every sequence once, in order, none missing.
      expect(events.map((event) => event.sequence)).toEqual(events.map((_, index) => index + 1));
    }
    // The first job was mid-training when Redis went, and trained on after it came back.
    const epochs = finished[0]!.flatMap((event) => (event.epoch_ended ? [event.epoch_ended.epoch] : []));
    expect(epochsBeforeOutage).toBeLessThan(120);
    expect(Math.max(...epochs)).toBe(120);
    // The gateway's watch rides the outage out (its Redis client reconnects and reads on), so a
    // watcher rarely needs to resume; when it does, the sequences above show it lost nothing.
    expect(watchers.map((watcher) => watcher.resumptions).every((count) => count <= 3)).toBe(true);
    // Every service came back by itself: none exited.
    expect(test.platform.services.map((service) => [service.name, service.running])).toEqual(test.platform.services.map((service) => [service.name, true]));
    // One version per job: a stage retried after the outage registers nothing twice.
    for (const model of ['penguins-a', 'penguins-b']) expect((await gateway.getModel(model)).versions).toHaveLength(1);
    gateway.close();
  }, 180_000);
});
