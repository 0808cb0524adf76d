import * as tf from '@tensorflow/tfjs';
import type { ModelInput, RecommenderSpec } from '@aiaas/model-spec';
import { applyLayer } from './apply-layer';
import { embeddingInitializer, type Initializer } from './embedding-initializer';
import type { SeedSequence } from './seed-sequence';

/** One side of the recommender (users or items): its id input and how many ids there are. */
export interface RecommenderSide {
  /** Which side; it prefixes the side's layer names. */
  readonly role: 'user' | 'item';
  /** The model input of the ids, [batch, 1] int32. */
  readonly ids: tf.SymbolicTensor;
  /** What the plan says about that input (its cardinality sizes the tables). */
  readonly input: ModelInput;
}

function cardinalityOf(input: ModelInput): number {
  if (input.cardinality === undefined) throw new Error(`id input ${input.name} has no cardinality`);
  return input.cardinality;
}

/** An embedding table looked up by one id per row, flattened to [batch, width]. */
function lookUp(side: RecommenderSide, width: number, initializer: Initializer, spec: RecommenderSpec, name: string): tf.SymbolicTensor {
  const embedded = applyLayer(
    tf.layers.embedding({
      name,
      inputDim: cardinalityOf(side.input),
      outputDim: width,
      inputLength: 1,
      embeddingsInitializer: initializer,
      ...(spec.l2 > 0 ? { embeddingsRegularizer: tf.regularizers.l2({ l2: spec.l2 }) } : {}),
    }),
    side.ids,
  );
  return applyLayer(tf.layers.flatten({ name: `${name}_flat` }), embedded);
}

/** The side's vector: its embedding, through its own dense tower for two-tower models. */
function sideVector(side: RecommenderSide, spec: RecommenderSpec, seeds: SeedSequence): tf.SymbolicTensor {
  let vector = lookUp(side, spec.embeddingDim, embeddingInitializer(seeds.next()), spec, `${side.role}_embedding`);
  if (spec.architecture === 'two-tower') {
    spec.towerUnits.forEach((units, index) => {
      const last = index === spec.towerUnits.length - 1;
      vector = applyLayer(
        tf.layers.dense({
          name: `${side.role}_tower_${index + 1}`,
          units,
          // The last layer is linear: its output meets the other tower's in a dot product.
          activation: last ? 'linear' : 'relu',
          kernelInitializer: last ? tf.initializers.glorotUniform({ seed: seeds.next() }) : tf.initializers.heNormal({ seed: seeds.next() }),
        }),
        vector,
      );
    });
  }
  return vector;
}

/**
 * The recommender's score [batch, 1] for (user id, item id) rows: dot(user vector, item
 * vector) + user bias + item bias + a global bias, where each vector is an embedding (matrix
 * factorisation) or an embedding through a dense tower (two-tower). The spec's L2 penalty
 * applies to every embedding table, the per-id biases included.
 */
export function recommenderScore(users: RecommenderSide, items: RecommenderSide, spec: RecommenderSpec, seeds: SeedSequence): tf.SymbolicTensor {
  const userVector = sideVector(users, spec, seeds);
  const itemVector = sideVector(items, spec, seeds);
  const interaction = applyLayer(tf.layers.dot({ name: 'interaction', axes: 1 }), [userVector, itemVector]);
  const userBias = lookUp(users, 1, tf.initializers.zeros(), spec, 'user_bias');
  const itemBias = lookUp(items, 1, tf.initializers.zeros(), spec, 'item_bias');
  // TF.js has no standalone trainable-bias layer: the global bias is the one weight of a
  // bias-free Dense(1) applied to a constant 1 (the user id rescaled by 0, offset by 1).
  const one = applyLayer(tf.layers.rescaling({ name: 'constant_one', scale: 0, offset: 1 }), users.ids);
  const globalBias = applyLayer(tf.layers.dense({ name: 'global_bias', units: 1, useBias: false, kernelInitializer: tf.initializers.zeros() }), one);
  return applyLayer(tf.layers.add({ name: 'score' }), [interaction, userBias, itemBias, globalBias]);
}
