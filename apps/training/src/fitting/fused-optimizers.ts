import * as tf from '@tensorflow/tfjs';
import { OPTIMIZER_UPDATE_KERNELS } from '@aiaas/models';

/** A slot variable as tfjs-core's optimisers keep it: the name it is saved under, and itself. */
interface Slot {
  originalName: string;
  variable: tf.Variable;
}

/** A gradient named after its variable, as `minimize` passes them. */
interface NamedGradient {
  readonly name: string;
  readonly tensor: tf.Tensor | undefined;
}

/** Gradients by variable name, or named in a list, as each `applyGradients` takes them. */
type VariableGradients = readonly NamedGradient[] | Readonly<Record<string, tf.Tensor>>;

const isNamedList = (gradients: VariableGradients): gradients is readonly NamedGradient[] => Array.isArray(gradients);

/** Whether the active backend has `kernelName` (the wasm backend with the platform's kernels). */
const hasKernel = (kernelName: string) => tf.getKernel(kernelName, tf.getBackend()) !== undefined;

/**
 * Calls `visit` with each variable, its gradient (undefined when it has none) and its index,
 * which is how tfjs-core's optimisers match a variable to its slots.
 */
function forEachGradient(variableGradients: VariableGradients, visit: (variable: tf.Variable, gradient: tf.Tensor | undefined, index: number, name: string) => void): void {
  const entries: ReadonlyArray<readonly [string, tf.Tensor | undefined]> = isNamedList(variableGradients)
    ? variableGradients.map(({ name, tensor }) => [name, tensor] as const)
    : Object.entries(variableGradients);
  entries.forEach(([name, gradient], index) => visit(tf.engine().registeredVariables[name]!, gradient ?? undefined, index, name));
}

/** The slot at `index`, created as tfjs-core creates it (same name, initial value, trainable flag) when missing. */
function slotOf(slots: Array<Slot | undefined>, index: number, name: string, suffix: string, initial: () => tf.Tensor): tf.Variable {
  let slot = slots[index];
  if (slot == null) {
    slot = { originalName: `${name}/${suffix}`, variable: tf.tidy(() => initial().variable(false)) };
    slots[index] = slot;
  }
  return slot.variable;
}

/** Runs an update kernel and assigns its outputs to `targets`, in order. */
function runUpdate(kernelName: string, inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap, targets: readonly tf.Variable[]): void {
  const outputs = tf.engine().runKernel(kernelName, inputs, attrs) as tf.Tensor[];
  targets.forEach((target, index) => target.assign(outputs[index]!));
}

/** What `FusedAdam` reads of tfjs-core's AdamOptimizer (private or protected there). */
interface AdamInternals {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly accBeta1: tf.Variable;
  readonly accBeta2: tf.Variable;
  readonly accumulatedFirstMoment: Array<Slot | undefined>;
  readonly accumulatedSecondMoment: Array<Slot | undefined>;
}

/**
 * `tf.train.adam`, whose step runs as one kernel per variable where the backend has it
 * (`OPTIMIZER_UPDATE_KERNELS.adam`), with the same results to the bit; elsewhere it is
 * tfjs-core's own. Slots, class name, weights and serialisation are tfjs-core's, so saving and
 * restoring its state works as for `tf.train.adam`.
 */
export class FusedAdam extends tf.AdamOptimizer {
  override applyGradients(variableGradients: Parameters<tf.AdamOptimizer['applyGradients']>[0]): void {
    if (!hasKernel(OPTIMIZER_UPDATE_KERNELS.adam)) return super.applyGradients(variableGradients);
    const self = this as unknown as AdamInternals;
    tf.tidy(() => {
      forEachGradient(variableGradients, (x, gradient, index, name) => {
        const m = slotOf(self.accumulatedFirstMoment, index, name, 'm', () => tf.zerosLike(x));
        const v = slotOf(self.accumulatedSecondMoment, index, name, 'v', () => tf.zerosLike(x));
        if (gradient === undefined) return;
        const attrs = { beta1: self.beta1, beta2: self.beta2, epsilon: self.epsilon, learningRate: self.learningRate };
        runUpdate(OPTIMIZER_UPDATE_KERNELS.adam, { x, gradient, m, v, accBeta1: self.accBeta1, accBeta2: self.accBeta2 }, attrs, [x, m, v]);
      });
      self.accBeta1.assign(tf.mul(self.accBeta1, self.beta1));
      self.accBeta2.assign(tf.mul(self.accBeta2, self.beta2));
    });
    this.incrementIterations();
  }
}

/** What `FusedRmsprop` reads of tfjs-core's RMSPropOptimizer. */
interface RmspropInternals {
  readonly learningRate: number;
  readonly decay: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;
  readonly accumulatedMeanSquares: Array<Slot | undefined>;
  readonly accumulatedMoments: Array<Slot | undefined>;
}

