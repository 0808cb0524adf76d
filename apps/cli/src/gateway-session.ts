import { clientTlsCredentials, GatewayClient, type ClientOptions } from '@aiaas/proto';
import type { CliConfig } from './config';

/** How the CLI reaches the gateway: the API key it sends, and TLS when AIAAS_TLS_CA is set. */
export function gatewayClientOptions(config: Pick<CliConfig, 'tlsCa' | 'tlsCert' | 'tlsKey'>, apiKey: string | undefined): ClientOptions {
  return {
    ...(apiKey ? { apiKey } : {}),
    ...(config.tlsCa ? { credentials: clientTlsCredentials({ ca: config.tlsCa, cert: config.tlsCert, key: config.tlsKey }) } : {}),
  };
}

/** Runs `use` with a client of the gateway at `address`, closing the client afterwards. */
export async function withGateway<T>(address: string, options: ClientOptions, use: (gateway: GatewayClient) => Promise<T>): Promise<T> {
  const gateway = new GatewayClient(address, options);
  try {
    return await use(gateway);
  } finally {
    gateway.close();
  }
}
