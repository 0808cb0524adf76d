import { address, defineEnv, text, url } from '@aiaas/config';

/** Environment the CLI reads; flags override it. */
export const cliEnv = defineEnv({
  gateway: address({ env: 'AIAAS_GATEWAY', doc: 'host:port of the gateway the CLI talks to.', default: '127.0.0.1:50051' }),
  redisUrl: url({ env: 'REDIS_URL', doc: '`aiaas up`: the Redis to use; started locally when none answers there.', default: 'redis://127.0.0.1:6379', protocols: ['redis:', 'rediss:'] }),
  dataDir: text({ env: 'AIAAS_DATA_DIR', doc: '`aiaas up`: where artifacts, a locally started Redis and service logs live.', default: './data' }),
});

export type CliConfig = ReturnType<typeof cliEnv.parse>;