/** `tf.train.rmsprop` (uncentred) with its step in one kernel per variable; see `FusedAdam`. */
export class FusedRmsprop extends tf.RMSPropOptimizer {
  override applyGradients(variableGradients: Parameters<tf.RMSPropOptimizer['applyGradients']>[0]): void {
    const self = this as unknown as RmspropInternals;
    if (self.centered || !hasKernel(OPTIMIZER_UPDATE_KERNELS.rmsprop)) return super.applyGradients(variableGradients);
    forEachGradient(variableGradients, (x, gradient, index, name) => {
      const meanSquare = slotOf(self.accumulatedMeanSquares, index, name, 'rms', () => tf.zerosLike(x));
      const moment = slotOf(self.accumulatedMoments, index, name, 'momentum', () => tf.zerosLike(x));
      if (gradient === undefined) return;
      const attrs = { decay: self.decay, momentum: self.momentum, epsilon: self.epsilon, learningRate: self.learningRate };
      tf.tidy(() => runUpdate(OPTIMIZER_UPDATE_KERNELS.rmsprop, { x, gradient, meanSquare, moment }, attrs, [x, meanSquare, moment]));
    });
    this.incrementIterations();
  }
}

/** What `FusedMomentum` reads of tfjs-core's MomentumOptimizer. */
interface MomentumInternals {
  readonly learningRate: number;
  readonly momentum: number;
  readonly useNesterov: boolean;
  readonly accumulations: Array<Slot | undefined>;
}

/** `tf.train.momentum` (plain or Nesterov) with its step in one kernel per variable; see `FusedAdam`. */
export class FusedMomentum extends tf.MomentumOptimizer {
  override applyGradients(variableGradients: Parameters<tf.MomentumOptimizer['applyGradients']>[0]): void {
    if (!hasKernel(OPTIMIZER_UPDATE_KERNELS.momentum)) return super.applyGradients(variableGradients);
    const self = this as unknown as MomentumInternals;
    forEachGradient(variableGradients, (x, gradient, index, name) => {
      const accumulation = slotOf(self.accumulations, index, name, 'momentum', () => tf.zerosLike(x));
      if (gradient === undefined) return;
      const attrs = { momentum: self.momentum, learningRate: self.learningRate, nesterov: self.useNesterov };
      tf.tidy(() => runUpdate(OPTIMIZER_UPDATE_KERNELS.momentum, { x, gradient, accumulation }, attrs, [x, accumulation]));
    });
    this.incrementIterations();
  }
}

/** `tf.train.sgd` with its step in one kernel per variable; see `FusedAdam`. */
export class FusedSgd extends tf.SGDOptimizer {
  override applyGradients(variableGradients: Parameters<tf.SGDOptimizer['applyGradients']>[0]): void {
    if (!hasKernel(OPTIMIZER_UPDATE_KERNELS.sgd)) return super.applyGradients(variableGradients);
    forEachGradient(variableGradients, (x, gradient) => {
      if (gradient === undefined) return;
      tf.tidy(() => runUpdate(OPTIMIZER_UPDATE_KERNELS.sgd, { x, gradient }, { learningRate: this.learningRate }, [x]));
    });
    this.incrementIterations();
  }
}

/** What `FusedAdagrad` reads of tfjs-core's AdagradOptimizer. */
interface AdagradInternals {
  readonly learningRate: number;
  readonly initialAccumulatorValue: number;
  readonly accumulatedGrads: Array<Slot | undefined>;
}

/** `tf.train.adagrad` with its step in one kernel per variable; see `FusedAdam`. */
export class FusedAdagrad extends tf.AdagradOptimizer {
  override applyGradients(variableGradients: Parameters<tf.AdagradOptimizer['applyGradients']>[0]): void {
    if (!hasKernel(OPTIMIZER_UPDATE_KERNELS.adagrad)) return super.applyGradients(variableGradients);
    const self = this as unknown as AdagradInternals;
    forEachGradient(variableGradients, (x, gradient, index, name) => {
      const accumulator = slotOf(self.accumulatedGrads, index, name, 'accumulator', () => tf.fill(x.shape, self.initialAccumulatorValue));
      if (gradient === undefined) return;
      // tfjs-core reads the backend's epsilon on every step.
      const attrs = { epsilon: tf.backend().epsilon(), learningRate: self.learningRate };
      tf.tidy(() => runUpdate(OPTIMIZER_UPDATE_KERNELS.adagrad, { x, gradient, accumulator }, attrs, [x, accumulator]));
    });
    this.incrementIterations();
  }
}
