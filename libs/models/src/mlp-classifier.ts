import * as tf from '@tensorflow/tfjs';
import { predictRows } from './prediction/predict-rows';

/** What a multi-layer perceptron classifier is built from. */
export interface MlpClassifierSpec {
  /** Width of the feature vector. */
  readonly inputSize: number;
  /** Number of output classes (softmax units). */
  readonly classes: number;
  /** Width of each hidden layer, input side first. */
  readonly hiddenUnits: readonly number[];
  /** Dropout rate after each hidden layer; 0 for none. */
  readonly dropout: number;
  readonly learningRate: number;
  /** Seeds weight initialisation and dropout, so the same data gives the same model. */
  readonly seed: number;
}

/** A compiled MLP: ReLU hidden layers, softmax output, Adam, categorical cross-entropy. */
export function buildMlpClassifier(spec: MlpClassifierSpec): tf.Sequential {
  const model = tf.sequential();
  let seed = spec.seed;
  spec.hiddenUnits.forEach((units, index) => {
    model.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        kernelInitializer: tf.initializers.heNormal({ seed: seed++ }),
        ...(index === 0 ? { inputShape: [spec.inputSize] } : {}),
      }),
    );
    if (spec.dropout > 0) model.add(tf.layers.dropout({ rate: spec.dropout, seed: seed++ }));
  });
  model.add(
    tf.layers.dense({
      units: spec.classes,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed++ }),
      ...(spec.hiddenUnits.length === 0 ? { inputShape: [spec.inputSize] } : {}),
    }),
  );
  model.compile({ optimizer: tf.train.adam(spec.learningRate), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

/**
 * Class probabilities of `rows` feature vectors of `featureCount` values, row-major
 * [rows, classes]: `predictRows` for a model with one dense input.
 */
export async function predictProbabilities(
  model: tf.LayersModel,
  features: Float32Array,
  rows: number,
  featureCount: number,
  batchSize = 1_024,
): Promise<Float32Array> {
  const modelWidth = model.inputs[0]?.shape[1];
  if (model.inputs.length !== 1 || modelWidth !== featureCount) {
    throw new Error(`the model takes ${model.inputs.length === 1 ? `${modelWidth} features per row` : `${model.inputs.length} inputs`}, not one input of ${featureCount} features`);
  }
  return predictRows(model, [features], rows, batchSize);
}

/** Index of the largest value in each row of a row-major [rows, width] matrix. */
export function argMaxRows(values: Float32Array, width: number): Int32Array {
  const rows = width === 0 ? 0 : values.length / width;
  const result = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    let best = 0;
    for (let column = 1; column < width; column++) {
      if (values[row * width + column]! > values[row * width + best]!) best = column;
    }
    result[row] = best;
  }
  return result;
}
