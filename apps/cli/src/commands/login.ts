import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { Command } from '../cli-context';
import { gatewayClientOptions, withGateway } from '../gateway-session';

export const loginCommand: Command = {
  usage: 'login --key KEY | logout',
  summary: 'check an API key against the gateway and store it for the CLI (mode 0600); logout forgets it',
  async run(args, context) {
    const { values } = parseArgs({ args, options: { key: { type: 'string' } } });
    const key = values.key ?? context.config.apiKey;
    if (!key) throw new InvalidArgumentError('--key', 'give the API key to store (from `aiaas keys create` or your admin)');
    // Any valid key may list models: a cheap way to learn the key works before storing it.
    await withGateway(context.config.gateway, gatewayClientOptions(context.config, key), (gateway) => gateway.listModels());
    context.credentials.store(context.config.gateway, key);
    context.out(`logged in to ${context.config.gateway}; the key is in ${context.credentials.location}`);
    return 0;
  },
};

export const logoutCommand: Command = {
  usage: 'logout',
  summary: 'forget the API key stored for the gateway',
  async run(_args, context) {
    const forgotten = context.credentials.forget(context.config.gateway);
    context.out(forgotten ? `forgot the key for ${context.config.gateway}` : `no key was stored for ${context.config.gateway}`);
    return 0;
  },
};
