import { Client, credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as protobuf from 'protobufjs';
import { createSeededRandom } from '@aiaas/data';
import { PROTO_ROOT } from '@aiaas/proto';
import { startTestPlatform, stopTestPlatform, type TestPlatform } from './test-platform';

/** Messages per method per round; three rounds, the first a warm-up for the memory check. */
const MESSAGES_PER_METHOD = 24;
const ROUNDS = 3;
const SEED = 20261129;
/** The gateway's resident memory may grow this much over the measured rounds, no more. */
const MAX_RSS_GROWTH_BYTES = 64 * 1024 * 1024;

/** Values that break naive code: empty, huge, odd characters, paths, ids of the wrong shape. */
const STRINGS = ['', ' ', 'penguins', 'ds_000000000000', 'job_000000000000', 'x'.repeat(5_000), '../../etc/passwd', 'file:/etc/passwd', 'sha256:00', '\u0000\uffff😀', 'production', '%s%n', '<script>'];
const NUMBERS = [0, 1, -1, 0.5, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31 - 1, 2 ** 32 - 1, 2 ** 53];
const INTEGERS = [0, 1, -1, 7, 2 ** 31 - 1, -(2 ** 31), 2 ** 32 - 1, 2 ** 53 - 1];

class MessageFuzzer {
  constructor(private readonly random: () => number) {}

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)]!;
  }

  private scalar(field: protobuf.Field, depth: number): unknown {
    const type = field.resolvedType;
    if (type instanceof protobuf.Type) return depth < 4 ? this.message(type, depth + 1) : {};
    if (type instanceof protobuf.Enum) return this.random() < 0.8 ? this.pick(Object.values(type.values)) : this.pick(INTEGERS);
    switch (field.type) {
      case 'string':
        return this.pick(STRINGS);
      case 'bytes':
        return Buffer.from(Array.from({ length: Math.floor(this.random() * 600) }, () => Math.floor(this.random() * 256)));
      case 'bool':
        return this.random() < 0.5;
      case 'double':
      case 'float':
        return this.pick(NUMBERS);
      default:
        return this.pick(INTEGERS);
    }
  }

  /** A message of `type` with a random subset of its fields (at most one of each oneof) set to random values. */
  message(type: protobuf.Type, depth = 0): Record<string, unknown> {
    const message: Record<string, unknown> = {};
    const oneofChosen = new Set<string>();
    for (const field of type.fieldsArray) {
      if (this.random() < 0.4) continue;
      if (field.partOf) {
        if (oneofChosen.has(field.partOf.name)) continue;
        oneofChosen.add(field.partOf.name);
      }
      if (field instanceof protobuf.MapField) {
        message[field.name] = Object.fromEntries(Array.from({ length: Math.floor(this.random() * 3) }, () => [this.pick(STRINGS.slice(0, 6)), this.scalar(field, depth)]));
      } else if (field.repeated) {
        message[field.name] = Array.from({ length: Math.floor(this.random() * 4) }, () => this.scalar(field, depth));
      } else {
        message[field.name] = this.scalar(field, depth);
      }
    }
    return message;
  }

  /** Bytes to send as a request of `type`: a random message, a truncated one, or noise. */
  bytes(type: protobuf.Type): Buffer {
    const encoded = Buffer.from(type.encode(type.fromObject(this.message(type))).finish());
    const roll = this.random();
    if (roll < 0.7) return encoded;
    if (roll < 0.85) return encoded.subarray(0, Math.floor(this.random() * encoded.length));
    return Buffer.from(Array.from({ length: Math.floor(this.random() * 200) }, () => Math.floor(this.random() * 256)));
  }
}

const identity = (bytes: Buffer) => bytes;

