import * as tf from '@tensorflow/tfjs';
import { optimizerSchema, type OptimizerSpec } from '@aiaas/model-spec';
import { selectBackend } from '@aiaas/models';
import { silentLogger } from '@aiaas/observability';
import { createOptimizer, optimizerState, restoreOptimizerState, setLearningRate } from './optimizers';

const START = [1, -2];
const GRADIENT = [0.5, -1];
const RATE = 0.1;
const EPSILON = 1e-7;

const specs: Record<string, OptimizerSpec> = {
  sgd: optimizerSchema.parse({ kind: 'sgd' }),
  momentum: optimizerSchema.parse({ kind: 'sgd', momentum: 0.9 }),
  nesterov: optimizerSchema.parse({ kind: 'sgd', momentum: 0.9, nesterov: true }),
  adam: optimizerSchema.parse({ kind: 'adam' }),
  rmsprop: optimizerSchema.parse({ kind: 'rmsprop' }),
  'rmsprop with momentum': optimizerSchema.parse({ kind: 'rmsprop', momentum: 0.5 }),
  adagrad: optimizerSchema.parse({ kind: 'adagrad' }),
};

/** Applies `steps` updates with the same gradient to a variable at START; returns its values. */
function stepped(optimizer: tf.Optimizer, steps: number, between?: (step: number) => void): number[] {
  const weight = tf.variable(tf.tensor1d(START));
  const gradient = tf.tensor1d(GRADIENT);
  for (let step = 0; step < steps; step++) {
    between?.(step);
    optimizer.applyGradients([{ name: weight.name, tensor: gradient }]);
  }
  const values = Array.from(weight.dataSync());
  tf.dispose([weight, gradient]);
  return values;
}

function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  // float32 arithmetic: a few ulps of a value near 1.
  actual.forEach((value, index) => expect(value).toBeCloseTo(expected[index]!, 5));
}

describe('createOptimizer', () => {
  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
  });

  it('sgd moves each weight by -rate × gradient', () => {
    expectClose(stepped(createOptimizer(specs['sgd']!, RATE), 1), START.map((w, i) => w - RATE * GRADIENT[i]!));
  });

  it('momentum accumulates velocity: the second step moves by rate × (1 + momentum) × gradient', () => {
    const afterTwo = START.map((w, i) => w - RATE * GRADIENT[i]! - RATE * 1.9 * GRADIENT[i]!);
    expectClose(stepped(createOptimizer(specs['momentum']!, RATE), 2), afterTwo);
  });

  it('nesterov momentum looks ahead: the first step moves by rate × (1 + momentum) × gradient', () => {
    expectClose(stepped(createOptimizer(specs['nesterov']!, RATE), 1), START.map((w, i) => w - RATE * 1.9 * GRADIENT[i]!));
  });

  it('adam moves by rate × m̂ / (√v̂ + ε), which is rate × g / (|g| + ε) on the first step', () => {
    expectClose(stepped(createOptimizer(specs['adam']!, RATE), 1), START.map((w, i) => w - (RATE * GRADIENT[i]!) / (Math.abs(GRADIENT[i]!) + EPSILON)));
  });

  it('rmsprop divides by the root of the running mean square (ε inside the root, as tfjs-core does)', () => {
    const moved = START.map((w, i) => w - (RATE * GRADIENT[i]!) / Math.sqrt(0.1 * GRADIENT[i]! ** 2 + EPSILON));
    expectClose(stepped(createOptimizer(specs['rmsprop']!, RATE), 1), moved);
  });

  it('adagrad divides by the root of the accumulated squares, starting from the initial value', () => {
    const moved = START.map((w, i) => w - (RATE * GRADIENT[i]!) / Math.sqrt(0.1 + GRADIENT[i]! ** 2 + EPSILON));
    expectClose(stepped(createOptimizer(specs['adagrad']!, RATE), 1), moved);
  });
});

