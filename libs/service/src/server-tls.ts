import { ServerCredentials } from '@grpc/grpc-js';
import { readPemFile } from '@aiaas/proto';

/** A service's TLS settings, as `tlsEnv` reads them (paths of PEM files). */
export interface TlsSettings {
  readonly tlsCert: string | undefined;
  readonly tlsKey: string | undefined;
  readonly tlsCa: string | undefined;
  readonly tlsClientAuth: 'none' | 'require';
}

/** How a server is reached: `plaintext`, `tls`, or `mtls` (clients present certificates). */
export type TransportSecurity = 'plaintext' | 'tls' | 'mtls';

/** The server credentials the settings ask for; throws naming the variable that is missing or unreadable. */
export function serverCredentialsFrom(settings: TlsSettings): { readonly credentials: ServerCredentials; readonly security: TransportSecurity } {
  const { tlsCert, tlsKey, tlsCa, tlsClientAuth } = settings;
  if (tlsCert === undefined && tlsKey === undefined) {
    if (tlsClientAuth === 'require') throw new Error('TLS_CLIENT_AUTH=require needs TLS_CERT and TLS_KEY: mutual TLS is TLS first');
    return { credentials: ServerCredentials.createInsecure(), security: 'plaintext' };
  }
  if (tlsCert === undefined || tlsKey === undefined) throw new Error('TLS_CERT and TLS_KEY go together: set both for TLS, or neither');
  if (tlsClientAuth === 'require' && tlsCa === undefined) throw new Error('TLS_CLIENT_AUTH=require needs TLS_CA: the CA whose client certificates are accepted');
  const requireClients = tlsClientAuth === 'require';
  return {
    credentials: ServerCredentials.createSsl(requireClients ? readPemFile(tlsCa!, 'TLS_CA') : null, [{ cert_chain: readPemFile(tlsCert, 'TLS_CERT'), private_key: readPemFile(tlsKey, 'TLS_KEY') }], requireClients),
    security: requireClients ? 'mtls' : 'tls',
  };
}
