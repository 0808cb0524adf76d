/** A sigmoid head predicts class 1 (or an interaction) at or above this probability. */
export const SIGMOID_THRESHOLD = 0.5;

/**
 * Class indexes from a classifier's row-major outputs: the most probable class of each softmax
 * row (the first on ties), or class 1 where a sigmoid head's one unit — P(class 1) — reaches
 * SIGMOID_THRESHOLD, else class 0.
 */
export function predictedClasses(outputs: Float32Array, head: 'softmax' | 'sigmoid', classes: number): Int32Array {
  if (head === 'sigmoid') return Int32Array.from(outputs, (probability) => (probability >= SIGMOID_THRESHOLD ? 1 : 0));
  const rows = classes === 0 ? 0 : outputs.length / classes;
  const result = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    let best = 0;
    for (let column = 1; column < classes; column++) {
      if (outputs[row * classes + column]! > outputs[row * classes + best]!) best = column;
    }
    result[row] = best;
  }
  return result;
}
