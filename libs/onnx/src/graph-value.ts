import type { OnnxElementType } from './onnx-graph-builder';

/**
 * Which time steps of a [batch, steps, …] value a masking layer downstream must skip: TF.js's
 * Embedding with `maskZero` marks a step valid where its token id is not 0; any other mask
 * (one a merge layer combined, say) is `opaque` and has no translation.
 */
export type SequenceMask = { readonly kind: 'nonzero-ids'; readonly ids: GraphValue } | { readonly kind: 'opaque'; readonly origin: string };

/** One value of the ONNX graph standing for one symbolic tensor of the TF.js model. */
export interface GraphValue {
  /** The ONNX value name. */
  readonly name: string;
  readonly elementType: OnnxElementType;
  /** The TF.js symbolic shape (`null` for the batch and other free dimensions). */
  readonly shape: readonly (number | null)[];
  /** The TF.js mask that travels with the tensor, when there is one. */
  readonly mask?: SequenceMask;
}
