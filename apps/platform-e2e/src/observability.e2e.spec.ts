import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { penguinsCsv } from '@aiaas/datasets';
import { PLATFORM_SERVICES, type PlatformService } from '@aiaas/launcher';
import type { GatewayClient } from '@aiaas/proto';
import { collect, failure, GENTOO_FIELDS, toRecord, uploadMessages } from './gateway-calls';
import { labelsIn, metricNamesIn, parsePrometheusText, sumOf, TARGET_LABELS, type Sample } from './prometheus-text';
import { startTestPlatform, stopTestPlatform, WORKSPACE_ROOT, type TestPlatform } from './test-platform';

interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly labels: { readonly severity: string };
  readonly annotations: { readonly summary: string; readonly description: string };
}

const alertRules = (): AlertRule[] =>
  (parseYaml(readFileSync(join(WORKSPACE_ROOT, 'k8s/monitoring/alerts.yml'), 'utf8')) as { groups: { rules: AlertRule[] }[] }).groups.flatMap((group) => group.rules);

const dashboardExprs = (): string[] => {
  const dashboard = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'k8s/monitoring/grafana-dashboard.json'), 'utf8')) as { panels: { targets?: { expr: string }[] }[] };
  return dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));
};

/** Series Prometheus makes itself for every target. */
const PROMETHEUS_OWN = new Set(['up']);

