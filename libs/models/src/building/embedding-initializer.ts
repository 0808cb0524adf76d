import * as tf from '@tensorflow/tfjs';

/** A TF.js weight initialiser (the class itself is not exported by `@tensorflow/tfjs`). */
export type Initializer = ReturnType<typeof tf.initializers.randomUniform>;

/** Keras's default embedding initialiser, uniform in ±0.05, seeded. */
export function embeddingInitializer(seed: number): Initializer {
  return tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed });
}
