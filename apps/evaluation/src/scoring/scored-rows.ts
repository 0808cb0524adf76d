/**
 * Rows a version has scored: its outputs (class probabilities, values, or decoded token ids)
 * beside the labels, both row-major.
 */
export interface ScoredRows {
  readonly rows: number;
  readonly outputs: Float32Array | Int32Array;
  /** Output values per row. */
  readonly outputWidth: number;
  readonly labels: Float32Array | Int32Array;
  /** Label values per row. */
  readonly labelWidth: number;
}

/** The rows at `indexes` of a row-major array of `width` values per row, in that order. */
export function gather<T extends Float32Array | Int32Array>(source: T, width: number, indexes: readonly number[]): T {
  const target = new (source.constructor as new (length: number) => T)(indexes.length * width);
  indexes.forEach((row, position) => target.set(source.subarray(row * width, (row + 1) * width), position * width));
  return target;
}

/** The rows at `indexes`, in that order. */
export function selectRows(scored: ScoredRows, indexes: readonly number[]): ScoredRows {
  return {
    rows: indexes.length,
    outputs: gather(scored.outputs, scored.outputWidth, indexes),
    outputWidth: scored.outputWidth,
    labels: gather(scored.labels, scored.labelWidth, indexes),
    labelWidth: scored.labelWidth,
  };
}
