import * as tf from '@tensorflow/tfjs';

type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** What a `SeededDropout` layer is built from. */
export interface SeededDropoutArgs extends LayerArgs {
  /** Fraction of the inputs set to zero in training, in [0, 1). */
  readonly rate: number;
  /** Seeds the masks; with the training step it fixes each batch's mask. */
  readonly seed: number;
}

/** The mask seed of one layer at one training step: distinct for every (seed, step) pair. */
function seedFor(seed: number, step: number): string {
  return `${seed}/${step}`;
}

/**
 * Inverted dropout whose mask is a function of the layer's seed and the training step.
 * TF.js's own Dropout draws the same mask on every batch when given a seed and an
 * unreproducible one when not; this layer draws a fresh mask per step that a rerun with the
 * same seed reproduces. The trainer sets the step with `setTrainingStep` before each batch.
 * Identity outside training (`training` is not `true` in the call's kwargs).
 */
export class SeededDropout extends tf.layers.Layer {
  /** The name this layer is serialised under. */
  static readonly className = 'SeededDropout';
  /** Fraction of the inputs set to zero in training. */
  readonly rate: number;
  /** Seed of the masks. */
  readonly seed: number;
  private step = 0;

  constructor(args: SeededDropoutArgs) {
    super(args);
    if (!(args.rate >= 0 && args.rate < 1)) throw new RangeError(`dropout rate must be in [0, 1), got ${args.rate}`);
    this.rate = args.rate;
    this.seed = args.seed;
    this.supportsMasking = true;
  }

  /** Makes the next training calls draw the mask of `step`. */
  setStep(step: number): void {
    this.step = step;
  }

  /** The training step whose mask the next training call draws. */
  get currentStep(): number {
    return this.step;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const input = Array.isArray(inputs) ? inputs[0]! : inputs;
    if (kwargs['training'] !== true || this.rate === 0) return input;
    return tf.tidy(() => tf.dropout(input, this.rate, undefined, seedFor(this.seed, this.step)));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}

tf.serialization.registerClass(SeededDropout);

/**
 * Sets the training step on every `SeededDropout` of a model, nested models included, so the
 * next training batch draws that step's masks: call it with the global batch counter before
 * each batch. The same seed and step always give the same masks.
 */
export function setTrainingStep(model: tf.LayersModel, step: number): void {
  for (const layer of model.layers) {
    if (layer instanceof SeededDropout) layer.setStep(step);
    else if (layer instanceof tf.LayersModel) setTrainingStep(layer, step);
  }
}
