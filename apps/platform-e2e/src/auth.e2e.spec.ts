import { status } from '@grpc/grpc-js';
import { penguinsCsv } from '@aiaas/datasets';
import type { GatewayClient } from '@aiaas/proto';
import { codeOf, failure, GENTOO_FIELDS, toRecord, uploadMessages } from './gateway-calls';
import { startTestPlatform, stopTestPlatform, type TestPlatform } from './test-platform';

/** Drains a stream, for streaming calls that should fail. */
async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _message of stream) {
    // Nothing to do with the messages: only the failure counts.
  }
}

describe('the gateway behind API keys, end to end', () => {
  let test: TestPlatform;
  let admin: GatewayClient;
  const opened: GatewayClient[] = [];
  const client = (key?: string | null) => {
    const gateway = test.gatewayClient(key);
    opened.push(gateway);
    return gateway;
  };

  beforeAll(async () => {
    test = await startTestPlatform();
    admin = client();
  }, 90_000);

  afterAll(async () => {
    for (const gateway of opened) gateway.close();
    await stopTestPlatform(test);
  }, 60_000);

  it('refuses every kind of call without a key, or with one it does not know, as UNAUTHENTICATED', async () => {
    for (const gateway of [client(null), client(`aiaas_${'0'.repeat(12)}_${'x'.repeat(43)}`)]) {
      const refusals = await Promise.all([
        failure(gateway.listModels()),
        failure(gateway.uploadDataset(uploadMessages(penguinsCsv(), 'penguins'))),
        failure(drain(gateway.watchJob('job_000000000000'))),
        failure(drain(gateway.predictStream([{ model_name: 'penguins', records: { records: [toRecord({ island: 'Biscoe' })] } }]))),
      ]);
      expect(refusals.map(codeOf)).toEqual(Array(4).fill(status.UNAUTHENTICATED));
    }
  });

  it('issues keys with roles through the CLI, and holds each key to its roles', async () => {
    const { stdout } = await test.cli(['keys', 'create', '--name', 'dashboards', '--roles', 'predictor', '--tenant', 'acme']);
    const predictorKey = stdout.trim();
    expect(predictorKey).toMatch(/^aiaas_[0-9a-f]{12}_/);
    expect((await test.cli(['keys', 'list', '--tenant', 'acme'])).stdout).toMatch(/^[0-9a-f]{12} {2}acme {2}predictor {2}dashboards\n$/);

    const predictor = client(predictorKey);
    await expect(predictor.listModels()).resolves.toEqual([]);
    const denied = await failure(predictor.startPipeline({ dataset_id: 'ds_000000000000', target_column: 'species', model_name: 'penguins' }));
    expect(codeOf(denied)).toBe(status.PERMISSION_DENIED);
    expect(denied.message).toMatch(/^StartPipeline needs the trainer role; key [0-9a-f]{12} has predictor$/);
    expect(codeOf(await failure(predictor.createApiKey({ name: 'escalation', roles: ['ROLE_ADMIN'] })))).toBe(status.PERMISSION_DENIED);

    // Revoked, the key stops working once the gateway's cache of it expires (API_KEY_CACHE, 200 ms here).
    const keyId = predictorKey.split('_')[1]!;
    expect((await admin.revokeApiKey(keyId)).revoked_at).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const revoked = await failure(predictor.listModels());
    expect(codeOf(revoked)).toBe(status.UNAUTHENTICATED);
    expect(revoked.message).toBe(`the API key ${keyId} was revoked`);
  });

  it("keeps each tenant's datasets, jobs and models from every other tenant, through every RPC that names one", async () => {
    const keyFor = async (tenant: string) => (await admin.createApiKey({ tenant, name: `${tenant} team`, roles: ['ROLE_TRAINER', 'ROLE_PREDICTOR'] })).key;
    const acmeKey = await keyFor('acme');
    const globexKey = await keyFor('globex');
    const acme = client(acmeKey);
    const globex = client(globexKey);
    const dataset = await acme.uploadDataset(uploadMessages(penguinsCsv(), 'penguins', 16_384));
    const job = await acme.startPipeline({ dataset_id: dataset.id, target_column: 'species', model_name: 'penguins-a', min_accuracy: 0.5, training: { epochs: 3 } });
    await drain(acme.watchJob(job.id));
    expect((await acme.getModel('penguins-a')).aliases).toEqual({ production: 1 });
    const bird = toRecord(GENTOO_FIELDS);
    const model = 'penguins-a';

    const attempts: Record<string, (gateway: GatewayClient) => Promise<unknown>> = {
      GetDataset: (gateway) => gateway.getDataset(dataset.id),
      PreviewDataset: (gateway) => gateway.previewDataset({ dataset_id: dataset.id }),
      GetDatasetStats: (gateway) => gateway.getDatasetStats(dataset.id),
      StartPipeline: (gateway) => gateway.startPipeline({ dataset_id: dataset.id, target_column: 'species', model_name: 'globex-penguins' }),
      GetJob: (gateway) => gateway.getJob(job.id),
      CancelJob: (gateway) => gateway.cancelJob(job.id),
      WatchJob: (gateway) => drain(gateway.watchJob(job.id)),
      GetModel: (gateway) => gateway.getModel(model),
      SetTrafficSplit: (gateway) => gateway.setTrafficSplit({ model_name: model, canary_percent: 0 }),
      StartShadow: (gateway) => gateway.startShadow({ model_name: model, candidate_version: 1, tolerance: { min_agreement: 0.5 } }),
      StopShadow: (gateway) => gateway.stopShadow(model),
      SetVersionPolicy: (gateway) => gateway.setVersionPolicy({ model_name: model, policy: { all: {} } }),
      Predict: (gateway) => gateway.predict({ model_name: model, records: { records: [bird] } }),
      PredictStream: (gateway) => drain(gateway.predictStream([{ model_name: model, records: { records: [bird] } }])),
      TransformRecords: (gateway) => gateway.transformRecords({ model_name: model, records: { records: [bird] } }),
      Recommend: (gateway) => gateway.recommend({ model_name: model, user: '1', k: 1 }),
      ExportModel: (gateway) => gateway.exportModel({ model_name: model }),
      EvaluateModel: (gateway) => gateway.evaluateModel({ model_name: model, dataset_id: dataset.id }),
      GetModelReport: (gateway) => gateway.getModelReport({ model_name: model }),
    };
    // The other tenant, and the default tenant's admin, are told none of it exists.
    for (const outsider of [globex, admin]) {
      for (const [method, attempt] of Object.entries(attempts)) {
        const refused = await failure(attempt(outsider));
        expect([method, codeOf(refused)]).toEqual([method, status.NOT_FOUND]);
        // Worded as for a resource that does not exist: never the tenant that owns it.
        expect(refused.message).not.toMatch(/acme|tenant/);
      }
      expect(await outsider.listModels()).toEqual([]);
    }
    // A model name is one namespace: another tenant may not train under a taken one.
    const own = await globex.uploadDataset(uploadMessages(penguinsCsv(), 'penguins', 16_384));
    const taken = await failure(globex.startPipeline({ dataset_id: own.id, target_column: 'species', model_name: model }));
    expect(codeOf(taken)).toBe(status.ALREADY_EXISTS);
    // Lists show each tenant its own, newest first.
    expect((await acme.listDatasets()).map((each) => each.id)).toEqual([dataset.id]);
    expect((await acme.listJobs()).map((each) => [each.id, each.state])).toEqual([[job.id, 'JOB_STATE_SUCCEEDED']]);
    expect((await globex.listDatasets()).map((each) => each.id)).toEqual([own.id]);
    expect(await globex.listJobs()).toEqual([]);
    expect((await test.cli(['jobs'])).stdout).toBe('no jobs yet; start one with `aiaas train`\n');
    // The owner still reads and serves all of it.
    expect((await acme.listModels()).map((each) => each.name)).toEqual([model]);
    await expect(acme.getDataset(dataset.id)).resolves.toMatchObject({ id: dataset.id });
    await expect(acme.predict({ model_name: model, records: { records: [bird] } })).resolves.toMatchObject({ version: 1 });

    // The HTTP/JSON form holds to the same keys, roles and tenants.
    const http = test.gatewayHttpUrl();
    const post = (key: string | undefined, body: unknown) =>
      fetch(`${http}/v1/models/${model}/predict`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify(body) });
    const birdJson = GENTOO_FIELDS;
    const answered = await post(acmeKey, { records: [birdJson] });
    expect(answered.status).toBe(200);
    const prediction = (await answered.json()) as { version: number; class_labels: string[]; probabilities: number[][]; predicted_labels: string[] };
    expect(prediction).toMatchObject({ version: 1, class_labels: ['Adelie', 'Chinstrap', 'Gentoo'] });
    expect(prediction.probabilities[0]!.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 5);
    expect([(await post(undefined, { records: [birdJson] })).status, (await post(globexKey, { records: [birdJson] })).status]).toEqual([401, 404]);
    const badRecord = await post(acmeKey, { records: [{ island: ['Biscoe'] }] });
    expect([badRecord.status, await badRecord.json()]).toEqual([400, { error: 'invalid records[0].island: must be a number, string, boolean or null, got an array', field: 'records[0].island' }]);
    const jobJson = (await (await fetch(`${http}/v1/jobs/${job.id}`, { headers: { authorization: `Bearer ${acmeKey}` } })).json()) as { state: string; created_at: string };
    expect(jobJson.state).toBe('JOB_STATE_SUCCEEDED');
    expect(new Date(jobJson.created_at).getTime()).toBeGreaterThan(0);
    expect(await (await fetch(`${http}/v1/health`)).json()).toEqual({ status: 'SERVING' });
    const listed = (await (await fetch(`${http}/v1/datasets`, { headers: { authorization: `Bearer ${acmeKey}` } })).json()) as { datasets: { id: string }[] };
    expect(listed.datasets.map((each) => each.id)).toEqual([dataset.id]);
    expect((await fetch(`${http}/v1/nothing`, { headers: { authorization: `Bearer ${acmeKey}` } })).status).toBe(404);
  });
});
