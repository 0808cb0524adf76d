import { z } from 'zod';
import { clipBoundsSchema, fittedTargetSchema } from './cleaning-fit';
import { distinctStringsSchema } from './distinct-strings';
import { FEATURES_OUTPUT, textNormalizationSchema } from './transform-plan';

/** Format tag of the v2 fitted transform artifact. */
export const FITTED_TRANSFORM_FORMAT = 'aiaas.transform/v2';

const increasing = z.array(z.number()).refine((values) => values.every((value, index) => index === 0 || values[index - 1]! < value), {
  message: 'must be strictly increasing',
});

const scalarFields = {
  /** Column name in the dataset. */
  column: z.string(),
  /** What a missing cell becomes (timestamps in epoch seconds); not clipped. */
  impute: z.number(),
  /** Bounds present values are clipped to; absent when not clipping. */
  clip: clipBoundsSchema.optional(),
};
const standardizeFields = {
  encoding: z.literal('standardize'),
  /** Mean of the cleaned training values. */
  mean: z.number(),
  /** Population standard deviation of the cleaned training values; 1 when it was below 1e-12. */
  std: z.number().positive(),
};
const minMaxFields = {
  encoding: z.literal('min-max'),
  /** Smallest cleaned training value (→ 0). */
  min: z.number(),
  /** Largest cleaned training value (→ 1); when equal to min every value encodes as 0. */
  max: z.number(),
};
const noneFields = { encoding: z.literal('none') };
const bucketizeFields = {
  encoding: z.literal('bucketize'),
  /** Bucket boundaries; a value's bucket is how many boundaries are ≤ it (one-hot over boundaries + 1 slots). */
  boundaries: increasing,
};

/** A numeric column's encoder: one feature, or boundaries + 1 for bucketize. */
export const numericEncoderSchema = z.discriminatedUnion('encoding', [
  z.object({ type: z.literal('numeric'), ...scalarFields, ...standardizeFields }),
  z.object({ type: z.literal('numeric'), ...scalarFields, ...minMaxFields }),
  z.object({ type: z.literal('numeric'), ...scalarFields, ...noneFields }),
  z.object({ type: z.literal('numeric'), ...scalarFields, ...bucketizeFields }),
]);

/** A timestamp column's encoder, on epoch seconds: one feature. */
export const timestampEncoderSchema = z.discriminatedUnion('encoding', [
  z.object({ type: z.literal('timestamp'), ...scalarFields, ...standardizeFields }),
  z.object({ type: z.literal('timestamp'), ...scalarFields, ...minMaxFields }),
  z.object({ type: z.literal('timestamp'), ...scalarFields, ...noneFields }),
]);

/** A boolean column's encoder: one feature, 1 true, 0 false. */
export const booleanEncoderSchema = z.object({
  type: z.literal('boolean'),
  /** Column name in the dataset. */
  column: z.string(),
  /** What a missing cell becomes. */
  impute: z.boolean(),
});

const categoricalFields = {
  type: z.literal('categorical'),
  /** Column name in the dataset. */
  column: z.string(),
  /** Kept categories, most frequent first (ties in byte order). */
  vocabulary: distinctStringsSchema,
  /** The category a missing cell becomes; absent when missing cells go to the out-of-vocabulary slot. */
  impute: z.string().optional(),
  /** False when counting had to prune (the vocabulary is then approximate). */
  exactCounts: z.boolean(),
};

/** A categorical column's encoder: one-hot (vocabulary + 1 features, last = other/missing) or its own int32 index output (0 = other/missing). */
export const categoricalEncoderSchema = z.discriminatedUnion('encoding', [
  z.object({ ...categoricalFields, encoding: z.literal('one-hot') }),
  z.object({ ...categoricalFields, encoding: z.literal('index') }),
]);

const textFields = {
  type: z.literal('text'),
  /** Column name in the dataset. */
  column: z.string(),
  /** Kept tokens, most frequent first (ties in byte order). */
  vocabulary: distinctStringsSchema,
  /** How text is normalised before tokenising. */
  normalization: textNormalizationSchema,
  /** False when counting had to prune (the vocabulary is then approximate). */
  exactCounts: z.boolean(),
};

