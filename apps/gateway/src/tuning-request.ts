import { InvalidArgumentError } from '@aiaas/errors';
import { tuningSpecSchema, type TuningSpec, type TuningSpecInput } from '@aiaas/model-spec';
import type { ParameterSearch__Output, TuningSpec__Output } from '@aiaas/proto';

const STRATEGIES = {
  STRATEGY_UNSPECIFIED: 'random',
  STRATEGY_GRID: 'grid',
  STRATEGY_RANDOM: 'random',
  STRATEGY_SUCCESSIVE_HALVING: 'successive-halving',
} as const satisfies Record<TuningSpec__Output['strategy'], TuningSpec['strategy']>;

type SearchInput = TuningSpecInput['parameters'][number];

function searchOf(search: ParameterSearch__Output): SearchInput {
  const values = search.choices.length > 0 ? search.choices : search.values.length > 0 ? search.values : undefined;
  return {
    parameter: search.parameter as SearchInput['parameter'],
    ...(values ? { values: values as SearchInput['values'] } : {}),
    ...(search.range ? { range: { min: search.range.min, max: search.range.max, log: search.range.log } } : {}),
  };
}

/** The request field a spec path comes from: `parameters.0.range.min` → `tuning.parameters[0].range.min`. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (field, key) => (typeof key === 'number' ? `${field}[${key}]` : `${field}.${String(key).replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`),
    'tuning',
  );
}

/** A StartPipeline request's hyper-parameter search, validated; undefined when it asks for none. */
export function tuningSpecOf(tuning: TuningSpec__Output | null | undefined): TuningSpec | undefined {
  if (!tuning) return undefined;
  const input: TuningSpecInput = {
    strategy: STRATEGIES[tuning.strategy],
    parameters: tuning.parameters.map(searchOf),
    trials: tuning.trials || undefined,
    objective: (tuning.objective || undefined) as TuningSpecInput['objective'],
    maxConcurrentTrials: tuning.max_concurrent_trials || undefined,
    minEpochs: tuning.min_epochs || undefined,
    reductionFactor: tuning.reduction_factor || undefined,
    seed: tuning.seed,
  };
  const parsed = tuningSpecSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidArgumentError(fieldOf(issue.path), issue.message, { cause: parsed.error });
  }
  return parsed.data;
}
