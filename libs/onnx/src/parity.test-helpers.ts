import * as tf from '@tensorflow/tfjs';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import type { OnnxExport } from './export-to-onnx';

/** Row-major values of one model input, with its TF.js dtype and shape. */
export interface ExampleInput {
  readonly dtype: 'float32' | 'int32';
  readonly shape: readonly number[];
  readonly values: Float32Array | Int32Array;
}

/**
 * Moves every weight away from its initial value, deterministically, so biases, batch-norm
 * statistics and gate blocks that start at 0 or 1 are not trivially right: weights gain
 * 0.25·sin(…); variances become 0.05–0.55, where the batch-norm epsilon (1e-3) still moves outputs by ~1%.
 */
export function perturbWeights(model: tf.LayersModel): void {
  let counter = 0;
  for (const layer of model.layers) {
    const weights = layer.getWeights();
    if (weights.length === 0) continue;
    const perturbed = layer.weights.map((variable, index) => {
      const weight = weights[index]!;
      const values = Float32Array.from(weight.dataSync(), (value) => {
        counter++;
        return variable.originalName.endsWith('moving_variance') ? 0.05 + 0.25 * (1 + Math.sin(counter * 0.37)) : value + 0.25 * Math.sin(counter * 1.618);
      });
      return tf.tensor(values, weight.shape, weight.dtype);
    });
    layer.setWeights(perturbed);
    tf.dispose(perturbed);
  }
}

/** What `model.predict` gives for the inputs: each output's values, row-major. */
export function predictTfjs(model: tf.LayersModel, inputs: readonly ExampleInput[]): Float32Array[] {
  return tf.tidy(() => {
    const tensors = inputs.map((input) => tf.tensor(input.values, [...input.shape], input.dtype));
    const predicted = model.predict(tensors.length === 1 ? tensors[0]! : tensors);
    return (Array.isArray(predicted) ? predicted : [predicted]).map((tensor) => tensor.dataSync() as Float32Array);
  });
}

/** What ONNX Runtime gives for the exported model on the same inputs, in the same output order. */
export async function predictOnnx(exported: Extract<OnnxExport, { supported: true }>, inputs: readonly ExampleInput[]): Promise<Float32Array[]> {
  const session = await InferenceSession.create(exported.bytes);
  try {
    const feeds = Object.fromEntries(exported.inputs.map((info, index) => [info.name, new Tensor(inputs[index]!.dtype, inputs[index]!.values, [...inputs[index]!.shape])]));
    const results = await session.run(feeds);
    return exported.outputs.map((info) => results[info.name]!.data as Float32Array);
  } finally {
    await session.release();
  }
}

/**
 * The largest difference between TF.js and ONNX values, relative where values are large:
 * max over elements of |tfjs − onnx| / max(1, |tfjs|). So 1e-5 bounds the absolute error of
 * probabilities and standardised values and the relative error of target-unit predictions.
 */
export function maxScaledError(expected: readonly Float32Array[], actual: readonly Float32Array[]): number {
  if (expected.length !== actual.length) throw new Error(`${expected.length} outputs against ${actual.length}`);
  let worst = 0;
  expected.forEach((values, output) => {
    const other = actual[output]!;
    if (values.length !== other.length) throw new Error(`output ${output} has ${values.length} values against ${other.length}`);
    values.forEach((value, index) => {
      const error = Math.abs(value - other[index]!) / Math.max(1, Math.abs(value));
      if (!(error <= worst)) worst = Number.isNaN(error) ? Number.POSITIVE_INFINITY : error;
    });
  });
  return worst;
}
