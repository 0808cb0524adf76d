import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { SetTrafficSplitRequest } from '@aiaas/proto';
import type { Command } from '../cli-context';

/** The SetTrafficSplit request `aiaas canary` describes. */
export function trafficSplitRequestFromArgs(args: string[]): SetTrafficSplitRequest {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { version: { type: 'string' }, percent: { type: 'string' }, off: { type: 'boolean', default: false } } });
  const model = positionals[0];
  if (!model) throw new InvalidArgumentError('model', 'name the model: aiaas canary NAME --version N --percent P');
  if (values.off) return { model_name: model, canary_version: 0, canary_percent: 0 };
  const version = Number(values.version);
  const percent = Number(values.percent);
  if (!Number.isInteger(version) || version < 1) throw new InvalidArgumentError('--version', `expected the canary's version number, got "${values.version ?? ''}"`);
  if (!(percent > 0 && percent < 100)) throw new InvalidArgumentError('--percent', `expected a share in (0, 100), got "${values.percent ?? ''}"; --off ends the split`);
  return { model_name: model, canary_version: version, canary_percent: percent };
}

export const canaryCommand: Command = {
  usage: 'canary NAME --version N --percent P | canary NAME --off',
  summary: 'send a share of the requests that name no version to a blessed canary version (or end it)',
  async run(args, context) {
    const request = trafficSplitRequestFromArgs(args);
    return context.withGateway(async (gateway) => {
      const model = await gateway.setTrafficSplit(request);
      const production = model.aliases['production'];
      context.out(
        model.canary_version
          ? `${model.name}: ${model.canary_percent}% of default requests go to version ${model.canary_version}, the rest to production (version ${production ?? 'none'})`
          : `${model.name}: every default request goes to production (version ${production ?? 'none'})`,
      );
      return 0;
    });
  },
};
