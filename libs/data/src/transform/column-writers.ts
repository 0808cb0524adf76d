import { createBooleanCleaner, createCategoryCleaner, createScalarCleaner } from './column-cleaners';
import type { ColumnEncoder } from './fitted-transform';
import { readCategory, readText, type RowReader } from './row-reader';
import { TextNormalizer } from './text-normalizer';

/** Where a column writer puts its values for one row. */
export interface WriteTarget {
  /** The `features` tensor (undefined when the transform has no dense features). */
  features: Float32Array | undefined;
  /** Index of the row's first slot in `features`. */
  featureBase: number;
  /** The row index, for outputs of their own. */
  row: number;
  /** Every output tensor by name. */
  tensors: Readonly<Record<string, Float32Array | Int32Array>>;
}

/**
 * Writes one column of one row. Dense writers assume their slots were zeroed. Values are computed
 * in float64 and stored once, so one value gives the same float32 bytes whatever it came from.
 */
export type ColumnWriter = (row: RowReader, target: WriteTarget) => void;

/** index + `first` for each entry: the lookup vocabularies and id lists compile to. */
function indexMap(values: readonly string[], first: number): Map<string, number> {
  return new Map(values.map((value, index) => [value, index + first]));
}

/** Writes numeric/timestamp columns. */
function scalarWriter(encoder: ColumnEncoder & { type: 'numeric' | 'timestamp' }, offset: number): ColumnWriter {
  const clean = createScalarCleaner(encoder.column, encoder.type, encoder.impute, encoder.clip);
  switch (encoder.encoding) {
    case 'standardize': {
      const { mean, std } = encoder;
      return (row, target) => {
        target.features![target.featureBase + offset] = (clean(row) - mean) / std;
      };
    }
    case 'min-max': {
      const { min } = encoder;
      const range = encoder.max - encoder.min;
      return (row, target) => {
        target.features![target.featureBase + offset] = range === 0 ? 0 : (clean(row) - min) / range;
      };
    }
    case 'none':
      return (row, target) => {
        target.features![target.featureBase + offset] = clean(row);
      };
    case 'bucketize': {
      const boundaries = Float64Array.from(encoder.boundaries);
      return (row, target) => {
        const value = clean(row);
        // Bucket = how many boundaries are <= value (binary search).
        let low = 0;
        let high = boundaries.length;
        while (low < high) {
          const middle = (low + high) >>> 1;
          if (boundaries[middle]! <= value) low = middle + 1;
          else high = middle;
        }
        target.features![target.featureBase + offset + low] = 1;
      };
    }
  }
}

/** Writes text columns. */
function textWriter(encoder: ColumnEncoder & { type: 'text' }, offset: number, stopWords: readonly string[]): ColumnWriter {
  const normalizer = new TextNormalizer(encoder.normalization, stopWords);
  const { column } = encoder;
  const size = encoder.vocabulary.length;
  if (encoder.encoding === 'sequence') {
    const ids = indexMap(encoder.vocabulary, 2);
    const { sequenceLength, padding, truncation } = encoder;
    return (row, target) => {
      const output = target.tensors[column] as Int32Array;
      const tokens = normalizer.tokens(readText(row, column));
      const kept = Math.min(tokens.length, sequenceLength);
      const first = truncation === 'pre' ? tokens.length - kept : 0;
      const base = target.row * sequenceLength;
      const start = base + (padding === 'pre' ? sequenceLength - kept : 0);
      output.fill(0, base, base + sequenceLength);
      for (let i = 0; i < kept; i++) output[start + i] = ids.get(tokens[first + i]!) ?? 1;
    };
  }
  const slots = indexMap(encoder.vocabulary, 0);
  if (encoder.encoding === 'bag-of-words') {
    return (row, target) => {
      const base = target.featureBase + offset;
      // Counts are small integers, exact in float32, so adding in place is the same as adding in float64.
      for (const token of normalizer.tokens(readText(row, column))) target.features![base + (slots.get(token) ?? size)]! += 1;
    };
  }
  const idf = Float64Array.from(encoder.idf);
  // One scratch row per writer: the counts of this row, and which slots it touched.
  const counts = new Float64Array(size + 1);
  const touched: number[] = [];
  return (row, target) => {
    for (const token of normalizer.tokens(readText(row, column))) {
      const slot = slots.get(token) ?? size;
      if (counts[slot] === 0) touched.push(slot);
      counts[slot]! += 1;
    }
    let squares = 0;
    for (const slot of touched) {
      const weight = counts[slot]! * idf[slot]!;
      counts[slot] = weight;
      squares += weight * weight;
    }
    const norm = Math.sqrt(squares);
    const base = target.featureBase + offset;
    for (const slot of touched) {
      target.features![base + slot] = counts[slot]! / norm;
      counts[slot] = 0;
    }
    touched.length = 0;
  };
}

/**
 * Compiles the writer of one fitted column encoder, whose dense slots start at `offset` within
 * a `features` row. Lookups become Maps once, here, so encoding a row allocates nothing but what
 * tokenising text needs. Unseen categories, tokens and ids go to their out-of-vocabulary slot.
 */
export function compileColumnWriter(encoder: ColumnEncoder, offset: number, stopWords: readonly string[]): ColumnWriter {
  const { column } = encoder;
  switch (encoder.type) {
    case 'numeric':
    case 'timestamp':
      return scalarWriter(encoder, offset);
    case 'boolean': {
      const clean = createBooleanCleaner(column, encoder.impute);
      return (row, target) => {
        target.features![target.featureBase + offset] = clean(row) ? 1 : 0;
      };
    }
    case 'categorical': {
      const clean = createCategoryCleaner(column, encoder.impute);
      const size = encoder.vocabulary.length;
      if (encoder.encoding === 'one-hot') {
        const slots = indexMap(encoder.vocabulary, 0);
        return (row, target) => {
          const value = clean(row);
          const slot = value === undefined ? size : (slots.get(value) ?? size);
          target.features![target.featureBase + offset + slot] = 1;
        };
      }
      const indices = indexMap(encoder.vocabulary, 1);
      return (row, target) => {
        const value = clean(row);
        (target.tensors[column] as Int32Array)[target.row] = value === undefined ? 0 : (indices.get(value) ?? 0);
      };
    }
    case 'text':
      return textWriter(encoder, offset, stopWords);
    case 'id': {
      const indices = indexMap(encoder.ids, 1);
      return (row, target) => {
        const value = readCategory(row, column);
        (target.tensors[column] as Int32Array)[target.row] = value === undefined ? 0 : (indices.get(value) ?? 0);
      };
    }
  }
}
