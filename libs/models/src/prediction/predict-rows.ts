import * as tf from '@tensorflow/tfjs';

/** Values per row of a symbolic shape [batch, ...rest]: the product of the rest. */
function valuesPerRow(shape: readonly (number | null)[], what: string): number {
  return shape.slice(1).reduce<number>((product, size) => {
    if (size === null) throw new Error(`${what} has an unknown dimension in ${JSON.stringify(shape)}; predictRows needs fixed row shapes`);
    return product * size;
  }, 1);
}

/** One model input as predictRows feeds it: its per-row shape, width and dtype. */
interface InputFeed {
  readonly rowShape: number[];
  readonly width: number;
  readonly dtype: tf.DataType;
  readonly values: Float32Array | Int32Array;
}

function feedsOf(model: tf.LayersModel, inputs: readonly (Float32Array | Int32Array)[], rows: number): InputFeed[] {
  if (inputs.length !== model.inputs.length) throw new Error(`the model takes ${model.inputs.length} inputs, got ${inputs.length}`);
  return model.inputs.map((symbolic, index) => {
    const values = inputs[index]!;
    const width = valuesPerRow(symbolic.shape, `input ${symbolic.name}`);
    if (values.length !== rows * width) {
      throw new Error(`input ${symbolic.name} holds ${values.length} values, but ${rows} rows of ${width} need ${rows * width}`);
    }
    return { rowShape: symbolic.shape.slice(1) as number[], width, dtype: symbolic.dtype, values };
  });
}

/**
 * Runs a single-output model over `rows` rows and returns its output row-major
 * [rows, outputUnits]. `inputs` are the model's inputs in order, each row-major; each batch of
 * at most `batchSize` rows is sliced out of them into tensors of the input's shape and dtype,
 * so a large request never allocates one huge tensor. Every tensor it makes is freed.
 */
export async function predictRows(
  model: tf.LayersModel,
  inputs: readonly (Float32Array | Int32Array)[],
  rows: number,
  batchSize = 1_024,
): Promise<Float32Array> {
  if (model.outputs.length !== 1) throw new Error(`predictRows needs a single-output model; this one has ${model.outputs.length} outputs`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const feeds = feedsOf(model, inputs, rows);
  const units = valuesPerRow(model.outputs[0]!.shape, 'the output');
  const output = new Float32Array(rows * units);
  for (let start = 0; start < rows; start += batchSize) {
    const count = Math.min(batchSize, rows - start);
    const predicted = tf.tidy(() => {
      const batch = feeds.map(({ values, width, rowShape, dtype }) =>
        tf.tensor(values.subarray(start * width, (start + count) * width), [count, ...rowShape], dtype),
      );
      return model.predict(batch.length === 1 ? batch[0]! : batch) as tf.Tensor;
    });
    try {
      output.set(await predicted.data(), start * units);
    } finally {
      predicted.dispose();
    }
  }
  return output;
}
