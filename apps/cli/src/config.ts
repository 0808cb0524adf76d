import { address, defineEnv, optionalText, text, url } from '@aiaas/config';

/** Environment the CLI reads; flags override it. */
export const cliEnv = defineEnv({
  gateway: address({ env: 'AIAAS_GATEWAY', doc: 'host:port of the gateway the CLI talks to.', default: '127.0.0.1:50051' }),
  apiKey: optionalText({ env: 'AIAAS_API_KEY', doc: 'The API key the CLI sends; by default the one `aiaas login` stored for the gateway.' }),
  credentials: text({ env: 'AIAAS_CREDENTIALS', doc: 'Where `aiaas login` keeps API keys, one per gateway (mode 0600).', default: '~/.config/aiaas/credentials.json' }),
  tlsCa: optionalText({ env: 'AIAAS_TLS_CA', doc: "PEM file of the CA that signs the gateway's certificate: set, the CLI talks TLS." }),
  tlsCert: optionalText({ env: 'AIAAS_TLS_CERT', doc: "For mutual TLS: the PEM file of the CLI's client certificate (with AIAAS_TLS_KEY)." }),
  tlsKey: optionalText({ env: 'AIAAS_TLS_KEY', doc: 'For mutual TLS: the PEM file of the key of AIAAS_TLS_CERT.' }),
  redisUrl: url({ env: 'REDIS_URL', doc: '`aiaas up`: the Redis to use; started locally when none answers there.', default: 'redis://127.0.0.1:6379', protocols: ['redis:', 'rediss:'] }),
  dataDir: text({ env: 'AIAAS_DATA_DIR', doc: '`aiaas up`: where artifacts, a locally started Redis and service logs live.', default: './data' }),
});

export type CliConfig = ReturnType<typeof cliEnv.parse>;
