import { credentials, loadPackageDefinition, type ChannelCredentials, type Client, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { PROTO_LOADER_OPTIONS } from './proto-loader';

/** Answers of `grpc.health.v1.Health/Check`. */
export type HealthStatus = 'UNKNOWN' | 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN';

interface RawHealthClient extends Client {
  Check(
    request: { service: string },
    options: { deadline: Date },
    callback: (error: ServiceError | null, response?: { status: HealthStatus }) => void,
  ): void;
}

type HealthClientConstructor = new (address: string, creds: ReturnType<typeof credentials.createInsecure>) => RawHealthClient;

let healthClientClass: HealthClientConstructor | undefined;

/** The generated Health client class, loaded once per process (the result is immutable). */
function loadHealthClientClass(): HealthClientConstructor {
  if (!healthClientClass) {
    const definition = loadSync(healthProtoPath, PROTO_LOADER_OPTIONS);
    const grpcObject = loadPackageDefinition(definition) as unknown as { grpc: { health: { v1: { Health: HealthClientConstructor } } } };
    healthClientClass = grpcObject.grpc.health.v1.Health;
  }
  return healthClientClass;
}

/** Client of the standard gRPC health service every platform server exposes. */
export class HealthClient {
  private readonly raw: RawHealthClient;

  /** Plaintext unless given TLS credentials (`clientTlsCredentials`). */
  constructor(address: string, channelCredentials: ChannelCredentials = credentials.createInsecure()) {
    const Health = loadHealthClientClass();
    this.raw = new Health(address, channelCredentials);
  }

  /** Status of `service` ('' is the whole server); rejects when the server cannot be reached. */
  check(service = '', timeoutMs = 2_000): Promise<HealthStatus> {
    return new Promise((resolve, reject) => {
      this.raw.Check({ service }, { deadline: new Date(Date.now() + timeoutMs) }, (error, response) => {
        if (error) reject(error);
        else resolve(response?.status ?? 'UNKNOWN');
      });
    });
  }

  close(): void {
    this.raw.close();
  }
}
