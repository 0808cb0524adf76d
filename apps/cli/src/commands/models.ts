import type { Command } from '../cli-context';
import { formatModel } from '../format';

export const modelsCommand: Command = {
  usage: 'models [NAME]',
  summary: 'list models with their versions, metrics and aliases',
  async run(args, context) {
    return context.withGateway(async (gateway) => {
      const models = args[0] ? [await gateway.getModel(args[0])] : await gateway.listModels();
      if (models.length === 0) context.out('no models yet; train one with `aiaas train`');
      for (const model of models) context.out(formatModel(model));
      return 0;
    });
  },
};
