import { status } from '@grpc/grpc-js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { carsCsv, penguinsCsv } from '@aiaas/datasets';
import { GatewayClient, type Dataset__Output, type EvaluationSpec } from '@aiaas/proto';
import { codeOf, collect, failure, GENTOO_FIELDS, toRecord, uploadMessages } from './gateway-calls';
import { startTestPlatform, stopTestPlatform, type TestPlatform } from './test-platform';

const finishOf = (events: Awaited<ReturnType<typeof collect>>) => events.at(-1)!.job_finished;
/** The penguins MLP scores 0.97-1.0 on held-out birds; chance is about 0.44. */
const TRAINED = { epochs: 30 } as const;

describe('evaluation, end to end: every metric, slices, the comparison with production, blessing and reports', () => {
  let test: TestPlatform;
  let gateway: GatewayClient;
  let penguins: Dataset__Output;
  let penguinsAgain: Dataset__Output;
  let cars: Dataset__Output;
  let scratch: string;

  const pipeline = async (evaluation: EvaluationSpec, training: object = TRAINED) => {
    const job = await gateway.startPipeline({ dataset_id: penguins.id, target_column: 'species', model_name: 'penguins-eval', min_accuracy: 0.5, training, evaluation });
    return finishOf(await collect(gateway, job.id));
  };
  const versionOf = async (version: number) => (await gateway.getModel('penguins-eval')).versions.find((each) => each.version === version)!;

  beforeAll(async () => {
    test = await startTestPlatform();
    gateway = test.gatewayClient();
    scratch = mkdtempSync(join(tmpdir(), 'aiaas-evaluation-e2e-'));
    [penguins, penguinsAgain, cars] = await Promise.all([
      gateway.uploadDataset(uploadMessages(penguinsCsv(), 'penguins', 16_384)),
      gateway.uploadDataset(uploadMessages(penguinsCsv(), 'penguins-again', 16_384)),
      gateway.uploadDataset(uploadMessages(carsCsv(), 'cars', 16_384)),
    ]);
  }, 90_000);

  afterAll(async () => {
    gateway?.close();
    rmSync(scratch, { recursive: true, force: true });
    await stopTestPlatform(test);
  }, 60_000);

  it('evaluates the first version with every classification metric and slices, blesses it past its thresholds, and deploys it', async () => {
    const finished = await pipeline({ slice_columns: ['island', 'body_mass_g'], thresholds: [{ metric: 'roc_auc', min: 0.9 }, { metric: 'log_loss', max: 1 }] });
    expect(finished).toMatchObject({ state: 'JOB_STATE_SUCCEEDED', model_version: 1 });
    const version = await versionOf(1);
    expect(version).toMatchObject({ status: 'MODEL_VERSION_STATUS_BLESSED', aliases: ['production'] });
    expect(version.status_reason).toMatch(/^test accuracy (0\.9\d\d|1\.000) >= min_accuracy 0\.500; roc_auc (0\.9\d\d|1\.000) within min 0\.900; log_loss 0\.\d{3} within max 1\.000$/);
    const evaluation = version.evaluation!;
    expect(evaluation).toMatchObject({ dataset_id: penguins.id, split: 'test', skipped_rows: 0, comparison: null });
    for (const metric of ['accuracy', 'balanced_accuracy', 'macro_precision', 'macro_recall', 'macro_f1', 'micro_f1', 'weighted_f1', 'roc_auc', 'pr_auc', 'log_loss', 'brier', 'ece']) {
      expect(evaluation.metrics[metric]).toEqual(expect.any(Number));
    }
    expect(evaluation.metrics['accuracy']).toBeGreaterThan(0.9);
    // Three islands, the numeric column in quartile buckets; every test row in one slice per column.
    const islands = evaluation.slices.filter((slice) => slice.column === 'island');
    expect(islands.map((slice) => slice.value).sort()).toEqual(['Biscoe', 'Dream', 'Torgersen']);
    expect(islands.reduce((sum, slice) => sum + Number(slice.rows), 0)).toBe(Number(evaluation.rows));
    expect(evaluation.slices.filter((slice) => slice.column === 'body_mass_g').reduce((sum, slice) => sum + Number(slice.rows), 0)).toBe(Number(evaluation.rows));
  });

  it('compares the next version with production on the same test rows, and stages it rather than deploying it when asked', async () => {
    const finished = await pipeline({ max_regression: [{ metric: 'accuracy', tolerance: 0.2 }], promotion: 'PROMOTION_STAGE_ONLY' });
    expect(finished).toMatchObject({ state: 'JOB_STATE_SUCCEEDED', model_version: 2 });
    const version = await versionOf(2);
    expect(version).toMatchObject({ status: 'MODEL_VERSION_STATUS_BLESSED', aliases: ['staging'] });
    expect(version.status_reason).toMatch(/accuracy \d\.\d{3} is \d\.\d{3} (worse|better) than production \(version 1\)'s \d\.\d{3}$/);
    expect(version.evaluation!.comparison).toMatchObject({ baseline_version: 1 });
    expect(Number(version.evaluation!.comparison!.rows)).toBe(Number(version.evaluation!.rows));
    expect((await gateway.getModel('penguins-eval')).aliases).toEqual({ production: 1, staging: 2 });
  });

  it('sends a canary share of the default route to the staged version, through the gateway, and ends it', async () => {
    const split = await gateway.setTrafficSplit({ model_name: 'penguins-eval', canary_version: 2, canary_percent: 50 });
    expect(split).toMatchObject({ canary_version: 2, canary_percent: 50, aliases: { production: 1, staging: 2 } });
    const gentoo = toRecord(GENTOO_FIELDS);
    const versions = async (requests: number, selector: object = {}) => {
      const answered = new Set<number>();
      for (let request = 0; request < requests; request++) answered.add((await gateway.predict({ model_name: 'penguins-eval', records: { records: [gentoo] }, ...selector })).version);
      return [...answered].sort();
    };
    // The replica takes the split up from the registry's announcement once version 2 is warm.
    let seen: number[] = [];
    for (let attempt = 0; attempt < 20 && seen.length < 2; attempt++) seen = await versions(20);
    expect(seen).toEqual([1, 2]);
    expect(await versions(10, { alias: 'production' })).toEqual([1]);
    expect(await gateway.setTrafficSplit({ model_name: 'penguins-eval', canary_percent: 0 })).toMatchObject({ canary_version: 0, canary_percent: 0 });
    let after: number[] = [];
    for (let attempt = 0; attempt < 20 && after.join() !== '1'; attempt++) after = await versions(20);
    expect(after).toEqual([1]);
    const refused = await failure(gateway.setTrafficSplit({ model_name: 'penguins-eval', canary_version: 2, canary_percent: 100 }));
    expect(codeOf(refused)).toBe(status.INVALID_ARGUMENT);
  });

  it('rejects a candidate worse than production by more than the tolerance, and says by how much; production stays', async () => {
    // One epoch at a tiny learning rate: barely better than guessing.
    const finished = await pipeline({ max_regression: [{ metric: 'accuracy', tolerance: 0.05 }] }, { epochs: 1, learning_rate: 0.00001 });
    // Registered and evaluated, but the pipeline ends failed at deploy, saying why.
    expect(finished).toMatchObject({ state: 'JOB_STATE_FAILED', model_version: 3 });
    expect(finished!.error).toContain('penguins-eval version 3 was not deployed: evaluation rejected it (test accuracy');
    const version = await versionOf(3);
    expect(version.status).toBe('MODEL_VERSION_STATUS_REJECTED');
    expect(version.status_reason).toMatch(/accuracy \d\.\d{3} is \d\.\d{3} worse than production \(version 1\)'s \d\.\d{3}, more than the 0\.050 allowed/);
    expect((await gateway.getModel('penguins-eval')).aliases).toEqual({ production: 1, staging: 2 });
  });

  it('evaluates a version on another dataset through the API, and writes both reports through the CLI', async () => {
    const evaluation = await gateway.evaluateModel({ model_name: 'penguins-eval', dataset_id: penguinsAgain.id, slice_columns: ['sex'], version: 2 });
    // 344 birds, every one with a species; version 2 is compared with production (version 1) on all of them.
    expect(evaluation).toMatchObject({ model_name: 'penguins-eval', version: 2, dataset_id: penguinsAgain.id, split: 'all', comparison: { baseline_version: 1 } });
    expect(Number(evaluation.rows) + Number(evaluation.skipped_rows)).toBe(344);
    expect(evaluation.metrics['accuracy']).toBeGreaterThan(0.9);
    // The data has 11 birds without a sex and one whose sex is written ".".
    expect(evaluation.slices.map((slice) => slice.value).sort()).toEqual(['(missing)', '.', 'FEMALE', 'MALE']);
    const page = join(scratch, 'report.html');
    await test.cli(['report', 'penguins-eval', '--out', page]);
    const html = readFileSync(page, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('<svg');
    expect(html).toContain('Torgersen');
    const json = join(scratch, 'report.json');
    await test.cli(['report', 'penguins-eval', '--version', '2', '--dataset', penguinsAgain.id, '--out', json, '--json']);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ format: 'aiaas.evaluation-report/v1', report: { dataset: { id: penguinsAgain.id, split: 'all' } } });
    const { stdout } = await test.cli(['evaluate', '--model', 'penguins-eval', '--dataset', penguinsAgain.id, '--version', '1']);
    expect(stdout).toMatch(/penguins-eval version 1 on ds_\w+ \(all\): \d+ rows/);
  });

  it('refuses what cannot be evaluated at the door, naming the field', async () => {
    const wrongMetric = await failure(
      gateway.startPipeline({ dataset_id: penguins.id, target_column: 'species', model_name: 'penguins-x', evaluation: { thresholds: [{ metric: 'rmse', max: 2 }] } }),
    );
    expect(codeOf(wrongMetric)).toBe(status.INVALID_ARGUMENT);
    expect(wrongMetric).toMatchObject({ field: 'evaluation.thresholds[0].metric' });
    const wrongData = await failure(gateway.evaluateModel({ model_name: 'penguins-eval', dataset_id: cars.id }));
    expect(codeOf(wrongData)).toBe(status.INVALID_ARGUMENT);
    expect(wrongData).toMatchObject({ field: 'dataset_id' });
    expect(wrongData.message).toContain('lacks "species"');
    const noReport = await failure(gateway.getModelReport({ model_name: 'penguins-eval', dataset_id: cars.id }));
    expect(codeOf(noReport)).toBe(status.NOT_FOUND);
  });

  it('shadows the staged version behind production, through the gateway and the CLI, and promotes it once it compares within tolerance', async () => {
    const refusals = [
      [{ candidate_version: 2, tolerance: {} }, status.INVALID_ARGUMENT, 'tolerance'],
      [{ candidate_version: 2, sample_percent: 120, tolerance: { min_agreement: 0.9 } }, status.INVALID_ARGUMENT, 'sample_percent'],
      [{ candidate_version: 3, tolerance: { min_agreement: 0.9 } }, status.FAILED_PRECONDITION, undefined],
    ] as const;
    for (const [request, code, field] of refusals) {
      const refused = await failure(gateway.startShadow({ model_name: 'penguins-eval', ...request }));
      expect(codeOf(refused)).toBe(code);
      if (field) expect(refused).toMatchObject({ field });
    }
    const started = await test.cli(['shadow', 'penguins-eval', '--version', '2', '--sample', '100', '--min-requests', '12', '--min-agreement', '0.75', '--max-latency-ratio', '20']);
    expect(started.stdout).toContain('shadow: version 2 behind production (version 1), 100% of requests: shadowing');
    // Typical birds of each species, which any model past 0.9 accuracy names the same.
    const birds = [
      toRecord({ island: 'Torgersen', beak_length_mm: 39.1, beak_depth_mm: 18.7, flipper_length_mm: 181, body_mass_g: 3750, sex: 'MALE' }),
      toRecord({ island: 'Dream', beak_length_mm: 49.5, beak_depth_mm: 19, flipper_length_mm: 200, body_mass_g: 3800, sex: 'MALE' }),
      toRecord(GENTOO_FIELDS),
    ];
    let shadow = (await gateway.getModel('penguins-eval')).shadow!;
    for (let request = 0; request < 400 && shadow.state === 'SHADOW_STATE_SHADOWING'; request++) {
      await gateway.predict({ model_name: 'penguins-eval', records: { records: birds } });
      if (request % 5 === 4) shadow = (await gateway.getModel('penguins-eval')).shadow!;
    }
    expect(shadow).toMatchObject({ state: 'SHADOW_STATE_PROMOTED', candidate_version: 2, baseline_version: 1, failed_requests: 0 });
    expect(Number(shadow.compared_requests)).toBeGreaterThanOrEqual(12);
    expect(shadow.reason).toMatch(/^answered all \d+ mirrored requests; agreement [\d.]+ >= 0\.75; p50 latency ratio [\d.]+ <= 20$/);
    expect(shadow.candidate_latency!.p50_ms).toBeGreaterThan(0);
    expect((await gateway.getModel('penguins-eval')).aliases).toMatchObject({ production: 2 });
    const { stdout } = await test.cli(['models', 'penguins-eval']);
    expect(stdout).toContain('shadow: version 2 behind production (version 1), 100% of requests: promoted');
    expect(codeOf(await failure(gateway.stopShadow('penguins-eval')))).toBe(status.NOT_FOUND);
  });

  it('serves by number only what the version policy serves, set through the gateway and the CLI', async () => {
    const gentoo = toRecord(GENTOO_FIELDS);
    const byVersion = (version: number) => gateway.predict({ model_name: 'penguins-eval', records: { records: [gentoo] }, version });
    const refused = await failure(gateway.setVersionPolicy({ model_name: 'penguins-eval', policy: { latest: { count: 0 } } }));
    expect(codeOf(refused)).toBe(status.INVALID_ARGUMENT);
    expect(refused).toMatchObject({ field: 'policy.latest.count' });
    expect((await test.cli(['policy', 'penguins-eval', '--versions', '2'])).stdout).toContain('penguins-eval: serves version 2 by number');
    // The inference replica takes the policy up from the registry's announcement.
    let notServed: unknown;
    for (let attempt = 0; attempt < 50 && notServed === undefined; attempt++) {
      try {
        await byVersion(1);
        await new Promise((resolve) => setTimeout(resolve, 100));
      } catch (error) {
        notServed = error;
      }
    }
    expect(codeOf(notServed)).toBe(status.NOT_FOUND);
    expect((notServed as Error).message).toContain("the model's version policy serves version 2 (2)");
    await expect(byVersion(2)).resolves.toMatchObject({ version: 2 });
    expect((await gateway.setVersionPolicy({ model_name: 'penguins-eval', policy: { all: {} } })).version_policy).toMatchObject({ policy: 'all' });
  });

  it('rolls production back to the version before the shadow promotion, and promotes it again, through the CLI', async () => {
    // The shadow deployment above moved production from version 1 to 2.
    expect((await test.cli(['rollback', 'penguins-eval'])).stdout).toBe('penguins-eval: production is version 1\n');
    expect((await gateway.getModel('penguins-eval')).aliases).toMatchObject({ production: 1 });
    expect((await test.cli(['promote', 'penguins-eval', '--version', '2'])).stdout).toBe('penguins-eval: production is version 2\n');
    // Version 3 was rejected by evaluation: it cannot serve.
    const refused = await failure(gateway.setAlias({ model_name: 'penguins-eval', version: 3 }));
    expect(codeOf(refused)).toBe(status.FAILED_PRECONDITION);
    expect(refused.message).toContain('is not blessed');
    expect(codeOf(await failure(gateway.setAlias({ model_name: 'penguins-eval', version: 2, alias: 'not an alias' })))).toBe(status.INVALID_ARGUMENT);
  });
});
