import { InvalidArgumentError } from '@aiaas/errors';

/**
 * Class probabilities [rows, classes] from a classifier's outputs: a softmax's as they are
 * (`width` = classes), or a sigmoid's P(class 1) as [1 − p, p] (`width` 1, two classes).
 */
export function classProbabilities(outputs: Float32Array, width: number, classes: number): Float32Array {
  if (width === classes) return outputs;
  if (width !== 1 || classes !== 2) throw new InvalidArgumentError('outputs', `${width} values per row cannot be probabilities of ${classes} classes; expected ${classes}, or 1 for two classes`);
  const probabilities = new Float32Array(outputs.length * 2);
  for (let row = 0; row < outputs.length; row++) {
    const p = outputs[row]!;
    probabilities[row * 2] = 1 - p;
    probabilities[row * 2 + 1] = p;
  }
  return probabilities;
}
