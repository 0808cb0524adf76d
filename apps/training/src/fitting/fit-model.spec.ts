import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { planTraining, trainingSpecSchema, type TrainingPlan, type TrainingSpecInput } from '@aiaas/model-spec';
import { buildModel, registerWasmTrainingKernels } from '@aiaas/models';
import { fitModel, type FitModelOptions } from './fit-model';
import { INITIAL_FIT_STATE } from './fit-state';
import { createOptimizer } from './optimizers';
import { TrainingRows } from './training-rows';

// PROD silences the Node banner without IS_TEST's strict kernel leak checks; the tests count
// tensors and buffers themselves.
tf.env().set('PROD', true);

const ROWS = 256;
const FEATURES = 16;
const CLASSES = 3;

/** Deterministic features and labels from a linear rule of the first four features. */
function rows(): TrainingRows {
  const features = Float32Array.from({ length: ROWS * FEATURES }, (_, index) => Math.sin(index * 12.9898) * 2);
  const labels = Int32Array.from({ length: ROWS }, (_, row) => {
    const score = features[row * FEATURES]! - features[row * FEATURES + 1]! + 0.5 * features[row * FEATURES + 2]!;
    return Math.min(CLASSES - 1, Math.max(0, Math.floor(score + 1.5)));
  });
  return new TrainingRows(ROWS, [{ values: features, width: FEATURES }], labels);
}

function plan(input: TrainingSpecInput = {}): TrainingPlan {
  const spec = trainingSpecSchema.parse({
    model: { family: 'mlp', hiddenLayers: [{ units: 96 }, { units: 80 }] },
    optimizer: { kind: 'adam' },
    learningRate: 0.01,
    epochs: 2,
    batchSize: 64,
    validationFraction: 0,
    seed: 11,
    ...input,
  });
  return planTraining(spec, { task: 'classification', classLabels: ['a', 'b', 'c'], outputs: [{ kind: 'dense', name: 'features', width: FEATURES }], hasValidation: false });
}

/** Fits a fresh model with `optimizer` (the platform's when not given); returns its weights and losses. */
async function fit(trainingPlan: TrainingPlan, options: Partial<Pick<FitModelOptions, 'optimizer' | 'classWeights' | 'yieldEveryMs'>> = {}) {
  const model = buildModel(trainingPlan);
  const optimizer = options.optimizer ?? createOptimizer(trainingPlan.spec.optimizer, trainingPlan.spec.learningRate);
  const data = rows();
  try {
    const { state } = await fitModel({
      plan: trainingPlan,
      model,
      optimizer,
      train: { forEpoch: () => data },
      validation: undefined,
      classWeights: options.classWeights,
      state: INITIAL_FIT_STATE,
      hooks: { epochEnded: async () => undefined, stopRequested: () => false },
      ...(options.yieldEveryMs === undefined ? {} : { yieldEveryMs: options.yieldEveryMs }),
    });
    return { weights: model.getWeights().map((weight) => Float32Array.from(weight.dataSync())), losses: state.history.map((metrics) => metrics['loss']!) };
  } finally {
    optimizer.dispose();
    model.dispose();
  }
}

const wasmBuffers = () => (tf.backend() as unknown as { numDataIds(): number }).numDataIds();

/** The largest |a − b| / (1 + |b|) over every weight. */
function largestDifference(actual: Float32Array[], expected: Float32Array[]): number {
  let largest = 0;
  actual.forEach((values, index) => values.forEach((value, at) => (largest = Math.max(largest, Math.abs(value - expected[index]![at]!) / (1 + Math.abs(expected[index]![at]!))))));
  return largest;
}

/** What the stock wasm backend and tfjs-core's optimisers train, before the platform's kernels exist. */
const stock = new Map<string, Awaited<ReturnType<typeof fit>>>();
const CASES: ReadonlyArray<readonly [string, TrainingSpecInput, readonly number[] | undefined]> = [
  ['adam', {}, undefined],
  ['rmsprop with class weights', { optimizer: { kind: 'rmsprop' } }, [1, 2, 0.5]],
  ['sgd with nesterov momentum and a cosine schedule', { optimizer: { kind: 'sgd', momentum: 0.9, nesterov: true }, learningRate: 0.05, schedule: { kind: 'cosine' } }, undefined],
];

beforeAll(async () => {
  await tf.setBackend('wasm');
  for (const [name, input, classWeights] of CASES) {
    const trainingPlan = plan(input);
    const spec = trainingPlan.spec.optimizer;
    // tf.train's own optimisers: the platform's are the same classes with another step.
    const reference =
      spec.kind === 'adam'
        ? tf.train.adam(trainingPlan.spec.learningRate, spec.beta1, spec.beta2, spec.epsilon)
        : spec.kind === 'rmsprop'
          ? tf.train.rmsprop(trainingPlan.spec.learningRate, spec.rho, spec.momentum, spec.epsilon)
          : tf.train.momentum(trainingPlan.spec.learningRate, (spec as { momentum: number }).momentum, (spec as { nesterov: boolean }).nesterov);
    stock.set(name, await fit(trainingPlan, { optimizer: reference, ...(classWeights ? { classWeights } : {}) }));
  }
  registerWasmTrainingKernels();
});

describe('fitModel on wasm with the platform kernels', () => {
  it.each(CASES)('%s trains to the weights of the stock wasm kernels and tfjs-core optimisers, to 1e-5', async (name, input, classWeights) => {
    const ours = await fit(plan(input), classWeights ? { classWeights } : {});
    const expected = stock.get(name)!;
    expect(largestDifference(ours.weights, expected.weights)).toBeLessThan(1e-5);
    ours.losses.forEach((loss, epoch) => expect(loss).toBeCloseTo(expected.losses[epoch]!, 5));
  });

  it('gives the same weights to the bit for the same seed, and leaves no tensor or wasm buffer behind', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const buffersBefore = wasmBuffers();
    const first = await fit(plan());
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(wasmBuffers()).toBe(buffersBefore);
    expect((await fit(plan())).weights).toEqual(first.weights);
  });

  it('gives the same weights whether it yields to the event loop after every batch or rarely', async () => {
    const everyBatch = await fit(plan(), { yieldEveryMs: 0 });
    const rarely = await fit(plan(), { yieldEveryMs: 60_000 });
    expect(rarely.weights).toEqual(everyBatch.weights);
  });

  it('lets the event loop run between batches when yielding after each, and not at all within an epoch when told to wait long', async () => {
    const turnsDuring = async (yieldEveryMs: number) => {
      let turns = 0;
      let running = true;
      const tick = () => {
        turns += 1;
        if (running) setImmediate(tick);
      };
      setImmediate(tick);
      await fit(plan({ epochs: 1 }), { yieldEveryMs });
      running = false;
      return turns;
    };
    expect(await turnsDuring(0)).toBeGreaterThanOrEqual(ROWS / 64);
    expect(await turnsDuring(60_000)).toBe(0);
  });
});
