import * as tf from '@tensorflow/tfjs';
import type { z } from 'zod';
import { optimizerSchema } from '@aiaas/model-spec';
import { OPTIMIZER_UPDATE_KERNELS, selectBackend } from '@aiaas/models';
import { silentLogger } from '@aiaas/observability';
import { createOptimizer, optimizerState, setLearningRate } from './optimizers';

/** An optimiser spec as a request writes it. */
type OptimizerSpecInput = z.input<typeof optimizerSchema>;

/** The same optimiser as tfjs-core's own, for reference. */
function stockOptimizer(input: OptimizerSpecInput, rate: number): tf.Optimizer {
  const spec = optimizerSchema.parse(input);
  switch (spec.kind) {
    case 'sgd':
      return spec.momentum > 0 ? tf.train.momentum(rate, spec.momentum, spec.nesterov) : tf.train.sgd(rate);
    case 'adam':
      return tf.train.adam(rate, spec.beta1, spec.beta2, spec.epsilon);
    case 'rmsprop':
      return tf.train.rmsprop(rate, spec.rho, spec.momentum, spec.epsilon);
    case 'adagrad':
      return tf.train.adagrad(rate, spec.initialAccumulatorValue);
  }
}

const SPECS: ReadonlyArray<readonly [string, OptimizerSpecInput, string]> = [
  ['sgd', { kind: 'sgd' }, OPTIMIZER_UPDATE_KERNELS.sgd],
  ['momentum', { kind: 'sgd', momentum: 0.9 }, OPTIMIZER_UPDATE_KERNELS.momentum],
  ['nesterov momentum', { kind: 'sgd', momentum: 0.8, nesterov: true }, OPTIMIZER_UPDATE_KERNELS.momentum],
  ['adam', { kind: 'adam' }, OPTIMIZER_UPDATE_KERNELS.adam],
  ['adam with other betas and epsilon', { kind: 'adam', beta1: 0.8, beta2: 0.99, epsilon: 1e-5 }, OPTIMIZER_UPDATE_KERNELS.adam],
  ['rmsprop', { kind: 'rmsprop' }, OPTIMIZER_UPDATE_KERNELS.rmsprop],
  ['rmsprop with momentum', { kind: 'rmsprop', rho: 0.95, momentum: 0.5 }, OPTIMIZER_UPDATE_KERNELS.rmsprop],
  ['adagrad', { kind: 'adagrad', initialAccumulatorValue: 0.05 }, OPTIMIZER_UPDATE_KERNELS.adagrad],
];

/** Deterministic values in [-1, 1). */
const values = (count: number, seed: number) => Float32Array.from({ length: count }, (_, index) => Math.sin((index + 1) * 12.9898 + seed * 78.233) % 1);

/**
 * A two-layer regression whose gradients change every step, with sizes that are not multiples
 * of the kernels' four lanes; steps with `optimizer`, halving the rate half-way. Returns every
 * variable's and slot's values afterwards, and the kernels the steps ran.
 */
async function train(optimizer: tf.Optimizer, steps: number) {
  // tidy frees the initial values; the variables are kept.
  const [hidden, bias, head] = tf.tidy(() => [tf.variable(tf.tensor2d(values(7 * 13, 1), [7, 13])), tf.variable(tf.tensor1d(values(13, 2))), tf.variable(tf.tensor2d(values(13 * 3, 3), [13, 3]))]);
  const x = tf.tensor2d(values(9 * 7, 4), [9, 7]);
  const y = tf.tensor2d(values(9 * 3, 5), [9, 3]);
  const loss = () => tf.mean(tf.square(tf.sub(tf.matMul(tf.relu(tf.add(tf.matMul(x, hidden), bias)), head), y))).asScalar();
  const profile = await tf.profile(() => {
    for (let step = 0; step < steps; step++) {
      if (step === steps / 2) setLearningRate(optimizer, 0.02);
      optimizer.minimize(loss, false, [hidden, bias, head]);
    }
  });
  // Slot names hold the variables' generated ids, which differ from run to run.
  const state = (await optimizerState(optimizer)).map(({ shape, values }) => ({ shape, values }));
  const weights = [hidden, bias, head].map((variable) => variable.dataSync().slice());
  tf.dispose([hidden, bias, head, x, y]);
  return { weights, state, kernels: new Set(profile.kernelNames) };
}

describe('the fused optimisers on wasm', () => {
  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
  });

  it.each(SPECS)('%s steps to exactly the weights and slots of tfjs-core, in one kernel per variable', async (_name, spec, kernelName) => {
    const stock = stockOptimizer(spec, 0.04);
    const expected = await train(stock, 20);
    stock.dispose();

    const fused = createOptimizer(optimizerSchema.parse(spec), 0.04);
    const tensorsBefore = tf.memory().numTensors;
    const actual = await train(fused, 20);
    expect(actual.kernels.has(kernelName)).toBe(true);
    expect(expected.kernels.has(kernelName)).toBe(false);
    expect(actual.weights).toEqual(expected.weights);
    expect(actual.state).toEqual(expected.state);
    expect(fused.getClassName()).toBe(stock.getClassName());
    // The slots stay with the optimiser; nothing else is left behind.
    expect(tf.memory().numTensors - tensorsBefore).toBe(actual.state.length - 1);
    fused.dispose();
  });

  it('falls back to tfjs-core on a backend without the update kernels', async () => {
    await tf.setBackend('cpu');
    try {
      const expected = await train(tf.train.adam(0.04), 6);
      const actual = await train(createOptimizer(optimizerSchema.parse({ kind: 'adam' }), 0.04), 6);
      expect(actual.kernels.has(OPTIMIZER_UPDATE_KERNELS.adam)).toBe(false);
      expect(actual.weights).toEqual(expected.weights);
    } finally {
      await tf.setBackend('wasm');
    }
  });

  it('leaves a variable without a gradient alone, as tfjs-core does', () => {
    const [used, unused] = tf.tidy(() => [tf.variable(tf.tensor1d([1, 2, 3, 4, 5])), tf.variable(tf.tensor1d([7, 8]))]);
    const optimizer = createOptimizer(optimizerSchema.parse({ kind: 'adam' }), 0.1);
    const gradient = tf.ones([5]);
    optimizer.applyGradients([
      { name: used.name, tensor: gradient },
      { name: unused.name, tensor: undefined as unknown as tf.Tensor },
    ]);
    expect(Array.from(unused.dataSync())).toEqual([7, 8]);
    expect(Array.from(used.dataSync()).every((value, index) => value < index + 1)).toBe(true);
    tf.dispose([used, unused, gradient]);
    optimizer.dispose();
  });
});
