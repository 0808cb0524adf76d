import { TARGET_TOKENS, type SplitData } from '@aiaas/data';
import { DECODER_INPUT, type TrainingPlan } from '@aiaas/model-spec';
import { TrainingRows } from './training-rows';

/**
 * What a seq2seq decoder is fed in training (teacher forcing): each row's target tokens shifted
 * one step right behind the start token, so step t sees the true token t − 1.
 */
export function teacherForcedTokens(labels: Int32Array, rows: number, length: number): Int32Array {
  const tokens = new Int32Array(rows * length);
  for (let row = 0; row < rows; row++) {
    tokens[row * length] = TARGET_TOKENS.start;
    tokens.set(labels.subarray(row * length, (row + 1) * length - 1), row * length + 1);
  }
  return tokens;
}

/** A stored split as the plan's model consumes it: its inputs in order, and labels of the plan's kind. */
export function splitRows(split: SplitData, plan: TrainingPlan): TrainingRows {
  const labelWidth = plan.head.kind === 'token-softmax' ? plan.head.length : 1;
  if (split.labels.length !== split.rows * labelWidth) {
    throw new Error(`the processed split holds ${split.labels.length / Math.max(split.rows, 1)} label values per row, but the plan wants ${labelWidth}`);
  }
  const inputs = plan.inputs.map((input) => {
    if (input.name === DECODER_INPUT && plan.labels === 'token-sequence') return { values: teacherForcedTokens(split.labels as Int32Array, split.rows, labelWidth), width: labelWidth };
    const values = split.tensors[input.name];
    if (!values) throw new Error(`the processed split has no "${input.name}" output`);
    const dtype = values instanceof Int32Array ? 'int32' : 'float32';
    if (dtype !== input.dtype) throw new Error(`the processed split's "${input.name}" is ${dtype}, but the model takes ${input.dtype}`);
    return { values, width: input.width };
  });
  const wantsIds = plan.labels === 'class-index' || plan.labels === 'token-sequence';
  if (wantsIds !== split.labels instanceof Int32Array) {
    throw new Error(`the processed split's labels are ${split.labels instanceof Int32Array ? 'ids' : 'numbers'}, but the plan wants ${plan.labels} labels`);
  }
  return new TrainingRows(split.rows, inputs, split.labels, labelWidth);
}

/** Mean and population standard deviation of regression labels (std 1 when they are constant). */
export function labelScale(labels: Float32Array | Int32Array): { mean: number; std: number } {
  let sum = 0;
  for (const value of labels) sum += value;
  const mean = labels.length > 0 ? sum / labels.length : 0;
  let squares = 0;
  for (const value of labels) squares += (value - mean) ** 2;
  const std = labels.length > 0 ? Math.sqrt(squares / labels.length) : 0;
  return { mean, std: std > 1e-12 ? std : 1 };
}

/** `balanced` class weights: rows / (classes × rows of the class); a class with no rows weighs 1. */
export function balancedClassWeights(labels: Int32Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of labels) counts[label] = (counts[label] ?? 0) + 1;
  return counts.map((count) => (count > 0 ? labels.length / (classes * count) : 1));
}
