import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { penguinsCsv } from '@aiaas/datasets';
import { collect, GENTOO_FIELDS, toRecord, uploadMessages } from './gateway-calls';
import { startTestPlatform, stopTestPlatform, type TestPlatform } from './test-platform';

/** A span as this test reads it from OTLP/HTTP JSON. */
interface ReceivedSpan {
  readonly service: string;
  readonly name: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
}

interface OtlpValue {
  readonly stringValue?: string;
  readonly intValue?: number | string;
  readonly boolValue?: boolean;
  readonly doubleValue?: number;
}
interface OtlpAttribute {
  readonly key: string;
  readonly value: OtlpValue;
}
interface OtlpExport {
  readonly resourceSpans: { resource: { attributes: OtlpAttribute[] }; scopeSpans: { spans: { name: string; traceId: string; spanId: string; parentSpanId?: string; attributes?: OtlpAttribute[] }[] }[] }[];
}

const valueOf = (value: OtlpValue) => value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : undefined) ?? value.boolValue ?? value.doubleValue ?? '';
const attributesOf = (attributes: readonly OtlpAttribute[] = []) => Object.fromEntries(attributes.map(({ key, value }) => [key, valueOf(value)]));

/** An OpenTelemetry collector's OTLP/HTTP traces receiver, in miniature: keeps every span posted to /v1/traces. */
async function startReceiver(): Promise<{ readonly url: string; readonly spans: ReceivedSpan[]; close(): Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url !== '/v1/traces' || !request.headers['content-type']?.startsWith('application/json')) {
        response.writeHead(415).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
      for (const { resource, scopeSpans } of body.resourceSpans) {
        const service = String(attributesOf(resource.attributes)['service.name']);
        for (const span of scopeSpans.flatMap((scope) => scope.spans)) {
          spans.push({ service, name: span.name, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId ?? '', attributes: attributesOf(span.attributes) });
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('tracing: one pipeline is one trace, across gRPC and the queues', () => {
  let test: TestPlatform | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await stopTestPlatform(test);
    await receiver.close();
  }, 60_000);

  it('joins the gateway call, every stage on its worker and the inference call into traces the services export', async () => {
    test = await startTestPlatform({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
    const gateway = test.gatewayClient();
    const dataset = await gateway.uploadDataset(uploadMessages(penguinsCsv(), 'penguins', 16_384));
    const job = await gateway.startPipeline({ dataset_id: dataset.id, target_column: 'species', model_name: 'penguins', training: { epochs: 2 } });
    await collect(gateway, job.id);
    await gateway.predict({ model_name: 'penguins', records: { records: [toRecord(GENTOO_FIELDS)] } });
    gateway.close();
    const lines = test.lines;
    // Stopping flushes every service's buffered spans.
    await stopTestPlatform(test);
    test = undefined;
    const { spans } = receiver;

    const [start, ...extraStarts] = spans.filter((span) => span.service === 'gateway' && span.name === 'aiaas.v1.GatewayService/StartPipeline');
    expect([start, extraStarts]).toEqual([expect.objectContaining({ parentSpanId: '' }), []]);
    const stages = spans.filter((span) => span.name.startsWith('stage ') && span.attributes['aiaas.job_id'] === job.id);
    expect(stages.map((span) => [span.service, span.name]).sort()).toEqual([
      ['evaluation', 'stage evaluate'],
      ['inference', 'stage deploy'],
      ['preprocessing', 'stage preprocess'],
      ['training', 'stage train'],
    ]);
    // Every stage is a child of the call that started the pipeline, in its trace.
    for (const stage of stages) expect([stage.name, stage.traceId, stage.parentSpanId]).toEqual([stage.name, start!.traceId, start!.spanId]);

    // Predict: the gateway's server span, its client call to inference, and inference's server span.
    const predict = spans.find((span) => span.service === 'gateway' && span.name === 'aiaas.v1.GatewayService/Predict')!;
    const call = spans.find((span) => span.service === 'gateway' && span.name === 'aiaas.v1.InferenceService/Predict')!;
    const served = spans.find((span) => span.service === 'inference' && span.name === 'aiaas.v1.InferenceService/Predict')!;
    expect([call.traceId, call.parentSpanId]).toEqual([predict.traceId, predict.spanId]);
    expect([served.traceId, served.parentSpanId]).toEqual([predict.traceId, call.spanId]);
    expect(predict.traceId).not.toBe(start!.traceId);
    expect(served.attributes).toMatchObject({ 'rpc.system': 'grpc', 'rpc.service': 'aiaas.v1.InferenceService', 'rpc.method': 'Predict' });

    // Log lines written inside a stage carry its trace, so logs and traces meet.
    const stageLogs = lines.filter((line) => line.includes('"msg":"stage started"') && line.includes(job.id));
    expect(stageLogs).toHaveLength(4);
    for (const line of stageLogs) expect(JSON.parse(line.slice(line.indexOf('{'))) as { traceId?: string }).toMatchObject({ traceId: start!.traceId });
  });
});