describe('observability: every service serves Prometheus metrics', () => {
  let test: TestPlatform;
  let gateway: GatewayClient;
  const scraped = new Map<PlatformService, Sample[]>();

  const metricsUrl = (service: PlatformService) => test.metricsUrl(service);

  beforeAll(async () => {
    test = await startTestPlatform();
    gateway = test.gatewayClient();
    // Work for every service: a pipeline through all four stages, predictions, and a client mistake.
    const dataset = await gateway.uploadDataset(uploadMessages(penguinsCsv(), 'penguins', 16_384));
    const job = await gateway.startPipeline({ dataset_id: dataset.id, target_column: 'species', model_name: 'penguins', training: { epochs: 3 } });
    await collect(gateway, job.id);
    const bird = toRecord(GENTOO_FIELDS);
    for (let call = 0; call < 3; call += 1) await gateway.predict({ model_name: 'penguins', records: { records: [bird, bird] } });
    await failure(gateway.predict({ model_name: 'penguins', records: { records: [toRecord({ body_mass_g: 'heavy' })] } }));
    for (const service of PLATFORM_SERVICES) {
      const response = await fetch(metricsUrl(service));
      expect([service, response.status, response.headers.get('content-type')]).toEqual([service, 200, expect.stringContaining('text/plain')]);
      scraped.set(service, parsePrometheusText(await response.text()));
    }
  }, 120_000);

  afterAll(async () => {
    gateway?.close();
    await stopTestPlatform(test);
  }, 60_000);

  const samples = (service: PlatformService) => scraped.get(service)!;

  it('labels every series with its service, and reports the process', () => {
    for (const service of PLATFORM_SERVICES) {
      expect(samples(service).every((sample) => sample.labels['service'] === service)).toBe(true);
      expect(sumOf(samples(service), 'process_resident_memory_bytes')).toBeGreaterThan(10 * 1024 * 1024);
    }
  });

  it('counts and times every RPC by method and status code', () => {
    const predicts = { grpc_service: 'aiaas.v1.GatewayService', grpc_method: 'Predict', grpc_type: 'unary' };
    expect(sumOf(samples('gateway'), 'grpc_server_handled_total', { ...predicts, grpc_code: 'OK' })).toBe(3);
    expect(sumOf(samples('gateway'), 'grpc_server_handled_total', { ...predicts, grpc_code: 'InvalidArgument' })).toBe(1);
    expect(sumOf(samples('gateway'), 'grpc_server_handling_seconds_count', { ...predicts, grpc_code: 'OK' })).toBe(3);
    expect(sumOf(samples('gateway'), 'grpc_server_started_total', predicts)).toBe(4);
    // The gateway's calls reached inference: three good predictions and one refused there.
    expect(sumOf(samples('inference'), 'grpc_server_handled_total', { grpc_service: 'aiaas.v1.InferenceService', grpc_method: 'Predict', grpc_code: 'OK' })).toBe(3);
    const watches = sumOf(samples('gateway'), 'grpc_server_handled_total', { grpc_method: 'WatchJob', grpc_type: 'server_stream', grpc_code: 'OK' });
    expect(watches).toBe(1);
  });

  it("reports each stage's attempts and queue, the batch sizes, model loads and tensor memory", () => {
    const stages: [PlatformService, string][] = [['preprocessing', 'preprocess'], ['training', 'train'], ['evaluation', 'evaluate'], ['inference', 'deploy']];
    for (const [service, queue] of stages) {
      expect([queue, sumOf(samples(service), 'aiaas_queue_attempt_seconds_count', { queue, outcome: 'completed' })]).toEqual([queue, 1]);
      expect(samples(service).some((sample) => sample.name === 'aiaas_queue_jobs' && sample.labels['queue'] === queue && sample.labels['state'] === 'waiting')).toBe(true);
    }
    const inference = samples('inference');
    // Six rows in three calls, however they were batched, plus nothing from the refused one.
    expect(sumOf(inference, 'aiaas_inference_rows_total')).toBe(6);
    expect(sumOf(inference, 'aiaas_inference_batch_rows_count')).toBeGreaterThanOrEqual(1);
    expect(sumOf(inference, 'aiaas_model_load_seconds_count', { outcome: 'loaded' })).toBeGreaterThanOrEqual(1);
    expect(sumOf(inference, 'aiaas_models_loaded')).toBeGreaterThanOrEqual(1);
    expect(sumOf(inference, 'aiaas_models_resident_bytes')).toBeGreaterThan(0);
    for (const service of ['training', 'evaluation', 'inference'] as const) {
      expect(samples(service).some((sample) => sample.name === 'aiaas_tfjs_tensor_bytes' && sample.labels['backend'] === 'wasm')).toBe(true);
    }
  });

  it('gives the log lines of one pipeline one trace id in every service, with no collector configured', () => {
    const stageLines = test.lines.filter((line) => line.includes('"msg":"stage started"')).map((line) => JSON.parse(line.slice(line.indexOf('{'))) as { service: string; traceId?: string });
    expect(stageLines.map((line) => line.service).sort()).toEqual(['evaluation', 'inference', 'preprocessing', 'training']);
    expect(stageLines[0]!.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(stageLines.map((line) => line.traceId)).size).toBe(1);
  });

  it('answers only GET /metrics', async () => {
    const url = metricsUrl('gateway');
    expect((await fetch(url.replace('/metrics', '/other'))).status).toBe(404);
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
  });

  it('alerts and the Grafana dashboard read only metrics the services export', () => {
    const exported = new Set([...scraped.values()].flat().map((sample) => sample.name));
    const rules = alertRules();
    expect(rules.map((rule) => rule.alert)).toEqual(expect.arrayContaining(['AiaasQueueBacklog', 'AiaasHighErrorRate', 'AiaasStalledJobs', 'AiaasQueueNotDraining']));
    for (const rule of rules) {
      expect([rule.alert, ['critical', 'warning'].includes(rule.labels.severity), rule.annotations.summary.length > 0, rule.annotations.description.length > 0]).toEqual([rule.alert, true, true, true]);
    }
    const exprs = [...rules.map((rule) => rule.expr), ...dashboardExprs()];
    expect(exprs.length).toBeGreaterThan(20);
    expect(new Set(exprs.flatMap(metricNamesIn)).size).toBeGreaterThan(10);
    const unknown = exprs.flatMap((expr) => metricNamesIn(expr).filter((name) => !PROMETHEUS_OWN.has(name) && !exported.has(name)).map((name) => `${name} in ${expr}`));
    expect(unknown).toEqual([]);
    // And every label they match or group by is one those metrics carry.
    const samples = [...scraped.values()].flat();
    const labelsOf = (metric: string) => new Set(samples.filter((sample) => sample.name === metric).flatMap((sample) => Object.keys(sample.labels)));
    const missingLabels = exprs.flatMap((expr) => {
      const { selected, grouped } = labelsIn(expr);
      const metrics = metricNamesIn(expr).filter((name) => !PROMETHEUS_OWN.has(name));
      return [
        ...selected.filter(({ metric, label }) => !PROMETHEUS_OWN.has(metric) && !TARGET_LABELS.has(label) && !labelsOf(metric).has(label)).map(({ metric, label }) => `${metric}{${label}} in ${expr}`),
        ...grouped.filter((label) => !TARGET_LABELS.has(label) && !metrics.some((metric) => labelsOf(metric).has(label))).map((label) => `by (${label}) in ${expr}`),
      ];
    });
    expect(missingLabels).toEqual([]);
  });
});
