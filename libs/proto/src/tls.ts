import { readFileSync } from 'node:fs';
import { credentials, type ChannelCredentials } from '@grpc/grpc-js';

/** PEM files of a TLS client: the CA that signs the servers, and for mutual TLS its own certificate and key. */
export interface ClientTlsFiles {
  readonly ca: string;
  readonly cert?: string | undefined;
  readonly key?: string | undefined;
}

/** A PEM file's bytes; throws naming `label` (the setting or what the file is) and the path when it cannot be read. */
export function readPemFile(path: string, label: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`${label}: cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** TLS channel credentials from PEM files; throws naming a file that cannot be read, or a certificate without its key. */
export function clientTlsCredentials(files: ClientTlsFiles): ChannelCredentials {
  if ((files.cert === undefined) !== (files.key === undefined)) throw new Error('a client certificate needs its key, and a key its certificate: set both or neither');
  return credentials.createSsl(
    readPemFile(files.ca, 'CA certificate'),
    files.key === undefined ? null : readPemFile(files.key, 'client key'),
    files.cert === undefined ? null : readPemFile(files.cert, 'client certificate'),
  );
}
