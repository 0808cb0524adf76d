import { InvalidArgumentError } from '@aiaas/errors';
import type { RawValue } from '../raw-values';
import type { FittedTarget } from './cleaning-fit';
import { compileColumnWriter, type ColumnWriter, type WriteTarget } from './column-writers';
import { denseWidth, fittedTransformSchema, type FittedTransform, type TensorOutput } from './fitted-transform';
import type { RowReader } from './row-reader';
import { TargetSequenceCodec } from './target-sequence';
import { classLabelOf, regressionValueOf, targetTextOf } from './target-values';
import { FEATURES_OUTPUT } from './transform-plan';

/** Encoded rows: one row-major typed array per output, `rows × width` long. */
export interface EncodedBatch {
  /** Rows the batch holds. */
  readonly rows: number;
  /** Each output's values by output name (`features`, or a column with an output of its own). */
  readonly tensors: Record<string, Float32Array | Int32Array>;
}

const LISTED_CLASSES = 10;

/**
 * Applies a fitted transform to raw rows — the one implementation training, evaluation and
 * serving share, so a record encodes to the same bytes everywhere (`"3.10"` from a CSV and `3.1`
 * from JSON alike). Per-column writers are compiled once here; `encodeRow` then does no
 * per-row allocation besides tokenising text.
 */
export class TransformEncoder {
  /** The validated transform. */
  readonly transform: FittedTransform;
  /** Named tensors per row, as in the transform. */
  readonly outputs: readonly TensorOutput[];
  /** Raw columns `encodeRow` reads. */
  readonly inputColumns: readonly string[];
  /** The label's dtype: int32 class indices (classification), float32 values (regression) or int32 token ids (sequence). */
  readonly labelDtype: 'int32' | 'float32';
  /** Label values per row: the target's sequenceLength for a sequence target, else 1. */
  readonly labelWidth: number;
  private readonly writers: ColumnWriter[];
  private readonly featureWidth: number;
  private readonly classIndex: ReadonlyMap<string, number>;
  private readonly sequenceCodec: TargetSequenceCodec | undefined;
  private readonly target: WriteTarget = { features: undefined, featureBase: 0, row: 0, tensors: {} };

  /** Validates `transform` (e.g. just read from storage) and compiles its encoders. */
  constructor(transform: FittedTransform) {
    this.transform = fittedTransformSchema.parse(transform);
    this.outputs = this.transform.outputs;
    this.inputColumns = this.transform.inputColumns;
    const target = this.transform.target;
    this.labelDtype = target.task === 'regression' ? 'float32' : 'int32';
    this.labelWidth = target.task === 'sequence' ? target.sequenceLength : 1;
    this.classIndex = new Map(target.task === 'classification' ? target.classes.map((label, index) => [label, index]) : []);
    this.sequenceCodec = target.task === 'sequence' ? new TargetSequenceCodec(target) : undefined;
    const stopWords = this.transform.stopWords ?? [];
    let offset = 0;
    this.writers = this.transform.columns.map((encoder) => {
      const writer = compileColumnWriter(encoder, offset, stopWords);
      offset += denseWidth(encoder);
      return writer;
    });
    this.featureWidth = offset;
  }

  /**
   * Encodes `row` into row `index` of `batch` (made by `createEncodedBatch` for this encoder's
   * outputs). Missing values are imputed; unparseable ones throw an `InvalidArgumentError` naming
   * the cell (`row.describe(column)`).
   */
  encodeRow(row: RowReader, batch: EncodedBatch, index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= batch.rows) throw new RangeError(`row ${index} is outside a batch of ${batch.rows} rows`);
    const target = this.target;
    target.tensors = batch.tensors;
    target.row = index;
    target.featureBase = index * this.featureWidth;
    target.features = this.featureWidth > 0 ? (batch.tensors[FEATURES_OUTPUT] as Float32Array) : undefined;
    // Batches may be reused, and dense writers only set their non-zero slots.
    target.features?.fill(0, target.featureBase, target.featureBase + this.featureWidth);
    for (const write of this.writers) write(row, target);
  }

  /**
   * Writes the label of a target cell into row `row` of `labels` (`labelWidth` values from
   * `row × labelWidth`, in an array of `labelDtype`): its class index (classification), its
   * number (regression) or its token ids (sequence; see `TargetSequenceCodec.write`). A class
   * outside the fitted ones, or a missing or unparseable label, is an `InvalidArgumentError` on
   * `describe`.
   */
  writeLabel(value: RawValue, describe: string, labels: Float32Array | Int32Array, row: number): void {
    const offset = row * this.labelWidth;
    if (!Number.isInteger(row) || row < 0 || offset + this.labelWidth > labels.length) {
      throw new RangeError(`label row ${row} is outside an array of ${labels.length} values (${this.labelWidth} per row)`);
    }
    const target = this.transform.target;
    if (target.task === 'regression') labels[offset] = regressionValueOf(value, describe, target.column);
    else if (target.task === 'classification') labels[offset] = this.classIndexOf(target, value, describe);
    else this.sequenceCodec!.write(targetTextOf(value, describe, target.column), labels, offset);
  }

  private classIndexOf(target: Extract<FittedTarget, { task: 'classification' }>, value: RawValue, describe: string): number {
    const label = classLabelOf(value, describe, target.column);
    const index = this.classIndex.get(label);
    if (index === undefined) {
      const listed = target.classes.slice(0, LISTED_CLASSES).map((name) => JSON.stringify(name)).join(', ');
      const more = target.classes.length > LISTED_CLASSES ? `, … (${target.classes.length} in all)` : '';
      throw new InvalidArgumentError(describe, `${JSON.stringify(label)} is not a class of the target "${target.column}"; classes are ${listed}${more}`);
    }
    return index;
  }
}

/** A zeroed batch of `rows` rows for `encoder`'s outputs. */
export function createEncodedBatch(encoder: TransformEncoder, rows: number): EncodedBatch {
  if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`a batch has a whole, non-negative number of rows, got ${rows}`);
  const tensors: Record<string, Float32Array | Int32Array> = {};
  for (const output of encoder.outputs) {
    tensors[output.name] = output.dtype === 'float32' ? new Float32Array(rows * output.width) : new Int32Array(rows * output.width);
  }
  return { rows, tensors };
}

/**
 * Encodes in-memory rows of any shape: `read` takes a cell out of a row, `describe` names a cell
 * in errors (e.g. `(i, column) => \`records[${i}].fields.${column}\``).
 */
export function encodeRecords<Row>(
  transform: FittedTransform | TransformEncoder,
  rows: readonly Row[],
  read: (row: Row, column: string) => RawValue,
  describe: (rowIndex: number, column: string) => string,
): EncodedBatch {
  const encoder = transform instanceof TransformEncoder ? transform : new TransformEncoder(transform);
  const batch = createEncodedBatch(encoder, rows.length);
  let current: Row;
  let currentIndex = 0;
  // One reader, pointed at each row in turn.
  const reader: RowReader = {
    read: (column) => read(current, column),
    describe: (column) => describe(currentIndex, column),
  };
  rows.forEach((row, index) => {
    current = row;
    currentIndex = index;
    encoder.encodeRow(reader, batch, index);
  });
  return batch;
}
