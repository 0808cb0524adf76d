import type { ServiceDefinition } from '@grpc/grpc-js';
import { InvalidArgumentError } from '@aiaas/errors';

/**
 * What a request that could not be decoded becomes. grpc-js answers INTERNAL when a
 * deserializer throws, a server error for what is the client's mistake; so deserializers hand
 * this over instead, and handlers answer INVALID_ARGUMENT.
 */
export class UndecodableRequest {
  constructor(
    readonly method: string,
    readonly reason: string,
  ) {}

  toError(): InvalidArgumentError {
    return new InvalidArgumentError('request', `is not a valid message for ${this.method}: ${this.reason}`);
  }
}

/** The definition with each method's request deserializer made to return UndecodableRequest rather than throw. */
export function withTolerantDeserializers(definition: ServiceDefinition): ServiceDefinition {
  return Object.fromEntries(
    Object.entries(definition).map(([name, method]) => [
      name,
      {
        ...method,
        requestDeserialize: (bytes: Buffer) => {
          try {
            return method.requestDeserialize(bytes);
          } catch (error) {
            return new UndecodableRequest(method.path, error instanceof Error ? error.message : String(error));
          }
        },
      },
    ]),
  ) as ServiceDefinition;
}

/** Throws the INVALID_ARGUMENT of a request that could not be decoded. */
export function checkDecoded<T>(request: T): T {
  if (request instanceof UndecodableRequest) throw request.toError();
  return request;
}

/** The stream's messages, throwing INVALID_ARGUMENT at the first one that could not be decoded. */
export async function* decodedOnly<T>(messages: AsyncIterable<T>): AsyncGenerator<T> {
  for await (const message of messages) yield checkDecoded(message);
}
