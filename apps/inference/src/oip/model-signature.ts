import type { ModelVersionRecord } from '@aiaas/registry';
import { requestInputs } from '../sequence-decoding';

/** The OIP datatypes a platform model's tensors use. */
export type SignatureDatatype = 'FP32' | 'INT32';

/** One input tensor of a version, as OIP describes it: a batch of `width`-wide rows. */
export interface SignatureInput {
  readonly name: string;
  readonly datatype: SignatureDatatype;
  /** Values per row. */
  readonly width: number;
  /** INT32 ids (category, id or token indexes) must lie in [0, cardinality). */
  readonly cardinality: number | undefined;
  /** [-1, width]: any number of rows. */
  readonly shape: readonly number[];
}

/** One output tensor of a version, as OIP describes it. */
export interface SignatureOutput {
  readonly name: string;
  readonly datatype: SignatureDatatype;
  /** [-1, classes] or [-1]. */
  readonly shape: readonly number[];
}

/** What a version takes and answers, in OIP terms. */
export interface ModelSignature {
  readonly inputs: readonly SignatureInput[];
  /** Empty for seq2seq versions: decoding is not a tensor op, they answer through Predict. */
  readonly outputs: readonly SignatureOutput[];
}

/** Output of classifiers: class probabilities [rows, classes], columns in class-label order. */
export const PROBABILITIES_OUTPUT = 'probabilities';

/** Output of regressors and recommenders: one value per row. */
export const VALUES_OUTPUT = 'values';

const datatypeOf = (dtype: 'float32' | 'int32'): SignatureDatatype => (dtype === 'float32' ? 'FP32' : 'INT32');

/**
 * A version's OIP signature, read from its registry record. Inputs are the transform outputs
 * the model takes, in model order (a seq2seq model's decoder tokens excepted: it makes those
 * itself). Outputs mirror Predict: classifiers answer `probabilities` FP32 [-1, classes] (a
 * sigmoid head's P(second class) p as [1 − p, p]), regressors and recommenders `values` FP32 [-1].
 */
export function modelSignature(record: ModelVersionRecord): ModelSignature {
  const inputs = requestInputs(record).map(
    (input): SignatureInput => ({
      name: input.name,
      datatype: datatypeOf(input.dtype),
      width: input.width,
      cardinality: input.cardinality,
      shape: [-1, input.width],
    }),
  );
  switch (record.labels) {
    case 'class-index':
      return { inputs, outputs: [{ name: PROBABILITIES_OUTPUT, datatype: 'FP32', shape: [-1, record.head === 'sigmoid' ? 2 : record.classLabels.length] }] };
    case 'value':
    case 'interaction':
      return { inputs, outputs: [{ name: VALUES_OUTPUT, datatype: 'FP32', shape: [-1] }] };
    case 'token-sequence':
      return { inputs, outputs: [] };
  }
}

/** `"features" (FP32 [-1, 12])`: how error messages name a tensor. */
export function describeTensor(tensor: { readonly name: string; readonly datatype: string; readonly shape: readonly number[] }): string {
  return `"${tensor.name}" (${tensor.datatype} [${tensor.shape.join(', ')}])`;
}
