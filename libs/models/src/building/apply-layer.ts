import * as tf from '@tensorflow/tfjs';

/**
 * Applies a single-output layer to symbolic tensors while a functional model is being wired,
 * narrowing TF.js's `Tensor | SymbolicTensor | array` result to the one symbolic output.
 */
export function applyLayer(layer: tf.layers.Layer, input: tf.SymbolicTensor | tf.SymbolicTensor[]): tf.SymbolicTensor {
  const output = layer.apply(input);
  if (!(output instanceof tf.SymbolicTensor)) throw new Error(`layer ${layer.name} did not produce one symbolic tensor`);
  return output;
}
