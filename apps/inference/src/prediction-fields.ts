import { FailedPreconditionError } from '@aiaas/errors';
import { DECODER_INPUT } from '@aiaas/model-spec';
import type { PredictResponse } from '@aiaas/proto';
import type { ModelVersionRecord } from '@aiaas/registry';
import { encodeTensor } from '@aiaas/tensor';

/** A sigmoid head predicts the second class at or above this probability, as evaluation does. */
export const SIGMOID_THRESHOLD = 0.5;

/** What a PredictResponse says about the rows, beside the model name and version. */
export type PredictionFields = Required<Pick<PredictResponse, 'class_labels' | 'probabilities' | 'predicted_labels' | 'values' | 'decoded_texts'>>;

const describe = (record: ModelVersionRecord) => `${record.modelName} version ${record.version}`;

/** Values per row the version's model outputs: one per class for softmax, one per step and token for token-softmax, else one. */
export function outputUnits(record: ModelVersionRecord): number {
  if (record.head === 'token-softmax') {
    const decoderTokens = record.inputs.find((input) => input.name === DECODER_INPUT);
    return decoderTokens ? decoderTokens.width * (decoderTokens.cardinality ?? 0) : 0;
  }
  return record.head === 'softmax' ? record.classLabels.length : 1;
}

/**
 * Throws FailedPreconditionError unless `outputs` holds `rows` rows of what the version's head
 * promises, so a version whose record and model disagree never answers.
 */
export function checkOutputs(record: ModelVersionRecord, outputs: Float32Array, rows: number): void {
  const units = outputUnits(record);
  if (outputs.length !== rows * units) {
    throw new FailedPreconditionError(
      `${describe(record)} has a ${record.head} head, which outputs ${units} value${units === 1 ? '' : 's'} per row, but its model outputs ${rows === 0 ? outputs.length : outputs.length / rows}; retrain it`,
    );
  }
}

function softmaxFields(classes: readonly string[], outputs: Float32Array, rows: number): PredictionFields {
  const predicted: string[] = [];
  for (let row = 0; row < rows; row++) {
    let best = 0;
    for (let column = 1; column < classes.length; column++) {
      if (outputs[row * classes.length + column]! > outputs[row * classes.length + best]!) best = column;
    }
    predicted.push(classes[best]!);
  }
  return { class_labels: [...classes], probabilities: encodeTensor(outputs, [rows, classes.length]), predicted_labels: predicted, values: null, decoded_texts: [] };
}

/** One sigmoid unit, P(second class), as the two-column probabilities of a softmax. */
function sigmoidFields(record: ModelVersionRecord, outputs: Float32Array, rows: number): PredictionFields {
  const classes = record.classLabels;
  if (classes.length !== 2) throw new FailedPreconditionError(`${describe(record)} has a sigmoid head over ${classes.length} classes; a sigmoid head needs exactly two; retrain it`);
  const probabilities = new Float32Array(rows * 2);
  const predicted: string[] = [];
  for (let row = 0; row < rows; row++) {
    const p = outputs[row]!;
    probabilities[row * 2] = 1 - p;
    probabilities[row * 2 + 1] = p;
    predicted.push(classes[p >= SIGMOID_THRESHOLD ? 1 : 0]!);
  }
  return { class_labels: [...classes], probabilities: encodeTensor(probabilities, [rows, 2]), predicted_labels: predicted, values: null, decoded_texts: [] };
}

/**
 * The response fields for the model's row-major `outputs`, as the version's head and labels
 * say: class labels, probabilities [rows, classes] and the predicted class for classifiers (a
 * sigmoid head's P(second class) p becomes [1 − p, p]); `values` [rows] — the predicted value,
 * or P(interaction) for implicit feedback — for everything else.
 */
export function predictionFields(record: ModelVersionRecord, outputs: Float32Array, rows: number): PredictionFields {
  checkOutputs(record, outputs, rows);
  switch (record.labels) {
    case 'class-index':
      if (record.head === 'softmax') return softmaxFields(record.classLabels, outputs, rows);
      if (record.head === 'sigmoid') return sigmoidFields(record, outputs, rows);
      throw new FailedPreconditionError(`${describe(record)} predicts classes but has a linear head; retrain it`);
    case 'value':
    case 'interaction':
      return { class_labels: [], probabilities: null, predicted_labels: [], values: encodeTensor(outputs, [rows]), decoded_texts: [] };
    case 'token-sequence':
      throw new Error(`${describe(record)} answers with decoded texts (decodedTextFields), not with its outputs`);
  }
}

/** The response fields of a seq2seq version: one decoded text per row. */
export function decodedTextFields(texts: readonly string[]): PredictionFields {
  return { class_labels: [], probabilities: null, predicted_labels: [], values: null, decoded_texts: [...texts] };
}
