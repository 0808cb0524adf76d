import { readFileSync } from 'node:fs';
import { credentials, type ChannelCredentials } from '@grpc/grpc-js';

/** PEM files of a TLS client: the CA that signs the servers, and for mutual TLS its own certificate and key. */
export interface ClientTlsFiles {
  readonly ca: string;
  readonly cert?: string | undefined;
  readonly key?: string | undefined;
}

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`cannot read the ${what} at ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** TLS channel credentials from PEM files; throws naming a file that cannot be read, or a certificate without its key. */
export function clientTlsCredentials(files: ClientTlsFiles): ChannelCredentials {
  if ((files.cert === undefined) !== (files.key === undefined)) throw new Error('a client certificate needs its key, and a key its certificate: set both or neither');
  return credentials.createSsl(
    readPem(files.ca, 'CA certificate'),
    files.key === undefined ? null : readPem(files.key, 'client key'),
    files.cert === undefined ? null : readPem(files.cert, 'client certificate'),
  );
}
