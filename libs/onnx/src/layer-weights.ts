import type * as tf from '@tensorflow/tfjs';

/** One weight of a layer, read out of the backend. */
export interface LayerWeight {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/**
 * A layer's weights by their short name (`kernel`, `bias`, `gamma`, `moving_mean`, …: the part
 * of the variable's original name after the last `/`), so translations do not depend on the
 * order `getWeights()` lists them in.
 */
export function layerWeights(layer: tf.layers.Layer): Map<string, LayerWeight> {
  const variables = layer.weights;
  const values = layer.getWeights();
  const weights = new Map<string, LayerWeight>();
  variables.forEach((variable, index) => {
    const tensor = values[index]!;
    if (tensor.dtype !== 'float32') throw new Error(`weight ${variable.originalName} of layer ${layer.name} is ${tensor.dtype}, not float32`);
    weights.set(variable.originalName.split('/').pop()!, { shape: tensor.shape, values: tensor.dataSync() as Float32Array });
  });
  return weights;
}
