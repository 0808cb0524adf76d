import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { Model__Output, RollbackAliasRequest, SetAliasRequest } from '@aiaas/proto';
import type { Command } from '../cli-context';

/** The SetAlias request `aiaas promote` describes. */
export function setAliasRequestFromArgs(args: string[]): SetAliasRequest {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { version: { type: 'string' }, alias: { type: 'string', default: '' } } });
  const model = positionals[0];
  if (!model) throw new InvalidArgumentError('model', 'name the model: aiaas promote NAME --version N [--alias A]');
  const version = Number(values.version);
  if (!Number.isInteger(version) || version < 1) throw new InvalidArgumentError('--version', `expected the blessed version to promote, got "${values.version ?? ''}"`);
  return { model_name: model, version, alias: values.alias };
}

/** The RollbackAlias request `aiaas rollback` describes. */
export function rollbackAliasRequestFromArgs(args: string[]): RollbackAliasRequest {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { alias: { type: 'string', default: '' } } });
  const model = positionals[0];
  if (!model) throw new InvalidArgumentError('model', 'name the model: aiaas rollback NAME [--alias A]');
  return { model_name: model, alias: values.alias };
}

const aliasLine = (model: Model__Output, alias: string) => `${model.name}: ${alias || 'production'} is version ${model.aliases[alias || 'production'] ?? 'none'}`;

export const promoteCommand: Command = {
  usage: 'promote NAME --version N [--alias production]',
  summary: 'point an alias at a blessed version; serving replicas warm it, then swap without dropping a request',
  async run(args, context) {
    const request = setAliasRequestFromArgs(args);
    return context.withGateway(async (gateway) => {
      context.out(aliasLine(await gateway.setAlias(request), request.alias ?? ''));
      return 0;
    });
  },
};

export const rollbackCommand: Command = {
  usage: 'rollback NAME [--alias production]',
  summary: 'point an alias back at the version it pointed at before its last move',
  async run(args, context) {
    const request = rollbackAliasRequestFromArgs(args);
    return context.withGateway(async (gateway) => {
      context.out(aliasLine(await gateway.rollbackAlias(request), request.alias ?? ''));
      return 0;
    });
  },
};
