import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { OutlierClipping, SplitSpec, StartPipelineRequest } from '@aiaas/proto';
import type { Command } from '../cli-context';
import { followJob } from './watch';

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new InvalidArgumentError(`--${name}`, `expected a number, got "${value}"`);
  return parsed;
}

const SPLIT_STRATEGIES: Readonly<Record<string, SplitSpec['strategy']>> = { ratio: 'STRATEGY_RATIO', time: 'STRATEGY_TIME', group: 'STRATEGY_GROUP' };

function splitStrategy(value: string | undefined): SplitSpec['strategy'] {
  if (value === undefined) return 'STRATEGY_UNSPECIFIED';
  const strategy = SPLIT_STRATEGIES[value];
  if (!strategy) throw new InvalidArgumentError('--split', `expected ratio, time or group, got "${value}"`);
  return strategy;
}

/** `quantile:0.01:0.99` or `zscore:3`. */
function clipping(value: string): OutlierClipping {
  const [method, ...bounds] = value.split(':');
  if (method === 'quantile' && bounds.length === 2) return { quantile: { lower: numberOption(bounds[0], 'clip')!, upper: numberOption(bounds[1], 'clip')! } };
  if (method === 'zscore' && bounds.length === 1) return { z_score: { threshold: numberOption(bounds[0], 'clip')! } };
  throw new InvalidArgumentError('--clip', `expected quantile:LOWER:UPPER or zscore:THRESHOLD, got "${value}"`);
}

/** The StartPipeline request described by `aiaas train` flags. */
export function pipelineRequestFromFlags(args: string[]): { request: StartPipelineRequest; watch: boolean } {
  const { values } = parseArgs({
    args,
    options: {
      dataset: { type: 'string' },
      target: { type: 'string' },
      model: { type: 'string' },
      epochs: { type: 'string' },
      hidden: { type: 'string' },
      'batch-size': { type: 'string' },
      'learning-rate': { type: 'string' },
      dropout: { type: 'string' },
      seed: { type: 'string' },
      'test-fraction': { type: 'string' },
      'validation-fraction': { type: 'string' },
      split: { type: 'string' },
      'split-column': { type: 'string' },
      'drop-duplicates': { type: 'boolean', default: false },
      exclude: { type: 'string' },
      clip: { type: 'string' },
      'min-accuracy': { type: 'string' },
      watch: { type: 'boolean', default: false },
    },
  });
  if (!values.dataset) throw new InvalidArgumentError('--dataset', 'is required (the id `aiaas upload` printed)');
  if (!values.target) throw new InvalidArgumentError('--target', 'is required (the column to predict)');
  if (!values.model) throw new InvalidArgumentError('--model', 'is required (the name to register the model under)');
  const seed = numberOption(values.seed, 'seed');
  return {
    request: {
      dataset_id: values.dataset,
      target_column: values.target,
      model_name: values.model,
      min_accuracy: numberOption(values['min-accuracy'], 'min-accuracy') ?? 0,
      split: {
        test_fraction: numberOption(values['test-fraction'], 'test-fraction') ?? 0,
        validation_fraction: numberOption(values['validation-fraction'], 'validation-fraction') ?? 0,
        strategy: splitStrategy(values.split),
        column: values['split-column'] ?? '',
        ...(seed === undefined ? {} : { seed }),
      },
      preprocessing: {
        drop_duplicates: values['drop-duplicates'] ?? false,
        exclude_columns: values.exclude ? values.exclude.split(',').map((column) => column.trim()) : [],
        ...(values.clip ? { clip: clipping(values.clip) } : {}),
      },
      training: {
        hidden_units: values.hidden ? values.hidden.split(',').map((units) => numberOption(units, 'hidden')!) : [],
        epochs: numberOption(values.epochs, 'epochs') ?? 0,
        batch_size: numberOption(values['batch-size'], 'batch-size') ?? 0,
        learning_rate: numberOption(values['learning-rate'], 'learning-rate') ?? 0,
        dropout: numberOption(values.dropout, 'dropout') ?? 0,
        ...(seed === undefined ? {} : { seed }),
      },
    },
    watch: values.watch ?? false,
  };
}

export const trainCommand: Command = {
  usage:
    'train --dataset ID --target COLUMN --model NAME [--epochs N] [--hidden 32,16] [--batch-size N] [--learning-rate X] [--dropout X] [--seed N] [--test-fraction X] [--validation-fraction X] [--split ratio|time|group] [--split-column C] [--drop-duplicates] [--exclude a,b] [--clip quantile:0.01:0.99|zscore:3] [--min-accuracy X] [--watch]',
  summary: 'start a pipeline (preprocess, train, evaluate, deploy); prints the job id',
  async run(args, context) {
    const { request, watch } = pipelineRequestFromFlags(args);
    return context.withGateway(async (gateway) => {
      const job = await gateway.startPipeline(request);
      context.out(`job ${job.id} started`);
      if (!watch) return 0;
      return (await followJob(gateway, job.id, context.out)) ? 0 : 1;
    });
  },
};
