import { Server, ServerCredentials, status } from '@grpc/grpc-js';
import { NotFoundError } from '@aiaas/errors';
import { GatewayClient } from './clients';
import { loadAiaasProtos } from './proto-loader';
import type { GatewayServiceHandlers } from './generated/aiaas/v1/GatewayService';
import type { UploadDatasetRequest__Output } from './generated/aiaas/v1/UploadDatasetRequest';

// A real gRPC server on a loopback port, implementing just enough of the gateway API to check
// what the typed client does on the wire.
describe('GatewayClient against a real gRPC server', () => {
  let server: Server;
  let client: GatewayClient;

  beforeAll(async () => {
    server = new Server();
    const handlers: Pick<GatewayServiceHandlers, 'UploadDataset' | 'GetDataset'> = {
      UploadDataset: (call, callback) => {
        let name = '';
        let bytes = 0;
        call.on('data', (message: UploadDatasetRequest__Output) => {
          // An upload named "reject-early" is refused at once, as a server does on a bad line
          // near the start of a file.
          if (message.header?.name === 'reject-early') callback({ code: status.INVALID_ARGUMENT, details: 'invalid file: line 2: bad' });
          if (message.header) name = message.header.name;
          if (message.chunk) bytes += message.chunk.length;
        });
        call.on('end', () => callback(null, { id: 'ds_1', name, size_bytes: bytes }));
      },
      GetDataset: (_call, callback) => callback({ code: status.NOT_FOUND, details: 'dataset "nope" not found' }),
    };

    server.addService(loadAiaasProtos().grpc.aiaas.v1.GatewayService.service, handlers);
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    client = new GatewayClient(`127.0.0.1:${port}`);
  });

  afterAll(() => {
    client.close();
    server.forceShutdown();
  });

  it('streams an upload from an async iterable, header first', async () => {
    async function* messages(): AsyncGenerator<{ header: { name: string } } | { chunk: Buffer }> {
      yield { header: { name: 'penguins' } };
      for (let i = 0; i < 100; i++) yield { chunk: Buffer.alloc(10_000, 65) };
    }
    const dataset = await client.uploadDataset(messages());
    expect(dataset).toMatchObject({ id: 'ds_1', name: 'penguins', size_bytes: 1_000_000 });
  });

  it('stops reading the source once the server has answered', async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<{ header: { name: string } } | { chunk: Buffer }> {
      yield { header: { name: 'reject-early' } };
      for (;;) {
        pulled += 1;
        yield { chunk: Buffer.alloc(1_000, 65) };
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    await expect(client.uploadDataset(endless())).rejects.toThrow('invalid file: line 2: bad');
    const afterAnswer = pulled;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pulled - afterAnswer).toBeLessThanOrEqual(1);
  });

  it('cancels the upload and rethrows when the source fails', async () => {
    async function* messages(): AsyncGenerator<{ header: { name: string } }> {
      yield { header: { name: 'broken' } };
      throw new Error('disk read failed');
    }
    await expect(client.uploadDataset(messages())).rejects.toThrow('disk read failed');
  });

  it('turns NOT_FOUND into a NotFoundError carrying the server message', async () => {
    const failure = client.getDataset('nope');
    await expect(failure).rejects.toBeInstanceOf(NotFoundError);
    await expect(failure).rejects.toThrow('dataset "nope" not found');
  });

  it('reports UNIMPLEMENTED methods as errors rather than hanging', async () => {
    await expect(client.getJob('job_1')).rejects.toThrow(/does not implement the method GetJob/);
  });
});