describe('the gateway under fuzzed requests', () => {
  let test: TestPlatform;
  let client: Client;
  let methods: protobuf.Method[];

  beforeAll(async () => {
    test = await startTestPlatform();
    client = new Client(test.platform.gatewayAddress, credentials.createInsecure());
    const root = new protobuf.Root();
    // The google/protobuf imports come with protobufjs.
    root.resolvePath = (_origin, target) => (target.startsWith('google/protobuf/') ? target : join(PROTO_ROOT, target.startsWith(PROTO_ROOT) ? target.slice(PROTO_ROOT.length + 1) : target));
    root.loadSync('aiaas/v1/gateway.proto', { keepCase: true });
    root.resolveAll();
    methods = root.lookupService('aiaas.v1.GatewayService').methodsArray;
  }, 90_000);

  afterAll(async () => {
    client?.close();
    await stopTestPlatform(test);
  }, 60_000);

  /** Sends `messages` to `method` in the shape it takes; resolves the call's status code. */
  function call(method: protobuf.Method, messages: Buffer[]): Promise<{ code: status; details: string }> {
    const path = `/aiaas.v1.GatewayService/${method.name}`;
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${test.apiKey}`);
    const options = { deadline: new Date(Date.now() + 10_000) };
    return new Promise((resolve) => {
      const done = (error: ServiceError | null) => resolve({ code: error?.code ?? status.OK, details: error?.details ?? '' });
      if (!method.requestStream && !method.responseStream) {
        client.makeUnaryRequest(path, identity, identity, messages[0]!, metadata, options, done);
      } else if (method.requestStream && !method.responseStream) {
        const stream = client.makeClientStreamRequest(path, identity, identity, metadata, options, done);
        for (const message of messages) stream.write(message);
        stream.end();
      } else {
        const stream = method.requestStream
          ? client.makeBidiStreamRequest(path, identity, identity, metadata, options)
          : client.makeServerStreamRequest(path, identity, identity, messages[0]!, metadata, options);
        stream.on('data', () => undefined);
        stream.on('status', (outcome: { code: status; details: string }) => resolve({ code: outcome.code, details: outcome.details }));
        stream.on('error', () => undefined);
        if (method.requestStream) {
          const writable = stream as unknown as { write(message: Buffer): void; end(): void };
          for (const message of messages) writable.write(message);
          writable.end();
        }
      }
    });
  }

  const gatewayRss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${test.platform.service('gateway').pid}/status`, 'utf8'))![1]) * 1024;

  it('answers every malformed or random request with a status for the client’s mistake: no INTERNAL, no UNKNOWN, no crash, bounded memory', async () => {
    // Seeded, so a failure can be replayed.
    const fuzzer = new MessageFuzzer(createSeededRandom(SEED));
    const failures: string[] = [];
    const codes = new Map<string, number>();
    let rssAfterWarmUp = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const method of methods) {
        const type = method.resolvedRequestType!;
        for (let attempt = 0; attempt < MESSAGES_PER_METHOD; attempt++) {
          const messages = Array.from({ length: method.requestStream ? 1 + Math.floor(attempt % 3) : 1 }, () => fuzzer.bytes(type));
          const { code, details } = await call(method, messages);
          codes.set(status[code]!, (codes.get(status[code]!) ?? 0) + 1);
          if (code === status.INTERNAL || code === status.UNKNOWN) failures.push(`${method.name} (round ${round}, attempt ${attempt}): ${status[code]} ${details}`);
        }
      }
      if (round === 0) rssAfterWarmUp = gatewayRss();
    }
    expect(failures).toEqual([]);
    // Client mistakes dominate; a few random requests are valid and succeed.
    expect((codes.get('INVALID_ARGUMENT') ?? 0) + (codes.get('NOT_FOUND') ?? 0)).toBeGreaterThan(methods.length * MESSAGES_PER_METHOD);
    expect(test.platform.services.every((service) => service.running)).toBe(true);
    expect(gatewayRss() - rssAfterWarmUp).toBeLessThan(MAX_RSS_GROWTH_BYTES);
  }, 240_000);
});
