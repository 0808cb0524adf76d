import { z } from 'zod';
import { createSeededRandom } from '@aiaas/data';
import type { TrainingSpec } from './training-spec';

/** Hyper-parameters a search can vary, each applied to the base training spec by `withParameter`. */
export const TUNABLE_PARAMETERS = ['learning_rate', 'batch_size', 'dropout', 'l2', 'hidden_units', 'embedding_dim', 'encoder_units', 'optimizer'] as const;
export type TunableParameter = (typeof TUNABLE_PARAMETERS)[number];

const NUMERIC_PARAMETERS: ReadonlySet<TunableParameter> = new Set(['learning_rate', 'batch_size', 'dropout', 'l2', 'hidden_units', 'embedding_dim', 'encoder_units']);
const INTEGER_PARAMETERS: ReadonlySet<TunableParameter> = new Set(['batch_size', 'hidden_units', 'embedding_dim', 'encoder_units']);
const OPTIMIZER_KINDS = ['sgd', 'adam', 'rmsprop', 'adagrad'] as const;

/** Where one parameter's values come from. */
export const parameterSearchSchema = z
  .object({
    parameter: z.enum(TUNABLE_PARAMETERS),
    /** Explicit values: numbers, or optimiser kinds for `optimizer`. Grid search uses these. */
    values: z.array(z.union([z.number(), z.enum(OPTIMIZER_KINDS)])).min(1).max(64).optional(),
    /** A range random search samples from (uniformly, or log-uniformly when `log`). */
    range: z.object({ min: z.number(), max: z.number(), log: z.boolean().default(false) }).optional(),
  })
  .superRefine((search, context) => {
    if ((search.values === undefined) === (search.range === undefined)) {
      context.addIssue({ code: 'custom', message: 'give either values or a range' });
    }
    if (search.range) {
      const { min, max, log } = search.range;
      if (!(min < max)) context.addIssue({ code: 'custom', path: ['range'], message: `min ${min} must be below max ${max}` });
      if (log && min <= 0) context.addIssue({ code: 'custom', path: ['range', 'min'], message: 'a log range needs min above 0' });
      if (search.parameter === 'optimizer') context.addIssue({ code: 'custom', path: ['range'], message: 'optimizer takes values (sgd, adam, rmsprop, adagrad), not a range' });
    }
    const kinds = search.values?.map((value) => typeof value);
    if (kinds && search.parameter === 'optimizer' && kinds.some((kind) => kind !== 'string')) {
      context.addIssue({ code: 'custom', path: ['values'], message: 'optimizer values are sgd, adam, rmsprop or adagrad' });
    }
    if (kinds && NUMERIC_PARAMETERS.has(search.parameter) && kinds.some((kind) => kind !== 'number')) {
      context.addIssue({ code: 'custom', path: ['values'], message: `${search.parameter} values are numbers` });
    }
  });
export type ParameterSearch = z.infer<typeof parameterSearchSchema>;

/**
 * A hyper-parameter search: which trials to run and how to pick the winner.
 * - `grid`: every combination of the parameters' values.
 * - `random`: `trials` seeded draws, from values or ranges.
 * - `successive-halving`: `trials` random configurations trained for `minEpochs`; the best
 *   1/`reductionFactor` continue (from their checkpoints) for `reductionFactor` times as many
 *   epochs, and so on up to the spec's epochs, as in Hyperband's inner loop.
 */
export const tuningSpecSchema = z
  .object({
    strategy: z.enum(['grid', 'random', 'successive-halving']),
    parameters: z.array(parameterSearchSchema).min(1).max(8),
    /** Trials for random and successive halving; grid runs every combination. */
    trials: z.number().int().min(1).max(256).default(8),
    /** What decides the best trial; losses are minimised, accuracies maximised. */
    objective: z.enum(['val_loss', 'val_accuracy', 'loss', 'accuracy']).default('val_loss'),
    /** Trials that run at once for this job, across training replicas. */
    maxConcurrentTrials: z.number().int().min(1).max(64).default(4),
    /** Successive halving: epochs of the first rung. */
    minEpochs: z.number().int().min(1).default(1),
    /** Successive halving: how many times fewer trials (and more epochs) each rung has. */
    reductionFactor: z.number().int().min(2).max(8).default(3),
    /** Seeds the draws of random and successive-halving searches. */
    seed: z.number().int().nonnegative().default(0),
  })
  .superRefine((tuning, context) => {
    const names = tuning.parameters.map((search) => search.parameter);
    const repeated = names.find((name, index) => names.indexOf(name) !== index);
    if (repeated) context.addIssue({ code: 'custom', path: ['parameters'], message: `${repeated} is searched twice` });
    if (tuning.strategy === 'grid') {
      tuning.parameters.forEach((search, index) => {
        if (!search.values) context.addIssue({ code: 'custom', path: ['parameters', index, 'values'], message: 'a grid search needs values for every parameter' });
      });
      const combinations = tuning.parameters.reduce((product, search) => product * (search.values?.length ?? 1), 1);
      if (combinations > 256) context.addIssue({ code: 'custom', path: ['parameters'], message: `the grid has ${combinations} combinations; at most 256` });
    }
  });
export type TuningSpec = z.infer<typeof tuningSpecSchema>;
export type TuningSpecInput = z.input<typeof tuningSpecSchema>;

/** One trial's parameter values, by parameter. */
export type TrialParameters = Readonly<Partial<Record<TunableParameter, number | string>>>;