/** A text column's encoder. */
export const textEncoderSchema = z.discriminatedUnion('encoding', [
  z.object({
    ...textFields,
    /** Own int32 output of `sequenceLength` token ids: 0 padding, 1 out-of-vocabulary, 2.. vocabulary. */
    encoding: z.literal('sequence'),
    sequenceLength: z.number().int().positive(),
    padding: z.enum(['pre', 'post']),
    truncation: z.enum(['pre', 'post']),
  }),
  /** vocabulary + 1 features of raw token counts, the last counting out-of-vocabulary tokens. */
  z.object({ ...textFields, encoding: z.literal('bag-of-words') }),
  z.object({
    ...textFields,
    /** vocabulary + 1 features of count × idf, L2-normalised per row. */
    encoding: z.literal('tf-idf'),
    /**
     * ln((1 + N)/(1 + df)) + 1 per vocabulary token (scikit-learn's smooth idf), then one more
     * entry for the out-of-vocabulary slot: the mean of the others (1 for an empty vocabulary).
     */
    idf: z.array(z.number().positive()),
  }),
]);

/**
 * An id column's encoder: its own int32 output, 1.. for ids seen in training (byte order), 0 for
 * others. The id list is as long as the number of distinct training ids — it indexes the model's
 * embedding table, so it cannot be smaller.
 */
export const idEncoderSchema = z.object({
  type: z.literal('id'),
  /** Column name in the dataset. */
  column: z.string(),
  encoding: z.literal('index'),
  /** Ids seen in training, in byte order; an id's index is its position + 1. */
  ids: distinctStringsSchema,
});

/** One feature column's fitted encoder (columns with id `exclude` have none). */
export const columnEncoderSchema = z.discriminatedUnion('type', [
  numericEncoderSchema,
  timestampEncoderSchema,
  booleanEncoderSchema,
  categoricalEncoderSchema,
  textEncoderSchema,
  idEncoderSchema,
]);
/** A fitted column encoder. */
export type ColumnEncoder = z.infer<typeof columnEncoderSchema>;

/** Element types of the transform's outputs and of stored splits. */
export const TENSOR_DTYPES = ['float32', 'int32'] as const;
export type TensorDtype = (typeof TENSOR_DTYPES)[number];

/** A named tensor the transform produces per row. */
export const tensorOutputSchema = z.object({
  /** `features`, or the column name of a column with its own output. */
  name: z.string().min(1),
  dtype: z.enum(TENSOR_DTYPES),
  /** Values per row. */
  width: z.number().int().positive(),
});
/** A named per-row tensor of the transform. */
export type TensorOutput = z.infer<typeof tensorOutputSchema>;

/** How many `features` slots an encoder fills (0 for encoders with their own output). */
export function denseWidth(encoder: ColumnEncoder): number {
  switch (encoder.type) {
    case 'numeric':
    case 'timestamp':
      return encoder.encoding === 'bucketize' ? encoder.boundaries.length + 1 : 1;
    case 'boolean':
      return 1;
    case 'categorical':
      return encoder.encoding === 'one-hot' ? encoder.vocabulary.length + 1 : 0;
    case 'text':
      return encoder.encoding === 'sequence' ? 0 : encoder.vocabulary.length + 1;
    case 'id':
      return 0;
  }
}

/** The outputs encoders produce: `features` (when any dense slot exists), then own outputs in column order. */
export function outputsOf(encoders: readonly ColumnEncoder[]): TensorOutput[] {
  const width = encoders.reduce((total, encoder) => total + denseWidth(encoder), 0);
  const outputs: TensorOutput[] = width > 0 ? [{ name: FEATURES_OUTPUT, dtype: 'float32', width }] : [];
  for (const encoder of encoders) {
    if (encoder.type === 'text' && encoder.encoding === 'sequence') outputs.push({ name: encoder.column, dtype: 'int32', width: encoder.sequenceLength });
    else if (denseWidth(encoder) === 0) outputs.push({ name: encoder.column, dtype: 'int32', width: 1 });
  }
  return outputs;
}

