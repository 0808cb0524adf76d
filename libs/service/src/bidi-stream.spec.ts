import { NotFoundError } from '@aiaas/errors';
import { silentLogger } from '@aiaas/observability';
import { InferenceClient, loadAiaasProtos, type PredictRequest__Output } from '@aiaas/proto';
import { HandlerFactory } from './handlers';
import { PlatformServer } from './platform-server';

describe('HandlerFactory.bidiStream', () => {
  it('answers every message of a bidirectional stream in order and ends the call once the client has', async () => {
    const protos = loadAiaasProtos();
    const handlers = new HandlerFactory(silentLogger);
    const server = await PlatformServer.start({
      host: '127.0.0.1',
      port: 0,
      services: [
        {
          name: 'aiaas.v1.InferenceService',
          definition: protos.grpc.aiaas.v1.InferenceService.service,
          implementation: {
            PredictStream: handlers.bidiStream('PredictStream', async function* (requests: AsyncIterable<PredictRequest__Output>) {
              let version = 0;
              for await (const request of requests) {
                if (request.model_name === 'bad') throw new Error('boom');
                yield { model_name: request.model_name, version: ++version };
              }
            }),
          } as never,
        },
      ],
      packageDefinition: protos.packageDefinition,
      logger: silentLogger,
    });
    const client = new InferenceClient(`127.0.0.1:${server.port}`);
    try {
      const answers = [];
      for await (const answer of client.predictStream(['a', 'b', 'c'].map((name) => ({ model_name: name })))) answers.push([answer.model_name, answer.version]);
      expect(answers).toEqual([
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]);
      // An error ends the stream with a status (INTERNAL, with only a reference, for a bug).
      const failing = async () => {
        for await (const _answer of client.predictStream([{ model_name: 'ok' }, { model_name: 'bad' }])) void _answer;
      };
      await expect(failing()).rejects.toThrow();
      // A request source that fails cancels the call; the caller sees the source's error, not the cancellation.
      async function* refusing() {
        yield { model_name: 'ok' };
        throw NotFoundError.of('model', 'elsewhere');
      }
      const fromSource = async () => {
        for await (const _answer of client.predictStream(refusing())) void _answer;
      };
      await expect(fromSource()).rejects.toThrow(NotFoundError.of('model', 'elsewhere'));
    } finally {
      client.close();
      await server.shutdown(100);
    }
  });
});