/**
 * The training spec of a trial: `base` with `parameters` applied. A parameter the family has no
 * place for (an encoder's units on an MLP) is an error naming it.
 */
export function withParameters(base: TrainingSpec, parameters: TrialParameters): TrainingSpec {
  let spec: TrainingSpec = base;
  for (const [name, value] of Object.entries(parameters) as Array<[TunableParameter, number | string]>) spec = withParameter(spec, name, value);
  return spec;
}

function withParameter(spec: TrainingSpec, name: TunableParameter, value: number | string): TrainingSpec {
  const number = Number(value);
  const model = spec.model;
  const everyHiddenLayer = (change: (layer: (typeof spec.model & { family: 'mlp' })['hiddenLayers'][number]) => object): TrainingSpec => {
    if (model.family === 'recommender') throw new RangeError(`${name} applies to hidden layers, and a recommender has none; tune l2 or embedding_dim`);
    if (model.family === 'seq2seq') throw new RangeError(`${name} applies to hidden layers, and a seq2seq model has none; tune encoder_units or embedding_dim`);
    return { ...spec, model: { ...model, hiddenLayers: model.hiddenLayers.map((layer) => ({ ...layer, ...change(layer) })) } } as TrainingSpec;
  };
  switch (name) {
    case 'learning_rate':
      return { ...spec, learningRate: number };
    case 'batch_size':
      return { ...spec, batchSize: Math.round(number) };
    case 'dropout':
      return everyHiddenLayer(() => ({ dropout: number }));
    case 'hidden_units':
      return everyHiddenLayer(() => ({ units: Math.round(number) }));
    case 'l2':
      return model.family === 'recommender' ? { ...spec, model: { ...model, l2: number } } : everyHiddenLayer(() => ({ l2: number }));
    case 'embedding_dim':
      if (model.family === 'mlp') throw new RangeError('embedding_dim applies to text, recommender and seq2seq models, not an MLP');
      return { ...spec, model: { ...model, embeddingDim: Math.round(number) } };
    case 'encoder_units':
      if (model.family === 'seq2seq') return { ...spec, model: { ...model, units: Math.round(number) } };
      if (model.family !== 'text' || model.encoder.kind === 'pooling') throw new RangeError('encoder_units applies to a seq2seq model, or a text model with a conv1d or rnn encoder');
      return {
        ...spec,
        model: { ...model, encoder: model.encoder.kind === 'conv1d' ? { ...model.encoder, filters: Math.round(number) } : { ...model.encoder, units: Math.round(number) } },
      };
    case 'optimizer':
      return { ...spec, optimizer: defaultOptimizer(String(value) as (typeof OPTIMIZER_KINDS)[number]) };
  }
}

function defaultOptimizer(kind: (typeof OPTIMIZER_KINDS)[number]): TrainingSpec['optimizer'] {
  switch (kind) {
    case 'sgd':
      return { kind, momentum: 0.9, nesterov: false };
    case 'adam':
      return { kind, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };
    case 'rmsprop':
      return { kind, rho: 0.9, momentum: 0, epsilon: 1e-7 };
    case 'adagrad':
      return { kind, initialAccumulatorValue: 0.1 };
  }
}

function draw(search: ParameterSearch, random: () => number): number | string {
  if (search.values) return search.values[Math.floor(random() * search.values.length)]!;
  const { min, max, log } = search.range!;
  const value = log ? Math.exp(Math.log(min) + random() * (Math.log(max) - Math.log(min))) : min + random() * (max - min);
  return INTEGER_PARAMETERS.has(search.parameter) ? Math.round(value) : value;
}

/** The parameter values of every trial the search starts with, in trial order. */
export function trialParameters(tuning: TuningSpec): TrialParameters[] {
  if (tuning.strategy === 'grid') {
    return tuning.parameters.reduce<TrialParameters[]>(
      (combinations, search) => combinations.flatMap((combination) => search.values!.map((value) => ({ ...combination, [search.parameter]: value }))),
      [{}],
    );
  }
  const random = createSeededRandom(tuning.seed);
  return Array.from({ length: tuning.trials }, () => Object.fromEntries(tuning.parameters.map((search) => [search.parameter, draw(search, random)])));
}

/**
 * The rungs of successive halving for `trials` trials and at most `maxEpochs` epochs: how many
 * trials each rung keeps and how many epochs they will have trained in total by its end. Other
 * strategies have one rung: every trial, every epoch.
 */
export function rungsOf(tuning: TuningSpec, trials: number, maxEpochs: number): Array<{ readonly trials: number; readonly epochs: number }> {
  if (tuning.strategy !== 'successive-halving') return [{ trials, epochs: maxEpochs }];
  const rungs: Array<{ trials: number; epochs: number }> = [];
  let [kept, epochs] = [trials, Math.min(tuning.minEpochs, maxEpochs)];
  for (;;) {
    rungs.push({ trials: kept, epochs });
    if (kept === 1 || epochs >= maxEpochs) break;
    kept = Math.max(1, Math.floor(kept / tuning.reductionFactor));
    epochs = Math.min(maxEpochs, epochs * tuning.reductionFactor);
  }
  return rungs;
}

/** True when `candidate` is a better value of `objective` than `incumbent`. */
export function isBetterObjective(objective: TuningSpec['objective'], candidate: number, incumbent: number): boolean {
  return objective.endsWith('accuracy') ? candidate > incumbent : candidate < incumbent;
}
