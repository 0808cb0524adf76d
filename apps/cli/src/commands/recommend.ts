import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { RecommendRequest } from '@aiaas/proto';
import type { Command } from '../cli-context';

/** The Recommend request `aiaas recommend` flags describe. */
export function recommendRequestFromFlags(args: string[]): RecommendRequest {
  const { values } = parseArgs({
    args,
    options: { model: { type: 'string' }, user: { type: 'string' }, k: { type: 'string' }, exclude: { type: 'string' }, version: { type: 'string' }, alias: { type: 'string' } },
  });
  if (!values.model) throw new InvalidArgumentError('--model', 'is required');
  if (!values.user) throw new InvalidArgumentError('--user', 'is required (a user id from the training data)');
  const k = values.k === undefined ? 0 : Number(values.k);
  if (!Number.isInteger(k) || k < 0) throw new InvalidArgumentError('--k', `expected a whole number, got "${values.k}"`);
  const version = values.version === undefined ? undefined : Number(values.version);
  if (version !== undefined && !(Number.isInteger(version) && version > 0)) throw new InvalidArgumentError('--version', `expected a version number, got "${values.version}"`);
  return {
    model_name: values.model,
    user: values.user,
    k,
    exclude_items: values.exclude ? values.exclude.split(',').map((item) => item.trim()) : [],
    ...(version !== undefined ? { version } : values.alias ? { alias: values.alias } : {}),
  };
}

export const recommendCommand: Command = {
  usage: 'recommend --model NAME --user ID [--k 10] [--exclude item1,item2] [--version N | --alias A]',
  summary: "a recommender's top items for one user, best first",
  async run(args, context) {
    const request = recommendRequestFromFlags(args);
    return context.withGateway(async (gateway) => {
      const response = await gateway.recommend(request);
      context.out(`${response.model_name} version ${response.version}, user ${request.user}:`);
      response.items.forEach((item, rank) => context.out(`${String(rank + 1).padStart(4)}. ${item.item}  ${Number(item.score.toPrecision(4))}`));
      return 0;
    });
  },
};