/** What a transform output holds, for the models that consume it. */
export type OutputContent =
  | { readonly kind: 'dense'; readonly name: string; readonly width: number }
  /** Token ids in 0..cardinality-1: 0 padding, 1 out-of-vocabulary, 2.. vocabulary. */
  | { readonly kind: 'sequence'; readonly name: string; readonly width: number; readonly cardinality: number }
  /** One index in 0..cardinality-1 per row, 0 for unknown or missing. */
  | { readonly kind: 'index'; readonly name: string; readonly width: 1; readonly cardinality: number };

/** Each output of a fitted transform with what it holds: dense values, token sequences or indexes (with their table sizes). */
export function outputContents(transform: Pick<FittedTransform, 'columns' | 'outputs'>): OutputContent[] {
  return transform.outputs.map((output): OutputContent => {
    if (output.dtype === 'float32') return { kind: 'dense', name: output.name, width: output.width };
    const encoder = transform.columns.find((column) => column.column === output.name);
    if (encoder?.type === 'text' && encoder.encoding === 'sequence') {
      return { kind: 'sequence', name: output.name, width: output.width, cardinality: encoder.vocabulary.length + 2 };
    }
    if (encoder?.type === 'categorical' && encoder.encoding === 'index') return { kind: 'index', name: output.name, width: 1, cardinality: encoder.vocabulary.length + 1 };
    if (encoder?.type === 'id') return { kind: 'index', name: output.name, width: 1, cardinality: encoder.ids.length + 1 };
    throw new Error(`transform output "${output.name}" is int32 but no index or sequence encoder produces it`);
  });
}

/**
 * A transform fitted on a training split (format `aiaas.transform/v2`): how each raw column
 * becomes model inputs, and how the target becomes a label. Stored as JSON with the model and
 * applied by the same code in training, evaluation and serving. The schema checks the artifact
 * is self-consistent (outputs and input columns agree with the encoders).
 */
export const fittedTransformSchema = z
  .object({
    format: z.literal(FITTED_TRANSFORM_FORMAT),
    /** Fitted encoders of the feature columns, in feature order. */
    columns: z.array(columnEncoderSchema),
    /** The target; labels encode as int32 class indices (classification), float32 values (regression) or int32 token ids (sequence). */
    target: fittedTargetSchema,
    /** Stop words (as the user gave them), present only when some text column removes them. */
    stopWords: z.array(z.string()).optional(),
    /** Raw columns read at serving time, in column order (the target and excluded ids are not). */
    inputColumns: z.array(z.string()),
    /** Named tensors per row. */
    outputs: z.array(tensorOutputSchema),
    /** Training rows the transform was fitted on (N of tf-idf). */
    trainRows: z.number().int().nonnegative(),
  })
  .superRefine((transform, context) => {
    const expected = outputsOf(transform.columns);
    if (JSON.stringify(expected) !== JSON.stringify(transform.outputs)) {
      context.addIssue({ code: 'custom', path: ['outputs'], message: `outputs do not match the encoders; expected ${JSON.stringify(expected)}` });
    }
    const inputs = transform.columns.map((encoder) => encoder.column);
    if (JSON.stringify(inputs) !== JSON.stringify(transform.inputColumns)) {
      context.addIssue({ code: 'custom', path: ['inputColumns'], message: `input columns do not match the encoders; expected ${JSON.stringify(inputs)}` });
    }
    transform.columns.forEach((encoder, index) => {
      if (encoder.type === 'text' && encoder.encoding === 'tf-idf' && encoder.idf.length !== encoder.vocabulary.length + 1) {
        context.addIssue({ code: 'custom', path: ['columns', index, 'idf'], message: 'needs one weight per vocabulary token plus one for out-of-vocabulary tokens' });
      }
      if (encoder.type === 'text' && encoder.normalization.removeStopWords && transform.stopWords === undefined) {
        context.addIssue({ code: 'custom', path: ['stopWords'], message: `column "${encoder.column}" removes stop words but the transform stores none` });
      }
    });
  });
/** A validated v2 fitted transform. */
export type FittedTransform = z.infer<typeof fittedTransformSchema>;
