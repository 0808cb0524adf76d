import { z } from 'zod';
import { InvalidArgumentError } from '@aiaas/errors';
import { COLUMN_TYPES, type ColumnTypeName } from './column-types';
import { categoryOf, isMissing, parseNumber, type RawValue } from './raw-values';

const standardizeSchema = z.object({
  kind: z.literal('standardize'),
  column: z.string(),
  /** Mean of the training split; also what a missing value is imputed with. */
  mean: z.number(),
  /** Population standard deviation of the training split; 1 when it was 0. */
  std: z.number().positive(),
});

const oneHotSchema = z.object({
  kind: z.literal('one-hot'),
  column: z.string(),
  /** Categories seen in the training split, most frequent first. One more slot follows them for
   * anything else, including missing values. */
  vocabulary: z.array(z.string()),
});

export const featureTransformSchema = z.discriminatedUnion('kind', [standardizeSchema, oneHotSchema]);
export type FeatureTransform = z.infer<typeof featureTransformSchema>;

/**
 * A transform fitted on a training split: how each raw column becomes features, and the class
 * labels of the target. Stored as an artifact with the model; applied identically in training
 * and in serving.
 */
export const fittedTransformSchema = z.object({
  format: z.literal('aiaas.tabular-transform/v1'),
  target: z.object({ column: z.string(), classes: z.array(z.string()).min(2) }),
  features: z.array(featureTransformSchema),
  featureCount: z.number().int().positive(),
});
export type FittedTransform = z.infer<typeof fittedTransformSchema>;

/** Number of features a column contributes. */
export function featureWidth(feature: FeatureTransform): number {
  return feature.kind === 'standardize' ? 1 : feature.vocabulary.length + 1;
}

export interface FitOptions {
  /** Column names, in file order. */
  readonly header: readonly string[];
  /** Type of each column, by name. */
  readonly types: ReadonlyMap<string, ColumnTypeName>;
  readonly targetColumn: string;
  /** Class labels of the target, in output order. */
  readonly classes: readonly string[];
  /** Training rows only (fitting on test rows would leak them into the model). */
  readonly rows: ReadonlyArray<readonly RawValue[]>;
  /** Largest vocabulary kept per categorical column; rarer categories share the extra slot. */
  readonly maxVocabulary?: number;
}

/** Fits standardisation and one-hot vocabularies on the training rows. */
export function fitTransform(options: FitOptions): FittedTransform {
  const maxVocabulary = options.maxVocabulary ?? 1_000;
  const features: FeatureTransform[] = [];
  options.header.forEach((column, index) => {
    if (column === options.targetColumn) return;
    const type = options.types.get(column);
    if (type === undefined || !COLUMN_TYPES.includes(type)) throw new Error(`no column type for "${column}"`);
    if (type === 'numeric') {
      let count = 0;
      let sum = 0;
      let sumOfSquares = 0;
      for (const row of options.rows) {
        const value = row[index];
        if (isMissing(value)) continue;
        const number = parseNumber(value as Exclude<RawValue, null | undefined>);
        if (number === undefined) continue;
        count += 1;
        sum += number;
        sumOfSquares += number * number;
      }
      const mean = count === 0 ? 0 : sum / count;
      const variance = count === 0 ? 0 : Math.max(0, sumOfSquares / count - mean * mean);
      const std = Math.sqrt(variance);
      features.push({ kind: 'standardize', column, mean, std: std > 1e-12 ? std : 1 });
    } else {
      const counts = new Map<string, number>();
      for (const row of options.rows) {
        const value = row[index];
        if (isMissing(value)) continue;
        const category = categoryOf(value as Exclude<RawValue, null | undefined>);
        counts.set(category, (counts.get(category) ?? 0) + 1);
      }
      const vocabulary = [...counts.entries()]
        .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, maxVocabulary)
        .map(([category]) => category);
      features.push({ kind: 'one-hot', column, vocabulary });
    }
  });
  const featureCount = features.reduce((total, feature) => total + featureWidth(feature), 0);
  return fittedTransformSchema.parse({
    format: 'aiaas.tabular-transform/v1',
    target: { column: options.targetColumn, classes: [...options.classes] },
    features,
    featureCount,
  });
}

/** Reads one raw value of a row; how rows are shaped differs between files and requests. */
export type ValueReader<Row> = (row: Row, column: string) => RawValue;

/**
 * Turns raw rows into a row-major [rows.length, featureCount] float32 matrix. `describe` names
 * a row and column in errors (e.g. `records[3].fields.bill_length_mm`).
 */
export function applyTransform<Row>(
  transform: FittedTransform,
  rows: readonly Row[],
  read: ValueReader<Row>,
  describe: (rowIndex: number, column: string) => string,
): Float32Array {
  const width = transform.featureCount;
  const output = new Float32Array(rows.length * width);
  const lookups = transform.features.map((feature) =>
    feature.kind === 'one-hot' ? new Map(feature.vocabulary.map((category, index) => [category, index])) : undefined,
  );
  rows.forEach((row, rowIndex) => {
    let offset = rowIndex * width;
    transform.features.forEach((feature, featureIndex) => {
      const value = read(row, feature.column);
      if (feature.kind === 'standardize') {
        let number = feature.mean;
        if (!isMissing(value)) {
          const parsed = parseNumber(value as Exclude<RawValue, null | undefined>);
          if (parsed === undefined) {
            throw new InvalidArgumentError(describe(rowIndex, feature.column), `${JSON.stringify(value)} is not a number; column "${feature.column}" is numeric`);
          }
          number = parsed;
        }
        output[offset] = (number - feature.mean) / feature.std;
        offset += 1;
      } else {
        const slot = isMissing(value)
          ? feature.vocabulary.length
          : lookups[featureIndex]!.get(categoryOf(value as Exclude<RawValue, null | undefined>)) ?? feature.vocabulary.length;
        output[offset + slot] = 1;
        offset += feature.vocabulary.length + 1;
      }
    });
  });
  return output;
}

/** Raw input columns the transform reads, in feature order. */
export function inputColumns(transform: FittedTransform): string[] {
  return transform.features.map((feature) => feature.column);
}
