import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { PredictRequest } from '@aiaas/proto';
import type { Command } from '../cli-context';
import { formatPrediction } from '../format';
import { parseRecordsText, toRecordMessages } from '../records';

export const predictCommand: Command = {
  usage: "predict --model NAME [--version N | --alias NAME] (--records '{\"col\": value, ...}' | --file records.jsonl) [--json]",
  summary: 'predict classes for raw records (JSON object, array or JSON Lines)',
  async run(args, context) {
    const { values } = parseArgs({
      args,
      options: {
        model: { type: 'string' },
        version: { type: 'string' },
        alias: { type: 'string' },
        records: { type: 'string' },
        file: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    if (!values.model) throw new InvalidArgumentError('--model', 'is required');
    if (values.version && values.alias) throw new InvalidArgumentError('--version', 'give --version or --alias, not both');
    const text = values.file ? await readFile(values.file, 'utf8') : values.records;
    if (text === undefined) throw new InvalidArgumentError('--records', 'give --records JSON or --file');
    const request: PredictRequest = {
      model_name: values.model,
      ...(values.version ? { version: Number(values.version) } : {}),
      ...(values.alias ? { alias: values.alias } : {}),
      records: { records: toRecordMessages(parseRecordsText(text)) },
    };
    return context.withGateway(async (gateway) => {
      const response = await gateway.predict(request);
      if (values.json) {
        context.out(JSON.stringify({ model: response.model_name, version: response.version, predictions: response.predicted_labels }));
      } else {
        context.out(formatPrediction(response));
      }
      return 0;
    });
  },
};