describe('setLearningRate', () => {
  it.each(Object.keys(specs).filter((name) => name !== 'rmsprop with momentum'))('halves the next update of %s when the rate is halved', (name) => {
    const spec = specs[name]!;
    const firstStep = stepped(createOptimizer(spec, RATE), 1);
    const kept = stepped(createOptimizer(spec, RATE), 2);
    const optimizer = createOptimizer(spec, RATE);
    const changed = stepped(optimizer, 2, (step) => step === 1 && setLearningRate(optimizer, RATE / 2));
    changed.forEach((value, i) => expect(value - firstStep[i]!).toBeCloseTo((kept[i]! - firstStep[i]!) / 2, 6));
    optimizer.dispose();
  });

  it('frees the learning-rate tensor it replaces', () => {
    const optimizer = createOptimizer(specs['momentum']!, RATE);
    const before = tf.memory().numTensors;
    for (let step = 1; step <= 5; step++) setLearningRate(optimizer, RATE / step);
    expect(tf.memory().numTensors).toBe(before);
    optimizer.dispose();
  });

  it('rejects a negative or non-finite rate', () => {
    const optimizer = createOptimizer(specs['adam']!, RATE);
    expect(() => setLearningRate(optimizer, -1)).toThrow(RangeError);
    expect(() => setLearningRate(optimizer, Number.NaN)).toThrow(RangeError);
    optimizer.dispose();
  });
});

describe('optimizerState and restoreOptimizerState', () => {
  /** A small least-squares problem over two variables, with a gradient that changes each step. */
  function problem(initial: { weights: number[]; bias: number[] }) {
    const weights = tf.variable(tf.tensor2d(initial.weights, [3, 2]));
    const bias = tf.variable(tf.tensor1d(initial.bias));
    const x = tf.tensor2d([0.5, -1, 2, 1.5, 0.25, -0.75, -2, 1, 0.5, 1, 1, 1], [4, 3]);
    const y = tf.tensor2d([1, 0, 0, 1, 2, -1, 0.5, 0.5], [4, 2]);
    const step = (optimizer: tf.Optimizer) =>
      optimizer.minimize(() => tf.mean(tf.square(tf.sub(tf.add(tf.matMul(x, weights), bias), y))).asScalar(), false, [weights, bias]);
    const values = () => ({ weights: Array.from(weights.dataSync()), bias: Array.from(bias.dataSync()) });
    const dispose = () => tf.dispose([weights, bias, x, y]);
    return { step, values, dispose };
  }
  const initial = { weights: [0.1, -0.2, 0.3, 0.4, -0.5, 0.6], bias: [0.05, -0.05] };

  it.each(Object.keys(specs))('%s resumes exactly: N steps, save, restore into a new optimizer, one more step', async (name) => {
    const spec = specs[name]!;
    // 20 steps: past the first step counts where Adam's bias-correction powers, as tfjs-core's
    // setWeights recomputes them with pow(), differ in the last bit from the per-step products.
    const uninterrupted = problem(initial);
    const first = createOptimizer(spec, RATE);
    for (let step = 0; step < 21; step++) uninterrupted.step(first);
    const expected = uninterrupted.values();

    const interrupted = problem(initial);
    const before = createOptimizer(spec, RATE);
    for (let step = 0; step < 20; step++) interrupted.step(before);
    const saved = await optimizerState(before);
    const resumed = problem(interrupted.values());
    const after = createOptimizer(spec, RATE);
    await restoreOptimizerState(after, saved);
    resumed.step(after);

    expect(saved[0]).toEqual({ name: 'iter', shape: [], values: new Float32Array([20]) });
    expect(after.iterations).toBe(21);
    expect(resumed.values()).toEqual(expected);
    [uninterrupted, interrupted, resumed].forEach((run) => run.dispose());
    [first, before, after].forEach((optimizer) => optimizer.dispose());
  });

  it('holds only the iteration count before the first step', async () => {
    const optimizer = createOptimizer(specs['adam']!, RATE);
    await expect(optimizerState(optimizer)).resolves.toEqual([{ name: 'iter', shape: [], values: new Float32Array([0]) }]);
    optimizer.dispose();
  });

  it('copies values out and restores without leaking tensors, freeing the slots it replaces', async () => {
    const run = problem(initial);
    const optimizer = createOptimizer(specs['adam']!, RATE);
    run.step(optimizer);
    const before = tf.memory().numTensors;
    const state = await optimizerState(optimizer);
    expect(state.map(({ shape }) => shape)).toEqual([[], [3, 2], [2], [3, 2], [2]]);
    await restoreOptimizerState(optimizer, state);
    // Without names, as a checkpoint that keeps only shapes and values gives them back.
    await restoreOptimizerState(optimizer, state.map(({ shape, values }) => ({ shape, values })));
    expect(tf.memory().numTensors).toBe(before);
    run.dispose();
    optimizer.dispose();
  });
});
