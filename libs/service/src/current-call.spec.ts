import { silentLogger } from '@aiaas/observability';
import { GatewayClient, InferenceClient, loadAiaasProtos, type PredictRequest__Output } from '@aiaas/proto';
import { currentCallDeadline } from './current-call';
import { HandlerFactory } from './handlers';
import { PlatformServer } from './platform-server';

describe('deadline propagation', () => {
  it("cuts a downstream call's deadline to that of the call being served", async () => {
    const protos = loadAiaasProtos();
    const handlers = new HandlerFactory(silentLogger);
    const seen: number[] = [];
    const downstream = await PlatformServer.start({
      host: '127.0.0.1',
      port: 0,
      services: [
        {
          name: 'aiaas.v1.InferenceService',
          definition: protos.grpc.aiaas.v1.InferenceService.service,
          implementation: {
            Predict: handlers.unary('Predict', async (request: PredictRequest__Output, call) => {
              const deadline = call.getDeadline();
              seen.push(deadline instanceof Date ? deadline.getTime() : deadline);
              return { model_name: request.model_name, version: 1 };
            }),
          } as never,
        },
      ],
      packageDefinition: protos.packageDefinition,
      logger: silentLogger,
    });
    // Its own policy would give a downstream call a minute.
    const inference = new InferenceClient(`127.0.0.1:${downstream.port}`, { policy: { deadlineMs: 60_000, maxAttempts: 1 }, deadline: currentCallDeadline });
    const upstream = await PlatformServer.start({
      host: '127.0.0.1',
      port: 0,
      services: [
        {
          name: 'aiaas.v1.GatewayService',
          definition: protos.grpc.aiaas.v1.GatewayService.service,
          implementation: {
            Predict: handlers.unary('Predict', (request: PredictRequest__Output) => inference.predict(request)),
          } as never,
        },
      ],
      packageDefinition: protos.packageDefinition,
      logger: silentLogger,
    });
    const gateway = new GatewayClient(`127.0.0.1:${upstream.port}`, { policy: { deadlineMs: 5_000, maxAttempts: 1 } });
    try {
      const before = Date.now();
      await gateway.predict({ model_name: 'm' });
      expect(seen).toHaveLength(1);
      // The outer call's 5 s, not the downstream client's 60 s (grpc-js rounds deadlines to the millisecond and over the wire).
      expect(seen[0]!).toBeLessThanOrEqual(Date.now() + 5_000);
      expect(seen[0]!).toBeGreaterThan(before);
      expect(seen[0]!).toBeLessThan(before + 30_000);
    } finally {
      gateway.close();
      inference.close();
      await upstream.shutdown(100);
      await downstream.shutdown(100);
    }
  });
});
