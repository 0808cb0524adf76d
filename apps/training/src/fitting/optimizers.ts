import * as tf from '@tensorflow/tfjs';
import type { OptimizerSpec } from '@aiaas/model-spec';
import { FusedAdagrad, FusedAdam, FusedMomentum, FusedRmsprop, FusedSgd } from './fused-optimizers';

/** One saved value of an optimiser: its iteration count or one of its slot variables. */
export interface OptimizerStateEntry {
  readonly name: string;
  readonly shape: number[];
  readonly values: Float32Array;
}

/** An optimiser value to restore; the name is only a label and may be left out. */
export interface RestorableStateEntry {
  readonly name?: string;
  readonly shape: readonly number[];
  readonly values: Float32Array | Int32Array;
}

/** The learning rate every tfjs-core 4.x optimiser keeps (protected in its typings). */
interface LearningRateHolder {
  learningRate: number;
}

/**
 * Adam's running powers of beta1 and beta2 (private in tfjs-core), which bias-correct the
 * moments. They are not part of `getWeights()`.
 */
interface AdamPowers {
  readonly accBeta1: tf.Variable;
  readonly accBeta2: tf.Variable;
  readonly beta1: number;
  readonly beta2: number;
}

/** The name tfjs-core gives the iteration count in `getWeights()`. */
const ITERATIONS = 'iter';

/**
 * Creates the optimiser a spec names, at `learningRate`: the `tf.train` optimiser, whose steps
 * run as one kernel per variable where the backend has the platform's update kernels (wasm),
 * with the same results (see `fused-optimizers.ts`).
 */
export function createOptimizer(spec: OptimizerSpec, learningRate: number): tf.Optimizer {
  switch (spec.kind) {
    case 'sgd':
      return spec.momentum > 0 ? new FusedMomentum(learningRate, spec.momentum, spec.nesterov) : new FusedSgd(learningRate);
    case 'adam':
      return new FusedAdam(learningRate, spec.beta1, spec.beta2, spec.epsilon);
    case 'rmsprop':
      return new FusedRmsprop(learningRate, spec.rho, spec.momentum, spec.epsilon);
    case 'adagrad':
      return new FusedAdagrad(learningRate, spec.initialAccumulatorValue);
  }
}

/**
 * Changes the learning rate the optimiser's next `applyGradients` uses. SGD and momentum keep
 * it as a tensor (`-rate`), which their own `setLearningRate` replaces and frees; Adam, RMSProp
 * and Adagrad read the `learningRate` field on every step, so setting the field is enough.
 * Classes are told apart by `getClassName()`: tfjs-core makes `instanceof` true for any
 * optimiser against any optimiser class.
 */
export function setLearningRate(optimizer: tf.Optimizer, rate: number): void {
  if (!Number.isFinite(rate) || rate < 0) throw new RangeError(`learning rate must be a finite number ≥ 0, got ${rate}`);
  const holder = optimizer as unknown as LearningRateHolder;
  if (holder.learningRate === rate) return;
  switch (optimizer.getClassName()) {
    case 'SGD':
    case 'Momentum':
      (optimizer as tf.SGDOptimizer).setLearningRate(rate);
      return;
    case 'Adam':
    case 'RMSProp':
    case 'Adagrad':
      holder.learningRate = rate;
      return;
    default:
      throw new Error(`setLearningRate does not know how ${optimizer.getClassName()} keeps its learning rate`);
  }
}

/**
 * The optimiser's iteration count and slot variables (moments, accumulators), copied out, in
 * `getWeights()` order. Slots are created on the first `applyGradients`, so before it there is
 * only the count. Restore with `restoreOptimizerState` on an optimiser of the same spec.
 */
export async function optimizerState(optimizer: tf.Optimizer): Promise<OptimizerStateEntry[]> {
  const weights = await optimizer.getWeights();
  try {
    return await Promise.all(weights.map(async ({ name, tensor }) => ({ name, shape: [...tensor.shape], values: Float32Array.from(await tensor.data()) })));
  } finally {
    // The count is a fresh tensor; the slots are the optimiser's own variables.
    tf.dispose(weights.filter(({ name }) => name === ITERATIONS).map(({ tensor }) => tensor));
  }
}

/** beta^(iterations + 1) exactly as Adam's per-step float32 multiplications reach it. */
function float32Power(beta: number, iterations: number): number {
  const factor = Math.fround(beta);
  let power = factor;
  for (let step = 0; step < iterations; step++) power = Math.fround(power * factor);
  return power;
}

/**
 * Puts a state from `optimizerState` into an optimiser built from the same spec (typically a
 * fresh one, after a restart), so its next steps are exactly those of the optimiser it was
 * saved from, provided gradients are applied to the same variables in the same order (slots
 * are matched by position). Slot variables the optimiser held before are freed.
 */
export async function restoreOptimizerState(optimizer: tf.Optimizer, state: readonly RestorableStateEntry[]): Promise<void> {
  if (state.length === 0) throw new Error('an optimizer state holds at least the iteration count');
  const previous = await optimizer.getWeights();
  const previousCount = previous.filter(({ name }) => name === ITERATIONS).map(({ tensor }) => tensor);
  const previousSlots = previous.filter(({ name }) => name !== ITERATIONS).map(({ tensor }) => tensor);
  const tensors = state.map(({ shape, values }, index) => tf.tensor(values, [...shape], index === 0 ? 'int32' : 'float32'));
  try {
    await optimizer.setWeights(tensors.map((tensor, index) => ({ name: state[index]!.name ?? (index === 0 ? ITERATIONS : `slot_${index}`), tensor })));
  } finally {
    // setWeights wraps each value in a new variable that shares (and holds) its data.
    tf.dispose([...tensors, ...previousCount]);
  }
  tf.dispose(previousSlots);
  if (optimizer.getClassName() === 'Adam') {
    // tfjs-core's setWeights recomputes these with pow(), which can differ in the last bit from
    // the product of per-step multiplications an uninterrupted run holds.
    const adam = optimizer as unknown as AdamPowers;
    const iterations = optimizer.iterations;
    tf.tidy(() => {
      adam.accBeta1.assign(tf.scalar(float32Power(adam.beta1, iterations)));
      adam.accBeta2.assign(tf.scalar(float32Power(adam.beta2, iterations)));
    });
  }
}
