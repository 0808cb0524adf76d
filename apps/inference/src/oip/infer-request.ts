/**
 * The values of one input tensor as a transport delivers them:
 * - `raw`: little-endian bytes, flattened row-major (gRPC `raw_input_contents`);
 * - `values`: one element per entry, flattened row-major (gRPC typed `contents`, or the JSON
 *   `data` array of the HTTP form, nesting already flattened). Elements are checked, not trusted.
 */
export type TensorData =
  | { readonly kind: 'raw'; readonly bytes: Uint8Array; readonly source: string }
  | { readonly kind: 'values'; readonly values: ArrayLike<unknown>; readonly source: string };

/** One input tensor of an inference request, whichever transport carried it. */
export interface InferInput {
  readonly name: string;
  /** As the client wrote it; checked against the model's. */
  readonly datatype: string;
  /** As the client wrote it; checked against [rows, width]. */
  readonly shape: readonly number[];
  readonly data: TensorData;
}

/** An inference request, whichever transport carried it (gRPC ModelInfer or HTTP `/infer`). */
export interface InferRequest {
  /** The platform model name. */
  readonly modelName: string;
  /** "" for the default route (production, or a traffic split's canary), a version number, or an alias name. */
  readonly modelVersion: string;
  /** Echoed in the result. */
  readonly id: string;
  readonly inputs: readonly InferInput[];
  /** The outputs wanted, by name; empty for all of them. */
  readonly outputs: readonly string[];
}

/** One output tensor of a result. */
export interface InferOutput {
  /** `probabilities` or `values`. */
  readonly name: string;
  readonly datatype: 'FP32';
  /** [rows, classes] or [rows]. */
  readonly shape: readonly number[];
  /** Row-major. */
  readonly values: Float32Array;
}

/** What a model answered. */
export interface InferResult {
  /** The platform model name. */
  readonly modelName: string;
  /** The version that answered, as a decimal number. */
  readonly modelVersion: string;
  /** The request's id. */
  readonly id: string;
  /** The requested outputs, in the request's order (all of them when it named none). */
  readonly outputs: readonly InferOutput[];
}
