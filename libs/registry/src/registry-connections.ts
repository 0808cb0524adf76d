import type { Redis } from 'ioredis';
import { createRedisConnection } from './redis-connection';
import { createRegistry, type Registry } from './registry';

/** A service's Redis connections and the registry on top of them. */
export interface RegistryConnections {
  readonly registry: Registry;
  /** The shared connection for ordinary commands. */
  readonly redis: Redis;
  /** Opens another connection for a BullMQ worker or a blocking read; closed by `close`. */
  openWorkerConnection(): Redis;
  /** Closes every connection opened here. */
  close(): void;
}

/** Connects to Redis the way every service does and builds the registry. */
export function connectRegistry(options: { readonly redisUrl: string; readonly prefix: string }): RegistryConnections {
  const opened = new Set<Redis>();
  const open = (role: 'command' | 'worker') => {
    const connection = createRedisConnection(options.redisUrl, role);
    opened.add(connection);
    connection.once('end', () => opened.delete(connection));
    return connection;
  };
  const redis = open('command');
  return {
    registry: createRegistry({ redis, prefix: options.prefix, openBlockingConnection: () => open('worker') }),
    redis,
    openWorkerConnection: () => open('worker'),
    close: () => {
      for (const connection of opened) connection.disconnect();
      opened.clear();
    },
  };
}
