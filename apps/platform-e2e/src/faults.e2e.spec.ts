import { setTimeout as sleep } from 'node:timers/promises';
import { status } from '@grpc/grpc-js';
import { penguinsCsv } from '@aiaas/datasets';
import type { ServiceProcess } from '@aiaas/launcher';
import { InferenceClient, type PredictRequest, type PredictResponse__Output } from '@aiaas/proto';
import { codeOf, collect, GENTOO_FIELDS, toRecord, uploadMessages } from './gateway-calls';
import { parsePrometheusText, sumOf } from './prometheus-text';
import { startTestPlatform, stopTestPlatform, type TestPlatform } from './test-platform';

// Faults against real processes under load (issue 9): a replica stopped gracefully mid-storm,
// and one killed outright while a client balances over two. (A training worker killed mid-fit,
// resuming from its checkpoint, is in training.e2e.spec.ts.)

const BIRD: PredictRequest = {
  model_name: 'penguins',
  records: { records: [toRecord(GENTOO_FIELDS)] },
};

interface Outcome {
  readonly startedAt: number;
  readonly answer?: PredictResponse__Output;
  readonly code?: status;
}

/** `callers` loops of predictions until `until` resolves, every outcome kept with the time it began. */
async function storm(client: InferenceClient, callers: number, until: Promise<unknown>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let stopped = false;
  void until.then(() => (stopped = true));
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (!stopped) {
        const startedAt = performance.now();
        try {
          outcomes.push({ startedAt, answer: await client.predict(BIRD) });
        } catch (error) {
          outcomes.push({ startedAt, code: codeOf(error) ?? status.UNKNOWN });
        }
      }
    }),
  );
  return outcomes;
}

/** Predictions a process has answered, from its own metrics. */
async function predictionsServed(test: TestPlatform, name: string): Promise<number> {
  const samples = parsePrometheusText(await (await fetch(test.metricsUrl(name))).text());
  return sumOf(samples, 'grpc_server_handled_total', { grpc_service: 'aiaas.v1.InferenceService', grpc_method: 'Predict', grpc_code: 'OK' });
}

describe('faults under load', () => {
  let test: TestPlatform;
  let expected: PredictResponse__Output;

  beforeAll(async () => {
    test = await startTestPlatform();
    const gateway = test.gatewayClient();
    const dataset = await gateway.uploadDataset(uploadMessages(penguinsCsv(), 'penguins', 16_384));
    const job = await gateway.startPipeline({ dataset_id: dataset.id, target_column: 'species', model_name: 'penguins', min_accuracy: 0.5, training: { epochs: 3 } });
    await collect(gateway, job.id);
    expected = await gateway.predict(BIRD);
    gateway.close();
  }, 120_000);

  afterAll(async () => {
    await stopTestPlatform(test);
  }, 60_000);

  const rightAnswer = (answer: PredictResponse__Output | undefined) =>
    answer !== undefined && answer.predicted_labels.join() === expected.predicted_labels.join() && answer.class_labels.join() === expected.class_labels.join();

  it('answers every call a replica had accepted when SIGTERM stops it mid-storm', async () => {
    const replica: ServiceProcess = await test.startReplica('inference');
    // No retries: each call's own fate is what is measured.
    const client = new InferenceClient(replica.address, { policy: { maxAttempts: 1 } });
    try {
      await client.predict(BIRD);
      let signalledAt = Number.POSITIVE_INFINITY;
      let exited!: Promise<number | null>;
      const stopping = sleep(1_000).then(() => {
        signalledAt = performance.now();
        exited = replica.stop('SIGTERM');
        return exited;
      });
      const outcomes = await storm(client, 16, stopping.then(() => sleep(200)));
      expect(await exited).toBe(0);

      // Calls begun well before the signal had reached the server: every one is answered, and rightly.
      const accepted = outcomes.filter((outcome) => outcome.startedAt < signalledAt - 50);
      expect(accepted.length).toBeGreaterThan(50);
      expect(accepted.filter((outcome) => !rightAnswer(outcome.answer)).map((outcome) => outcome.code)).toEqual([]);
      // Once it has gone, calls are refused as a stopped server's are: UNAVAILABLE, which clients retry elsewhere.
      const refused = outcomes.filter((outcome) => outcome.answer === undefined);
      expect(refused.length).toBeGreaterThan(0);
      expect(new Set(refused.map((outcome) => status[outcome.code!]))).toEqual(new Set(['UNAVAILABLE']));
    } finally {
      client.close();
    }
  }, 60_000);

  it('loses no call and gives no wrong answer when one of two replicas is killed under load', async () => {
    const second = await test.startReplica('inference');
    const first = test.platform.service('inference');
    // Round-robin over both replicas, as a client-side balanced deployment does.
    const client = new InferenceClient(`ipv4:${first.address},${second.address}`, {
      channelOptions: { 'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }) },
    });
    try {
      await Promise.all([client.predict(BIRD), client.predict(BIRD)]);
      let servedBeforeKill: number[] = [];
      const killing = sleep(1_000).then(async () => {
        servedBeforeKill = [await predictionsServed(test, 'inference'), await predictionsServed(test, second.name)];
        await test.crash('inference');
      });
      const outcomes = await storm(client, 16, killing.then(() => sleep(1_500)));

      // The client's policy retries UNAVAILABLE (Predict is idempotent), so the kill never surfaces.
      expect(outcomes.length).toBeGreaterThan(100);
      expect(outcomes.filter((outcome) => outcome.answer === undefined).map((outcome) => status[outcome.code!])).toEqual([]);
      expect(outcomes.filter((outcome) => !rightAnswer(outcome.answer))).toEqual([]);
      // Both replicas took a fair share before the kill, and the survivor took every call after it.
      expect(Math.min(...servedBeforeKill)).toBeGreaterThan(20);
      const servedAfterKill = (await predictionsServed(test, second.name)) - servedBeforeKill[1]!;
      expect(servedAfterKill).toBeGreaterThan(50);
    } finally {
      client.close();
    }
  }, 60_000);
});
