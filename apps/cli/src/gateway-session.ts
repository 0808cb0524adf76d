import { GatewayClient } from '@aiaas/proto';

/** Runs `use` with a client of the gateway at `address` sending `apiKey`, closing the client afterwards. */
export async function withGateway<T>(address: string, apiKey: string | undefined, use: (gateway: GatewayClient) => Promise<T>): Promise<T> {
  const gateway = new GatewayClient(address, apiKey ? { apiKey } : {});
  try {
    return await use(gateway);
  } finally {
    gateway.close();
  }
}
