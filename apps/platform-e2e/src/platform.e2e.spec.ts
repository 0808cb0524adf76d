import { status } from '@grpc/grpc-js';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { penguinRecords, penguinsCsv } from '@aiaas/datasets';
import { InvalidArgumentError, NotFoundError } from '@aiaas/errors';
import { PLATFORM_SERVICES } from '@aiaas/launcher';
import {
  GatewayClient,
  HealthClient,
  WorkerClient,
  type Dataset__Output,
} from '@aiaas/proto';
import { bytesToFloat32 } from '@aiaas/tensor';
import { deleteKeysWithPrefix } from '@aiaas/testing';
import { codeOf, collect, failure, GENTOO_FIELDS, toRecord, uploadMessages } from './gateway-calls';
import { startTestPlatform, WORKSPACE_ROOT, type TestPlatform } from './test-platform';

/** The floor the penguins model must clear on held-out data; it usually scores 0.97-1.0. */
const ACCURACY_FLOOR = 0.9;
const EPOCHS = 30;
const run = promisify(execFile);

describe('the platform, end to end through the gateway', () => {
  let test: TestPlatform;
  let gateway: GatewayClient;
  let penguins: Dataset__Output;
  let trainedVersion: number;

  beforeAll(async () => {
    test = await startTestPlatform();
    gateway = test.gatewayClient();
  });

  afterAll(async () => {
    gateway?.close();
    if (test?.platform.services.some((service) => service.running)) await test.stop();
    if (test) {
      const redis = new Redis(test.redisUrl);
      await deleteKeysWithPrefix(redis, test.prefix);
      redis.disconnect();
    }
  });

  it('starts five services that each answer health checks', async () => {
    for (const service of PLATFORM_SERVICES) {
      const health = new HealthClient(test.platform.service(service).address);
      try {
        await expect(health.check()).resolves.toBe('SERVING');
      } finally {
        health.close();
      }
    }
  });

  it('takes a CSV upload as a client stream and profiles its columns', async () => {
    penguins = await gateway.uploadDataset(uploadMessages(penguinsCsv(), 'penguins'));
    expect(penguins.row_count).toBe(344);
    expect(penguins.columns.map((column) => `${column.name}:${column.type}`)).toEqual([
      'species:COLUMN_TYPE_CATEGORICAL',
      'island:COLUMN_TYPE_CATEGORICAL',
      'beak_length_mm:COLUMN_TYPE_NUMERIC',
      'beak_depth_mm:COLUMN_TYPE_NUMERIC',
      'flipper_length_mm:COLUMN_TYPE_NUMERIC',
      'body_mass_g:COLUMN_TYPE_NUMERIC',
      'sex:COLUMN_TYPE_CATEGORICAL',
    ]);
    await expect(gateway.getDataset(penguins.id)).resolves.toMatchObject({ id: penguins.id, sha256: penguins.sha256 });
  });

  it('runs preprocess, train, evaluate and deploy as one flow, streaming stage and epoch progress', async () => {
    const job = await gateway.startPipeline({
      dataset_id: penguins.id,
      target_column: 'species',
      model_name: 'penguins',
      min_accuracy: ACCURACY_FLOOR,
      training: { epochs: EPOCHS },
    });
    expect(job.state).toBe('JOB_STATE_QUEUED');
    const events = await collect(gateway, job.id);

    expect(events.map((event) => event.sequence)).toEqual(events.map((_, index) => index + 1));
    const stageOrder = events.filter((event) => event.event === 'stage_started').map((event) => event.stage);
    expect(stageOrder).toEqual(['STAGE_PREPROCESS', 'STAGE_TRAIN', 'STAGE_EVALUATE', 'STAGE_DEPLOY']);
    const epochs = events.filter((event) => event.event === 'epoch_ended').map((event) => event.epoch_ended!);
    expect(epochs.map((epoch) => epoch.epoch)).toEqual(Array.from({ length: EPOCHS }, (_, index) => index + 1));
    expect(epochs[EPOCHS - 1]!.metrics.loss).toBeLessThan(epochs[0]!.metrics.loss!);
    const finished = events[events.length - 1]!;
    expect(finished.job_finished).toMatchObject({ state: 'JOB_STATE_SUCCEEDED' });
    trainedVersion = finished.job_finished!.model_version;

    const stored = await gateway.getJob(job.id);
    expect(stored.state).toBe('JOB_STATE_SUCCEEDED');
    expect(stored.stages.map((stage) => stage.state)).toEqual(Array(4).fill('JOB_STATE_SUCCEEDED'));

    // A late watcher replays the whole history, or resumes after a sequence number.
    expect(await collect(gateway, job.id)).toHaveLength(events.length);
    const resumed = [];
    for await (const event of gateway.watchJob(job.id, events.length - 2)) resumed.push(event.sequence);
    expect(resumed).toEqual([events.length - 1, events.length]);
  });

  it(`registers a blessed version above the accuracy floor (${ACCURACY_FLOOR}) and serves it as production`, async () => {
    const model = await gateway.getModel('penguins');
    expect(model.aliases).toEqual({ production: trainedVersion });
    const version = model.versions.find((candidate) => candidate.version === trainedVersion)!;
    expect(version).toMatchObject({ status: 'MODEL_VERSION_STATUS_BLESSED', dataset_id: penguins.id, backend: 'wasm', class_labels: ['Adelie', 'Chinstrap', 'Gentoo'] });
    expect(version.metrics!.accuracy).toBeGreaterThanOrEqual(ACCURACY_FLOOR);
    expect(version.metrics!.macro_f1).toBeGreaterThanOrEqual(ACCURACY_FLOOR - 0.05);
    // A stratified 20% of 344 birds, to within a row per class.
    expect(Math.abs(version.metrics!.test_rows - 69)).toBeLessThanOrEqual(3);
  });

  it('predicts species from raw records with the model trained in this run', async () => {
    const labelled = penguinRecords().filter((penguin) => penguin.species !== null);
    const response = await gateway.predict({
      model_name: 'penguins',
      records: { records: labelled.map(({ species: _species, ...measurements }) => toRecord(measurements)) },
    });
    expect(response).toMatchObject({ model_name: 'penguins', version: trainedVersion, class_labels: ['Adelie', 'Chinstrap', 'Gentoo'] });
    expect(response.probabilities).toMatchObject({ dtype: 'DATA_TYPE_FLOAT32', shape: [labelled.length, 3] });
    const probabilities = bytesToFloat32(response.probabilities!.raw_data);
    expect(probabilities[0]! + probabilities[1]! + probabilities[2]!).toBeCloseTo(1, 4);
    const correct = response.predicted_labels.filter((label, index) => label === labelled[index]!.species).length;
    expect(correct / labelled.length).toBeGreaterThanOrEqual(ACCURACY_FLOOR);
  });

  it('has each worker report the job it ran and its compute backend', async () => {
    const workers = [
      ['PreprocessingService', 'preprocessing', 'preprocess', ''],
      ['TrainingService', 'training', 'train', 'wasm'],
      ['EvaluationService', 'evaluation', 'evaluate', 'wasm'],
      ['InferenceService', 'inference', 'deploy', 'wasm'],
    ] as const;
    for (const [protoService, service, queue, backend] of workers) {
      const client = new WorkerClient(protoService, test.platform.service(service).address);
      try {
        const info = await client.describeWorker();
        expect(info).toMatchObject({ service, queue, backend, active_jobs: 0 });
        expect(info.completed_jobs).toBeGreaterThanOrEqual(1);
      } finally {
        client.close();
      }
    }
  });

  describe('bad input gets the right status, and no service goes down', () => {
    it('a malformed CSV: INVALID_ARGUMENT naming the line', async () => {
      const error = await failure(gateway.uploadDataset(uploadMessages('a,b,c\n1,2,3\n4,5\n6,7,8\n', 'broken', 4)));
      expect(codeOf(error)).toBe(status.INVALID_ARGUMENT);
      expect(error.message).toMatch(/^invalid file: malformed CSV at line 3: 2 fields where the header has 3/);
    });

    it('a target column the dataset does not have: INVALID_ARGUMENT naming target_column', async () => {
      const error = await failure(gateway.startPipeline({ dataset_id: penguins.id, target_column: 'wingspan', model_name: 'penguins' }));
      expect(codeOf(error)).toBe(status.INVALID_ARGUMENT);
      expect(error).toMatchObject({ field: 'target_column' });
      expect(error.message).toContain('"wingspan" is not a column');
    });

    it('an unknown dataset, model or job: NOT_FOUND', async () => {
      for (const call of [
        () => gateway.startPipeline({ dataset_id: 'ds_000000000000', target_column: 'species', model_name: 'x' }),
        () => gateway.getModel('no-such-model'),
        () => gateway.predict({ model_name: 'no-such-model', records: { records: [toRecord({ island: 'Biscoe' })] } }),
        () => gateway.getJob('job_000000000000'),
      ]) {
        const error = await failure(call());
        expect(error).toBeInstanceOf(NotFoundError);
        expect(codeOf(error)).toBe(status.NOT_FOUND);
      }
    });

    it('a features tensor of the wrong width: INVALID_ARGUMENT naming features.shape', async () => {
      const error = await failure(
        gateway.predict({ model_name: 'penguins', features: { dtype: 'DATA_TYPE_FLOAT32', shape: [1, 5], float_values: [1, 2, 3, 4, 5] } }),
      );
      expect(codeOf(error)).toBe(status.INVALID_ARGUMENT);
      expect(error).toMatchObject({ field: 'features.shape' });
      expect(error.message).toContain('takes [rows, 12] features, got [1, 5]');
    });

    it('a non-numeric value in a numeric column: INVALID_ARGUMENT naming the record and field', async () => {
      const error = await failure(gateway.predict({ model_name: 'penguins', records: { records: [toRecord({ island: 'Dream' }), toRecord({ body_mass_g: 'heavy' })] } }));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error).toMatchObject({ field: 'records.records[1].fields["body_mass_g"]' });
      expect(error.message).toContain('"heavy" is not a number');
    });

    it('a target with one class fails the job at preprocess, once, with the reason', async () => {
      const single = await gateway.uploadDataset(uploadMessages('x,label\n1,a\n2,a\n3,a\n4,a\n', 'single-class'));
      const job = await gateway.startPipeline({ dataset_id: single.id, target_column: 'label', model_name: 'single' });
      const events = await collect(gateway, job.id);
      const failures = events.filter((event) => event.event === 'stage_failed');
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ stage: 'STAGE_PREPROCESS', stage_failed: { will_retry: false } });
      expect(events[events.length - 1]!.job_finished).toMatchObject({ state: 'JOB_STATE_FAILED' });
      expect(events[events.length - 1]!.job_finished!.error).toContain('has only the class "a"; classification needs at least 2 classes');
    });

    it('a model that misses its accuracy threshold is rejected and not deployed', async () => {
      // Labels independent of the feature: nothing can be learned, so 0.99 accuracy is out of reach.
      const rows = Array.from({ length: 200 }, (_, index) => `${(index * 7919) % 101},${['p', 'q'][(index * 104729) % 3 === 0 ? 0 : 1]}`);
      const noise = await gateway.uploadDataset(uploadMessages(`x,label\n${rows.join('\n')}\n`, 'noise'));
      const job = await gateway.startPipeline({ dataset_id: noise.id, target_column: 'label', model_name: 'noise', min_accuracy: 0.99, training: { epochs: 3 } });
      const events = await collect(gateway, job.id);
      const finished = events[events.length - 1]!.job_finished!;
      expect(finished.state).toBe('JOB_STATE_FAILED');
      expect(finished.error).toMatch(/deploy failed: noise version \d+ was not deployed: evaluation rejected it \(test accuracy 0\.\d+ < min_accuracy 0\.990\)/);
      const model = await gateway.getModel('noise');
      expect(model.aliases).toEqual({});
      expect(model.versions[0]!.status).toBe('MODEL_VERSION_STATUS_REJECTED');
      const error = await failure(gateway.predict({ model_name: 'noise', records: { records: [toRecord({ x: 1 })] } }));
      expect(error).toBeInstanceOf(NotFoundError);
    });

    it('leaves every service up and every earlier result intact', async () => {
      for (const service of test.platform.services) expect(service.running).toBe(true);
      await expect(gateway.getDataset(penguins.id)).resolves.toMatchObject({ row_count: 344 });
      await expect(gateway.getModel('penguins')).resolves.toMatchObject({ aliases: { production: trainedVersion } });
      expect(test.lines.filter((line) => /"level":"error"/.test(line))).toEqual([]);
    });
  });

  describe('the CLI, as a separate process against the same gateway', () => {

    it('lists the model with its metrics and alias', async () => {
      const { stdout } = await test.cli(['models', 'penguins']);
      expect(stdout).toContain(`version ${trainedVersion}  blessed  [production]`);
      expect(stdout).toMatch(/accuracy (0\.9\d\d|1\.000)/);
    });

    it('predicts from a JSON record', async () => {
      const gentoo = GENTOO_FIELDS;
      const { stdout } = await test.cli(['predict', '--model', 'penguins', '--records', JSON.stringify(gentoo), '--json']);
      expect(JSON.parse(stdout)).toEqual({ model: 'penguins', version: trainedVersion, predictions: ['Gentoo'] });
    });

    it('predicts from a CSV file, reading its cells as an uploaded dataset would be', async () => {
      const file = join(test.artifactDir, 'birds.csv');
      writeFileSync(file, 'island,beak_length_mm,beak_depth_mm,flipper_length_mm,body_mass_g,sex\nBiscoe,47.5,14.2,217,5200,MALE\nTorgersen,39.1,18.7,181,3750,\n');
      const { stdout } = await test.cli(['predict', '--model', 'penguins', '--file', file, '--json']);
      expect(JSON.parse(stdout)).toEqual({ model: 'penguins', version: trainedVersion, predictions: ['Gentoo', 'Adelie'] });
    });

    it('exits 2 with the server message on bad input', async () => {
      const error = (await test.cli(['predict', '--model', 'penguins', '--records', '{"body_mass_g": "heavy"}']).catch((caught: unknown) => caught)) as {
        code: number;
        stderr: string;
      };
      expect(error.code).toBe(2);
      expect(error.stderr).toContain('"heavy" is not a number');
    });
  });

  it('refuses to start a service with invalid configuration, naming every bad variable', async () => {
    const result = (await run(process.execPath, [join(WORKSPACE_ROOT, 'apps/training/dist/main.js')], {
      env: { ...process.env, GRPC_PORT: 'ninety', TFJS_BACKEND: 'gpu', REDIS_URL: 'http://localhost' },
    }).catch((caught: unknown) => caught)) as { code: number; stderr: string };
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('training: invalid configuration:');
    expect(result.stderr).toContain('GRPC_PORT: expected a whole number, got "ninety"');
    expect(result.stderr).toContain('TFJS_BACKEND: expected one of auto, tensorflow, wasm, cpu, got "gpu"');
    expect(result.stderr).toContain('REDIS_URL: expected a redis: or rediss: URL, got "http:"');
  });

  it('shuts every service down gracefully on SIGTERM', async () => {
    gateway.close();
    const codes = await test.stop();
    const failed = [...codes].filter(([, code]) => code !== 0).map(([service]) => service);
    // On failure, show what the services that exited badly said last.
    const said = test.lines.filter((line) => failed.some((service) => line.startsWith(`[${service}]`))).slice(-15);
    expect({ codes: Object.fromEntries(codes), said: failed.length > 0 ? said : [] }).toEqual({
      codes: { gateway: 0, preprocessing: 0, training: 0, evaluation: 0, inference: 0 },
      said: [],
    });
  });
});
