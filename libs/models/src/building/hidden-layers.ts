import * as tf from '@tensorflow/tfjs';
import type { Activation, DenseLayerSpec } from '@aiaas/model-spec';
import { applyLayer } from './apply-layer';
import type { Initializer } from './embedding-initializer';
import { SeededDropout } from './seeded-dropout';
import type { SeedSequence } from './seed-sequence';

/** He initialisation suits the ReLU family (half the units silent), LeCun SELU, Glorot the rest. */
function kernelInitializer(activation: Activation, seed: number): Initializer {
  switch (activation) {
    case 'relu':
    case 'elu':
    case 'gelu':
    case 'swish':
      return tf.initializers.heNormal({ seed });
    case 'selu':
      return tf.initializers.leCunNormal({ seed });
    default:
      return tf.initializers.glorotUniform({ seed });
  }
}

/**
 * Applies hidden dense layers in order: Dense (with its L1/L2 kernel penalty) → BatchNorm →
 * activation → SeededDropout, each part only when the layer's spec asks for it. Layers are
 * named `<prefix>_<n>_<part>`, n from 1.
 */
export function applyHiddenLayers(input: tf.SymbolicTensor, layers: readonly DenseLayerSpec[], seeds: SeedSequence, prefix = 'hidden'): tf.SymbolicTensor {
  let output = input;
  layers.forEach((spec, index) => {
    const name = `${prefix}_${index + 1}`;
    const kernelRegularizer = spec.l1 > 0 || spec.l2 > 0 ? tf.regularizers.l1l2({ l1: spec.l1, l2: spec.l2 }) : undefined;
    output = applyLayer(
      tf.layers.dense({
        name: `${name}_dense`,
        units: spec.units,
        // Without batch norm the activation fuses into the matmul kernel; with it, the
        // activation has to wait for the normalisation, and batch norm's beta is the bias.
        activation: spec.batchNorm ? 'linear' : spec.activation,
        useBias: !spec.batchNorm,
        kernelInitializer: kernelInitializer(spec.activation, seeds.next()),
        ...(kernelRegularizer ? { kernelRegularizer } : {}),
      }),
      output,
    );
    if (spec.batchNorm) {
      output = applyLayer(tf.layers.batchNormalization({ name: `${name}_batch_norm` }), output);
      if (spec.activation !== 'linear') output = applyLayer(tf.layers.activation({ name: `${name}_activation`, activation: spec.activation }), output);
    }
    if (spec.dropout > 0) output = applyLayer(new SeededDropout({ name: `${name}_dropout`, rate: spec.dropout, seed: seeds.next() }), output);
  });
  return output;
}
