import { GatewayClient } from '@aiaas/proto';

/** Runs `use` with a client of the gateway at `address`, closing the client afterwards. */
export async function withGateway<T>(address: string, use: (gateway: GatewayClient) => Promise<T>): Promise<T> {
  const gateway = new GatewayClient(address);
  try {
    return await use(gateway);
  } finally {
    gateway.close();
  }
}
