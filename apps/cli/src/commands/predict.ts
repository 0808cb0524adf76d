import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { PredictRequest, PredictResponse__Output } from '@aiaas/proto';
import { bytesToFloat32 } from '@aiaas/tensor';
import type { Command } from '../cli-context';
import { formatPrediction } from '../format';
import { parseRecordsCsv, parseRecordsText, toRecordMessages } from '../records';

/** The response's `values` (regressors and recommenders), or undefined for a classifier's answer. */
export function predictedValues(response: PredictResponse__Output): number[] | undefined {
  return response.values ? Array.from(bytesToFloat32(response.values.raw_data)) : undefined;
}

/** Six significant digits: values are in the target's units, whatever their scale. */
const significant = (value: number) => String(Number(value.toPrecision(6)));

/**
 * Each row's predicted value — in target units for regressors and explicit-feedback
 * recommenders, P(interaction) for implicit-feedback ones — as `aiaas predict` prints it.
 */
export function formatPredictedValues(response: PredictResponse__Output, values: readonly number[]): string {
  return [`${response.model_name} version ${response.version}`, ...values.map((value, row) => `  row ${row}: ${significant(value)}`)].join('\n');
}

/** Each row's decoded text (seq2seq models), as `aiaas predict` prints it. */
export function formatDecodedTexts(response: PredictResponse__Output): string {
  return [`${response.model_name} version ${response.version}`, ...response.decoded_texts.map((text, row) => `  row ${row}: ${JSON.stringify(text)}`)].join('\n');
}

/** What `--json` prints besides the model and version: predicted labels, values or decoded texts. */
function jsonAnswer(response: PredictResponse__Output, predicted: readonly number[] | undefined): object {
  if (response.decoded_texts.length > 0) return { texts: response.decoded_texts };
  return predicted === undefined ? { predictions: response.predicted_labels } : { values: predicted };
}

export const predictCommand: Command = {
  usage: "predict --model NAME [--version N | --alias NAME] (--records '{\"col\": value, ...}' | --file records.{json,jsonl,csv} [--format json|csv] [--delimiter ;]) [--json]",
  summary: 'predict classes, values or decoded texts for raw records (JSON object, array or JSON Lines; CSV with a header row)',
  async run(args, context) {
    const { values } = parseArgs({
      args,
      options: {
        model: { type: 'string' },
        version: { type: 'string' },
        alias: { type: 'string' },
        records: { type: 'string' },
        file: { type: 'string' },
        format: { type: 'string' },
        delimiter: { type: 'string', default: ',' },
        json: { type: 'boolean', default: false },
      },
    });
    if (!values.model) throw new InvalidArgumentError('--model', 'is required');
    if (values.version && values.alias) throw new InvalidArgumentError('--version', 'give --version or --alias, not both');
    const text = values.file ? await readFile(values.file, 'utf8') : values.records;
    if (text === undefined) throw new InvalidArgumentError('--records', 'give --records JSON or --file');
    const format = values.format ?? (values.file && /\.csv$/i.test(values.file) ? 'csv' : 'json');
    if (format !== 'csv' && format !== 'json') throw new InvalidArgumentError('--format', `expected json or csv, got "${format}"`);
    if (values.delimiter.length !== 1) throw new InvalidArgumentError('--delimiter', `must be one character, got "${values.delimiter}"`);
    const rows = format === 'csv' ? parseRecordsCsv(text, values.delimiter) : parseRecordsText(text);
    const request: PredictRequest = {
      model_name: values.model,
      ...(values.version ? { version: Number(values.version) } : {}),
      ...(values.alias ? { alias: values.alias } : {}),
      records: { records: toRecordMessages(rows) },
    };
    return context.withGateway(async (gateway) => {
      const response = await gateway.predict(request);
      const predicted = predictedValues(response);
      if (values.json) context.out(JSON.stringify({ model: response.model_name, version: response.version, ...jsonAnswer(response, predicted) }));
      else if (response.decoded_texts.length > 0) context.out(formatDecodedTexts(response));
      else context.out(predicted === undefined ? formatPrediction(response) : formatPredictedValues(response, predicted));
      return 0;
    });
  },
};
